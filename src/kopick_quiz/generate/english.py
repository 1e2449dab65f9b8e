"""Natural English for generated questions: articles, plurals, lists, possessives, numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# The noun for each kind of organisation: "a Thai studio", "a British film council".
KIND_NOUN = {
    "studio": "studio",
    "production-company": "production company",
    "entertainment-company": "entertainment company",
    "vfx-studio": "visual effects studio",
    "archive": "archive",
    "government-agency": "government agency",
    "film-council": "film council",
    "university": "university",
    "streaming-service": "streaming service",
}
_NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Words spelled with a vowel but said with a consonant sound, and the reverse.
_A_DESPITE_VOWEL = ("uni", "use", "usu", "uti", "eu", "one", "once", "ure", "uro")
_AN_DESPITE_CONSONANT = ("hour", "honest", "honour", "heir")
# Capital letters whose spoken name starts with a vowel sound: an FBI agent, an SNU graduate.
_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")
_IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children"}
# Nouns that take "the" when they end an event's name: the Korean War, the THAAD missile crisis.
_COUNT_NOUNS = {
    "war",
    "crisis",
    "pandemic",
    "epidemic",
    "festival",
    "anniversary",
    "ban",
    "boom",
    "wave",
    "era",
    "age",
    "revolution",
    "movement",
    "olympics",
    "games",
    "summit",
    "treaty",
    "agreement",
    "election",
    "uprising",
    "occupation",
}
# Nouns without an article: Japanese colonial rule, martial law.
_MASS_NOUNS = {"rule", "law", "censorship", "democracy", "independence"}


def number_word(n: int) -> str:
    """`3` -> `three` (digits above twelve)."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else f"{n:,}"


def month_name(month: int) -> str:
    """`9` -> `September`."""
    return _MONTHS[month - 1]


def months() -> tuple[str, ...]:
    return _MONTHS


def article(phrase: str) -> str:
    """`a` or `an` for the phrase that follows it."""
    word = phrase.strip().split(" ", 1)[0] if phrase.strip() else ""
    if not word:
        return "a"
    if word[0].isdigit():
        digits = re.match(r"\d+", word.replace(",", ""))
        number = digits.group() if digits else word
        # eight, eleven, eighteen, eighty...: the numbers said with a vowel first.
        return (
            "an"
            if number.startswith("8") or number in ("11", "18") or re.fullmatch(r"1[18]\d{2}", number)
            else "a"
        )
    letters = re.sub(r"[^A-Za-z]", "", word)
    if len(letters) >= 2 and letters.isupper():  # an acronym, read letter by letter
        return "an" if letters[0] in _VOWEL_SOUND_LETTERS else "a"
    lower = word.lower()
    if lower.startswith(_AN_DESPITE_CONSONANT):
        return "an"
    if lower.startswith(_A_DESPITE_VOWEL):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    """`an American agency`, `a Thai studio`."""
    return f"{article(phrase)} {phrase}"


def plural(noun: str, n: int = 2) -> str:
    """The noun for `n` things: `director`/`directors`, `company`/`companies`; the last word changes."""
    if n == 1:
        return noun
    head, _, last = noun.rpartition(" ")
    lower = last.lower()
    if lower in _IRREGULAR_PLURALS:
        word = _IRREGULAR_PLURALS[lower]
    elif re.search(r"[^aeiou]y$", lower):
        word = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", lower):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def counted(n: int, noun: str) -> str:
    """`one director`, `three directors`."""
    return f"{number_word(n)} {plural(noun, n)}"


def all_of(n: int) -> str:
    """How to ask for all of `n` things: `both`, `all three` (and `the` for one)."""
    if n == 1:
        return "the"
    if n == 2:
        return "both"
    return f"all {number_word(n)}"


def join(items: Sequence[str], conjunction: str = "and") -> str:
    """`A`, `A and B`, `A, B and C`."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def join_or(items: Sequence[str]) -> str:
    return join(items, "or")


def possessive(name: str) -> str:
    """`Shin Sang-ok's`, `Dexter Studios'`."""
    return f"{name}'" if name.endswith("s") and not name.endswith("ss") else f"{name}'s"


def cap_first(text: str) -> str:
    """Upper-case the first letter only (`the Korean War` -> `The Korean War`)."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case a leading common word (`Decline of ...` -> `decline of ...`), never an acronym or name."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[1:].islower() and word[0].isupper():
        return text[:1].lower() + text[1:]
    return text


def sentence(text: str) -> str:
    """A sentence: first letter capitalised, ending with a full stop (unless it ends with ? ! or .)."""
    text = text.strip()
    if not text:
        return text
    text = cap_first(text)
    return text if text[-1] in ".?!" else text + "."


def the_name(name: str, proper: set[str] | frozenset[str] = frozenset()) -> str:
    """How an event's name reads inside a sentence: `the Korean War`, `Japanese colonial rule`.

    A name in sentence case whose first word is not in `proper` (words of names, nationalities)
    starts with a common word: `Box-office boom` -> `the box-office boom`.
    """
    words = name.split()
    if not words:
        return name
    if (
        len(words) > 1
        and all(w[:1].islower() or not w[:1].isalpha() for w in words[1:])
        and words[0] not in proper
        and words[0].replace("-", "").isalpha()
        and words[0][1:].islower()
    ):
        name = lower_first(name)
        words = name.split()
    if re.match(r"^(The|A|An) ", name):
        return lower_first(name)
    if len(words) > 2 and words[1].lower() == "of" and words[0][0].isupper() and words[0][1:].islower():
        return "the " + lower_first(name)  # Lifting of the ban... -> the lifting of the ban...
    last = words[-1].lower()
    if last in _MASS_NOUNS:
        return name
    if words[0][:1].islower() and words[0] not in ("a", "an", "the"):
        return "the " + name
    if last in _COUNT_NOUNS or last.endswith("ing"):
        return "the " + name
    if words[0][0].isdigit():
        return f"the period of {name}"
    return "the " + name


_INSTITUTIONS = {
    "archive",
    "service",
    "council",
    "agency",
    "institute",
    "foundation",
    "ministry",
    "office",
    "commission",
    "festival",
    "board",
    "association",
    "centre",
    "center",
    "museum",
    "library",
    "society",
    "bureau",
    "federation",
    "committee",
}
_PLURAL_COUNTRY_WORDS = {"states", "kingdom", "republic", "islands", "emirates", "netherlands", "philippines"}


def definite(name: str, kind: str) -> str:
    """A name as it reads mid-sentence: `the Korean Film Archive`, `the United States`, but `Showbox`."""
    words = name.split()
    if not words or words[0] in ("the", "The"):
        return name
    last = words[-1].lower()
    if kind in ("organisation", "festival"):
        if last in _INSTITUTIONS or (len(words) > 2 and words[1] == "of"):
            return "the " + name
    elif kind == "country" and (last in _PLURAL_COUNTRY_WORDS or " of " in name):
        return "the " + name
    return name


def the_description(text: str) -> str:
    """A role description after `Who played`: `a Korean composer` -> `the Korean composer`."""
    m = re.match(r"^(a|an) (.+)$", text.strip(), re.IGNORECASE)
    if m:
        return "the " + m.group(2)
    return text.strip()


def is_proper_name(text: str) -> bool:
    """`Woo-in` or `Princess Miao`, not `a Korean composer` or `the gorilla's coach`."""
    text = text.strip()
    return bool(text) and text[0].isupper() and not re.match(r"^(A|An|The) ", text)


def humanise(token: str) -> str:
    """A schema word as text: `folk-horror` -> `folk horror`, `vfx-studio` -> `visual effects studio`."""
    special = {
        "vfx-studio": "visual effects studio",
        "vfx": "visual effects",
        "art-director": "art director",
        "art_directors": "art directors",
        "science-fiction": "science fiction",
        "martial-arts": "martial arts",
        "graphic-novel": "graphic novel",
    }
    return special.get(token, token.replace("_", " ").replace("-", " "))


def format_int(n: int) -> str:
    """`834338` -> `834,338`."""
    return f"{n:,}"


def scaled(amount: int) -> tuple[float, str]:
    """A large amount in a friendly unit: `20000000000` -> `(20, 'billion')`."""
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if amount >= size:
            return amount / size, word
    return float(amount), ""


def friendly_amount(amount: int) -> str:
    """`20000000000` -> `20 billion`, `1500000` -> `1.5 million`, `834338` -> `834,338`."""
    value, word = scaled(amount)
    if not word:
        return format_int(amount)
    return f"{value:,.10g} {word}"


# Words too common to tell two clauses apart (the clause check looks at the rest).
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "and",
        "or",
        "its",
        "it",
        "is",
        "was",
        "were",
        "be",
        "been",
        "that",
        "which",
        "who",
        "this",
        "these",
        "those",
        "their",
        "there",
        "then",
        "than",
        "also",
        "s",
    ]
)


def _stem(word: str) -> str:
    """`cultural`, `culture` -> `cultur`; `films` -> `film`: enough to see one idea said twice."""
    for ending in ("al", "es", "s", "e", "ing", "ed"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def _clauses(text: str) -> list[str]:
    """A text cut at sentence ends, colons, semicolons, commas and dashes: the parts a reader takes in one go."""
    return [c for c in re.split(r"[.;:!?,\u2013\u2014()]+\s|[.;:!?]$|: ", text) if c.strip()]


def repetition(text: str, names: Iterable[str] = ()) -> str | None:
    """What a text says twice, or None: a name of `names` (events ...) written twice, or two clauses
    that share most of their words (`the lifting of the ban on Japanese cultural imports took
    place in 1998: South Korea's 1998 end to its ban on Japanese culture`)."""
    folded = f" {' '.join(re.findall(r'[a-z0-9]+', text.casefold()))} "
    for name in names:
        key = " ".join(re.findall(r"[a-z0-9]+", name.casefold()))
        if len(key) >= 6 and folded.count(f" {key} ") > 1:
            return f"'{name}' twice"
    seen: list[tuple[str, set[str]]] = []
    for clause in _clauses(text):
        # the common words and numbers of the clause: names (capitalised) say who, not what is said of them
        common = [w for w in re.findall(r"[A-Za-z0-9]+", clause) if not w[0].isupper()]
        words = {_stem(w) for w in common if w not in _FILLER}
        for other, other_words in seen:
            shared = words & other_words
            if len(shared) >= 3 and len(shared) >= 0.6 * min(len(words), len(other_words)):
                return f"'{other.strip()}' and '{clause.strip()}' say the same"
        seen.append((clause, words))
    return None


def fresh(candidates: Iterable[str], names: Iterable[str] = ()) -> str:
    """The first of `candidates` (fullest first) that says nothing twice; the last one otherwise."""
    names = list(names)
    found = ""
    for found in candidates:
        if found and repetition(found, names) is None:
            return found
    return found
