"""The words film questions share with the rest of the generator: company kinds, credit verbs, money."""

from __future__ import annotations

from collections.abc import Iterable

from ...facts import model as m
from ...questions import Tolerance
from ...text import normalise
from .. import english as en
from ..core import Ctx, Skip
from ..english import KIND_NOUN

HOME = "south-korea"  # the industry the source is about: "Besides South Korea, ..."
NUMBER_TOLERANCE = Tolerance(relative=0.05)

ROLE_ACTIVE = {
    "producer": ("produced", "produce"),
    "co-producer": ("co-produced", "co-produce"),
    "financier": ("financed", "finance"),
    "distributor": ("distributed", "distribute"),
    "sponsor": ("sponsored", "sponsor"),
    "vfx": ("made the visual effects for", "make the visual effects for"),
}
CURRENCY = {
    "KRW": "won",
    "USD": "US dollars",
    "HKD": "Hong Kong dollars",
    "JPY": "yen",
    "CNY": "yuan",
    "THB": "baht",
    "EUR": "euros",
}


def kind_noun(org: m.Organisation) -> str:
    return KIND_NOUN.get(org.kind, "organisation")


def org_descriptor(ctx: Ctx, org_id: str) -> str:
    """`Thai studio`, `American government agency`."""
    org = ctx.base.get(org_id)
    country = ctx.base.by_id.get(org.country)
    adjective = getattr(country, "adjective", None)
    return f"{adjective} {kind_noun(org)}" if adjective else kind_noun(org)


def roles_active(roles: Iterable[str], tense: int = 0) -> str:
    """`financed and distributed` (tense 0) or `finance and distribute` (tense 1)."""
    return en.join([ROLE_ACTIVE[r][tense] for r in dict.fromkeys(roles)])


def money_text(money: m.Money, amount: int | None = None, qualifier: str | None = None) -> str:
    """`over 20 billion won`."""
    amount = money.amount if amount is None else amount
    qualifier = money.qualifier if qualifier is None else qualifier
    words = {"exact": "", "about": "about ", "over": "over ", "under": "under "}[qualifier]
    return f"{words}{en.friendly_amount(amount)} {CURRENCY[money.currency]}"


def short_name(ctx: Ctx, entity_id: str, avoid: Iterable[str] = ()) -> str:
    """The entity's name, or its shortest alias that names it alone when the name gives `avoid` away."""
    label = ctx.ref(entity_id)
    banned = [normalise(a) for a in avoid]
    if not any(b and b in normalise(label) for b in banned):
        return label
    kind = ctx.base.kind_of[entity_id]
    for alias in sorted(ctx.base.aliases(entity_id), key=len):
        if ctx.owners.get((kind, normalise(alias))) == {entity_id} and not any(
            b in normalise(alias) for b in banned
        ):
            return alias
    raise Skip(f"every name of {entity_id} gives the answer away")
