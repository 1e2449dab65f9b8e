"""Questions about the source article every fact comes from: who wrote, edited and published it,
when, and what it draws on."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer
from ..reply import Outcome
from ..wording import join, long_date
from .registry import Ask, Rule, always, entity_recipe

# Words that name the article itself ("who wrote the article?"); "Ko-pick" is its title's.
ARTICLE_WORDS = frozenset({"article", "articles", "essay", "webzine", "source", "sources", "author"})
_CITE_WORDS = frozenset({"cite", "cites", "draw", "draws", "based", "credits", "credit", "rely", "relies"})


def _words(ans_or_ask: Answer | Ask) -> set[str]:
    return {t.text for t in ans_or_ask.question.tokens}


def _clauses(words: set[str], src: m.Source) -> list[str]:
    """`written by ...`, `edited by ...`, `published by ... on ...`: what the question asks of it."""
    clauses = []
    if words & {"wrote", "write", "written", "writer", "author", "authors", "by"} and src.author:
        clauses.append(f"written by {src.author}")
    if words & {"edited", "edit", "editor", "editors"} and src.editor:
        clauses.append(f"edited by {src.editor}")
    by = words & {"published", "publish", "publisher", "publishers"} and src.publisher
    on = words & {"when", "date", "year"} and src.date
    if by or on:
        clauses.append(
            "published"
            + (f" by {src.publisher}" if by else "")
            + (f" on {long_date(src.date)}" if on else "")
        )
    return clauses


def _read(ans: Answer, src: m.Source) -> None:
    """The article's words explain themselves, and the article is the source of the answer."""
    ans.unknown_words = [w for w in ans.unknown_words if w not in ARTICLE_WORDS | {"ko", "pick", "kopick"}]
    if src.title not in ans.sources:
        ans.sources.append(src.title)


@entity_recipe(
    "source",
    "credits",
    Rule(10, lambda a, src: bool(_clauses(_words(a), src) or (_words(a) & _CITE_WORDS and src.credits))),
)
def credits(ans: Answer, sid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Who wrote, edited or published the article, when, or what it draws on: what was asked."""
    src: m.Source = ans.base.by_id[sid]
    _read(ans, src)
    words = _words(ans)
    clauses = _clauses(words, src)
    cited = words & _CITE_WORDS
    title = f"“{src.title}”"
    text = f"The article {title} was {join(clauses)}." if clauses else f"The article {title}"
    if cited and src.credits:
        text += f"{' It' if clauses else ''} draws on {join(src.credits)}."
    return ans.reply(text, sid, "answer", cues)


@entity_recipe("source", "card", Rule(1000, always))
def card(ans: Answer, sid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "What is the source?": the article every fact comes from."""
    src: m.Source = ans.base.by_id[sid]
    _read(ans, src)
    bits = [f"“{src.title}” is the article every fact here comes from"]
    if src.author:
        bits.append(f", written by {src.author}")
    if src.editor:
        bits.append(f", edited by {src.editor}")
    if src.publisher:
        bits.append(f" and published by {src.publisher}")
    if src.date:
        bits.append(f" on {long_date(src.date)}")
    text = "".join(bits) + "."
    if src.credits:
        text += f" It draws on {join(src.credits)}."
    return ans.reply(text, sid, "answer", cues)
