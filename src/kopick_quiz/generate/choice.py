"""Distractors and near-miss falsehoods, and the question shapes every family builds with them.

Every pick is seeded by the id of the question it is for (a rendezvous hash: each candidate is
ranked by `hash(question id, candidate id)` within its plausibility tier), never by a shared
random sequence: adding a film changes a question's choices only when the new film itself ranks
among them.

Ranking a whole pool for every question would make generation quadratic in the size of the base,
so a large pool (`Pool.whole` is false) is ranked a window at a time: the candidates that follow
the question's own point on the pool's ring (and first on the rings of the likeliest candidates,
`Draw.prefer`), ranked as above. A question then costs the same however large the base, and
adding an entity still changes only the questions whose window it falls in.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..facts import model as m
from ..questions import QType, Tolerance, shuffled
from ..text import normalise
from . import english as en
from .core import Ctx, Draft, Pool, Skip, question_id, ring_point, stable_hash

DISTRACTORS = 3
# Candidates a question ranks at a time from a large pool, and how many of its members it looks
# at in all before it gives up (a question whose filter or checks rule out nearly every member).
WINDOW = 8
LOOK_AT_MOST = 2048
# Countries a student could fairly call each other (a Hong Kong film is also a Chinese one).
CONFUSABLE_COUNTRIES = ({"hong-kong", "china", "taiwan"}, {"south-korea", "north-korea"})
# Kinds of organisation that do the same job, so one is never a clean distractor for another.
COMPANY_KINDS = {"studio", "production-company", "entertainment-company", "vfx-studio"}


@dataclass(frozen=True)
class Ask:
    """The fact a family of questions is about: what every question on it shares."""

    key: str  # the id prefix: `the-medium.director`
    relation: str | None
    topic: str
    subject: str
    source: str
    explanation: str
    films: tuple[str, ...] = ()
    passing: bool = False
    level: int | None = None

    def qid(self, *parts: str) -> str:
        return question_id(self.key, *parts)


def rng(key: str) -> random.Random:
    """A random generator seeded by a question id."""
    return random.Random(stable_hash("rng", key))


@dataclass(frozen=True)
class Draw:
    """Where one question's distractors come from: a pool, what the question rules out, where to look first.

    `keep` says which members of the pool this question may offer; `prefer` are pools inside
    `pool` of the likeliest candidates (same trade, same country), looked at first when the pool
    is too large to rank whole; `extra` are candidates from outside the pool, always considered.
    """

    pool: Pool
    keep: Callable[[str], bool] | None = None
    prefer: tuple[Pool, ...] = ()
    extra: tuple[str, ...] = ()


Candidates = Iterable[str] | Pool | Draw


# -- picking -------------------------------------------------------------------------------------
def ranked(
    key: str, candidates: Candidates, right: Iterable[str] = (), score: Callable[[str], float] | None = None
) -> Iterator[str]:
    """The candidates for question `key` that are not `right`: plausible first (lowest score), then by hash.

    A list, or a whole pool, is ranked whole. A large pool is ranked a window at a time: the next
    WINDOW candidates (four times as many each time a window is used up) from the rings of the
    preferred pools and then of the pool itself, each walked from the key's point; every window
    is ranked as a whole pool would be. At most LOOK_AT_MOST members are looked at.
    """
    wrong = set(right)
    draw = Draw(candidates) if isinstance(candidates, Pool) else candidates
    if not isinstance(draw, Draw):
        yield from _in_order([c for c in dict.fromkeys(draw) if c not in wrong], key, score)
        return
    keep = draw.keep
    if draw.pool.whole:
        pool = draw.pool.ids if keep is None else filter(keep, draw.pool.ids)
        yield from _in_order([c for c in dict.fromkeys([*draw.extra, *pool]) if c not in wrong], key, score)
        return
    seen = set(wrong)
    window = [c for c in dict.fromkeys(draw.extra) if c not in seen]
    seen.update(window)
    point = ring_point(key)
    walk = itertools.chain.from_iterable(p.walk(point) for p in (*draw.prefer, draw.pool))
    walk = itertools.islice(walk, LOOK_AT_MOST)
    size = WINDOW
    while True:
        taken = 0
        for c in walk:
            if c not in seen and (keep is None or keep(c)):
                seen.add(c)
                window.append(c)
                taken += 1
                if taken == size:
                    break
        if not window:
            return
        yield from _in_order(window, key, score)
        window = []
        size *= 4


def _in_order(items: list[str], key: str, score: Callable[[str], float] | None) -> Iterator[str]:
    """`items` sorted by `(score(c), stable_hash(key, c))`: a score at a time, hashing only what is reached."""
    hashed = _hasher(key)
    if score is None:
        yield from sorted(items, key=hashed)
        return
    tiers: dict[float, list[str]] = {}
    for c in items:
        tiers.setdefault(score(c), []).append(c)
    for tier in sorted(tiers):
        yield from sorted(tiers[tier], key=hashed)


def _hasher(key: str) -> Callable[[str], int]:
    """`stable_hash(key, c)` as a function of `c`, hashing the key's part once."""
    prefix = hashlib.sha256((key + "\x1f").encode())

    def hashed(c: str) -> int:
        h = prefix.copy()
        h.update(c.encode())
        return int.from_bytes(h.digest()[:8], "big")

    return hashed


def pick(
    ctx: Ctx,
    key: str,
    candidates: Candidates,
    right: Iterable[str],
    *,
    k: int = DISTRACTORS,
    score: Callable[[str], float] | None = None,
    unrelated_to: str | None = None,
) -> list[str]:
    """`k` entity ids that are wrong, plausible first; Skip when there are not enough."""
    right = list(right)
    taken: set[str] = set()
    for r in right:
        taken |= ctx.folded_names(r)
    out: list[str] = []
    for c in ranked(key, candidates, right, score):
        names = ctx.folded_names(c)
        if names & taken:
            continue
        try:
            ctx.ref(c)
        except Skip:
            continue
        if unrelated_to is not None and ctx.is_related(unrelated_to, c):
            continue
        out.append(c)
        taken |= names
        if len(out) == k:
            return out
    raise Skip(f"only {len(out)} distractors for {key}")


def pick_text(key: str, candidates: Candidates, right: Iterable[str], k: int = DISTRACTORS) -> list[str]:
    """`k` wrong texts from a vocabulary (months, genres, prizes), in a fixed order for this key."""
    wrong = {normalise(r) for r in right}

    def fits(c: str) -> bool:
        return normalise(c) not in wrong

    draw = Draw(candidates) if isinstance(candidates, Pool) else candidates
    if isinstance(draw, Draw):
        keep = draw.keep
        draw = Draw(
            draw.pool, fits if keep is None else lambda c: fits(c) and keep(c), draw.prefer, draw.extra
        )
    pool = list(itertools.islice((c for c in ranked(key, draw) if fits(c)), k))
    if len(pool) < k:
        raise Skip(f"only {len(pool)} distractors for {key}")
    return pool


def first(key: str, candidates: Candidates) -> str | None:
    """The candidate ranked first for `key` (a rendezvous hash), or None when there is none."""
    return next(ranked(key, candidates), None)


def near_years(
    key: str, year: int, latest: int, k: int = DISTRACTORS, exclude: Iterable[int] = ()
) -> list[int]:
    """`k` years close to `year` (never after `latest` unless `year` is), the right one anywhere among them."""
    banned = {year, *exclude}
    top = max(latest, year)
    pool = [y for y in range(year - 6, year + 7) if y not in banned and 1800 <= y <= top]
    r = rng(key)
    r.shuffle(pool)
    pool.sort(key=lambda y: abs(y - year) > 4)  # the nearest first, in shuffled order
    if len(pool) < k:
        raise Skip(f"no years near {year}")
    return sorted(pool[:k])


def far_numbers(key: str, value: int, k: int = DISTRACTORS) -> list[int]:
    """`k` numbers far enough from `value` (at least 1.6 times off) to be clearly wrong, rounded alike."""
    factors = [0.25, 0.4, 0.5, 0.6, 1.6, 1.8, 2, 2.5, 3, 4]
    r = rng(key)
    r.shuffle(factors)
    out: list[int] = []
    for f in factors:
        n = round_like(round(value * f), value)
        if n > 0 and n != value and n not in out and not (value / 1.55 < n < value * 1.55):
            out.append(n)
        if len(out) == k:
            return sorted(out)
    raise Skip(f"no numbers far from {value}")


def round_like(n: int, model: int) -> int:
    """Round `n` to as many significant digits as `model` shows (150000 has two)."""
    digits = len(str(model).rstrip("0")) or 1
    digits = max(2, digits)
    if n == 0:
        return 0
    magnitude = len(str(abs(n))) - digits
    if magnitude <= 0:
        return n
    return round(n, -magnitude)


# -- plausibility --------------------------------------------------------------------------------
def person_score(ctx: Ctx, role: str | None, like: Sequence[str], year: int | None) -> Callable[[str], float]:
    """Same role, same nationality, same era first: a Hong Kong director for a Hong Kong director."""
    nationalities = {getattr(ctx.base.get(p), "nationality", None) for p in like} - {None}
    facts = ctx.person_facts

    def score(c: str) -> float:
        roles, nationality, years = facts(c)
        s = 0.0
        if role and role not in roles:
            s += 2
        if nationalities and nationality not in nationalities:
            s += 1
        if year is not None and not any(-15 <= y - year <= 15 for y in years):
            s += 1
        return s

    return score


def org_score(ctx: Ctx, like: Sequence[str]) -> Callable[[str], float]:
    """Same kind of company first, then the same country."""
    kinds = {ctx.base.get(o).kind for o in like}
    countries = {ctx.base.get(o).country for o in like}
    families = {("company" if k in COMPANY_KINDS else k) for k in kinds}

    def score(c: str) -> float:
        org = ctx.base.get(c)
        family = "company" if org.kind in COMPANY_KINDS else org.kind
        return (0 if org.kind in kinds else 1 if family in families else 3) + (
            0 if org.country in countries else 1
        )

    return score


def country_score(ctx: Ctx, like: Sequence[str]) -> Callable[[str], float]:
    regions = {ctx.base.get(c).region for c in like}
    return lambda c: 0 if ctx.base.get(c).region in regions else 1


def person_draw(
    ctx: Ctx,
    role: str | None,
    like: Sequence[str],
    keep: Callable[[str], bool] | None = None,
    *,
    within: str | None = None,
    extra: Sequence[str] = (),
) -> Draw:
    """People (or only those of the role `within`), the same trade and nationality as `like` first."""
    nationalities = list(dict.fromkeys(getattr(ctx.base.get(p), "nationality", None) for p in like))
    prefer: list[Pool] = []
    if role:
        prefer += [ctx.pool("people-role-nationality", (role, n)) for n in nationalities if n]
        prefer.append(ctx.pool("people-role", role))
    else:
        prefer += [ctx.pool("people-nationality", n) for n in nationalities if n]
    pool = ctx.pool("people-role", within) if within else ctx.pool("people")
    return Draw(pool, keep, tuple(prefer), tuple(extra))


def org_draw(ctx: Ctx, like: Sequence[str], keep: Callable[[str], bool] | None = None) -> Draw:
    """Organisations, those of the same kind as `like` first."""
    kinds = dict.fromkeys(ctx.base.get(o).kind for o in like)
    prefer = tuple(ctx.pool("organisations-kind", k) for k in kinds)
    return Draw(ctx.pool("organisations"), keep, prefer)


def country_draw(ctx: Ctx, like: Sequence[str], keep: Callable[[str], bool] | None = None) -> Draw:
    """Countries, those of the same region as `like` first."""
    regions = dict.fromkeys(ctx.base.get(c).region for c in like)
    prefer = tuple(ctx.pool("countries-region", r) for r in regions)
    return Draw(ctx.pool("countries"), keep, prefer)


def confusable_countries(ids: Iterable[str]) -> set[str]:
    out = set()
    for c in ids:
        for group in CONFUSABLE_COUNTRIES:
            if c in group:
                out |= group
    return out


def film_people(film: m.Film) -> set[str]:
    """Everyone credited on a film, cast included."""
    out = set(film.directors) | set(film.producers) | set(film.writers)
    out |= set(film.cinematographers) | set(film.art_directors)
    out |= {c.person for c in film.cast}
    return out


# -- question shapes -----------------------------------------------------------------------------
def short(
    ctx: Ctx,
    ask: Ask,
    prompt: str,
    answers: Sequence[str],
    *,
    kind: str | None,
    qtype: QType = "short",
    template: str = "short",
    tolerance: Tolerance | None = None,
    suffix: Sequence[str] = ("short",),
) -> Draft:
    """An open question: any one of `answers` (short), all (multi), or the number (year, number)."""
    if not answers:
        raise Skip("no answer")
    return ctx.make(
        ask.qid(*suffix),
        qtype,
        prompt,
        answers,
        relation=ask.relation,
        topic=ask.topic,
        subject=ask.subject,
        source=ask.source,
        explanation=ask.explanation,
        films=ask.films,
        kind=kind,
        tolerance=tolerance,
        template=template,
        level=ask.level,
        passing=ask.passing,
    )


def multi(ctx: Ctx, ask: Ask, prompt: str, answers: Sequence[str], *, kind: str | None) -> Draft:
    if len(answers) < 2:
        raise Skip("a multi question needs two answers")
    return short(ctx, ask, prompt, answers, kind=kind, qtype="multi", template="multi", suffix=("multi",))


def choice(
    ctx: Ctx,
    ask: Ask,
    prompt: str,
    right: str,
    wrong: Sequence[str],
    *,
    kind: str | None,
    suffix: Sequence[str] = ("choice",),
) -> Draft:
    """A multiple-choice question: `right` and the distractors in a shuffled order fixed by the id."""
    qid = ask.qid(*suffix)
    options = [right, *wrong]
    if len({normalise(o) for o in options}) != len(options):
        raise Skip("two choices read the same")
    return ctx.make(
        qid,
        "choice",
        prompt,
        (right,),
        choices=shuffled(options, qid),
        relation=ask.relation,
        topic=ask.topic,
        subject=ask.subject,
        source=ask.source,
        explanation=ask.explanation,
        films=ask.films,
        kind=kind,
        template="choice",
        level=ask.level,
        passing=ask.passing,
    )


def truefalse(ctx: Ctx, ask: Ask, statement: str, value: bool, *, suffix: Sequence[str] = ()) -> Draft:
    """A true/false question on one statement built from the facts."""
    template = "true" if value else "false"
    return ctx.make(
        ask.qid(*suffix, template),
        "truefalse",
        f"True or false: {en.cap_first(statement)}",
        ("true" if value else "false",),
        choices=("true", "false"),
        relation=ask.relation,
        topic=ask.topic,
        subject=ask.subject,
        source=ask.source,
        explanation=ask.explanation,
        films=ask.films,
        template=template,
        level=ask.level,
        passing=ask.passing,
    )


def one_of(key: str, items: Sequence[str]) -> str:
    """One item chosen by the question id (so the same one every time)."""
    if not items:
        raise Skip("nothing to choose from")
    return min(items, key=lambda i: stable_hash(key, i))


def entity_questions(
    ctx: Ctx,
    ask: Ask,
    *,
    right: Sequence[str],
    kind: str,
    short_prompt: str | None,
    multi_prompt: str | None,
    choice_prompt: str | None,
    candidates: Candidates,
    score: Callable[[str], float] | None = None,
    unrelated: bool = False,
    statement: Callable[[str], str] | None = None,
) -> list[Draft]:
    """The usual family for a relation to entities: short, multi, choice, true and false."""
    labels = [ctx.label(r) for r in right]
    if not isinstance(candidates, (Pool, Draw)):
        candidates = list(candidates)
    out: list[Draft] = []
    if short_prompt:
        out += ctx.attempt(lambda: short(ctx, ask, short_prompt, labels, kind=kind))
    if multi_prompt and len(right) > 1:
        out += ctx.attempt(lambda: multi(ctx, ask, multi_prompt, labels, kind=kind))
    unrelated_to = ask.subject if unrelated else None

    if choice_prompt:

        def _choice() -> Draft:
            shown = one_of(ask.qid("choice"), list(right))
            wrong = pick(ctx, ask.qid("choice"), candidates, right, score=score, unrelated_to=unrelated_to)
            return choice(ctx, ask, choice_prompt, ctx.label(shown), [ctx.label(w) for w in wrong], kind=kind)

        out += ctx.attempt(_choice)
    if statement is not None:
        said = statement
        out += ctx.attempt(lambda: truefalse(ctx, ask, said(one_of(ask.qid("true"), list(right))), True))

        def _false() -> Draft:
            (wrong,) = pick(
                ctx, ask.qid("false"), candidates, right, k=1, score=score, unrelated_to=unrelated_to
            )
            return truefalse(ctx, ask, said(wrong), False)

        out += ctx.attempt(_false)
    return out
