"""Keys within a few typos of a typed key, found without comparing it with every key.

The grader looks for the known name nearest to a typed one (`Candidates.nearest_rival`): every
key whose OSA distance (edits, a swap of neighbours counting one) is at most a share of its
length. Comparing with every key of a kind costs in proportion to the base: milliseconds an
answer at 100,000 films. `Nearby` finds the same keys by walking two sorted lists of the keys
(as written, and each one reversed) as if they were tries, the way a spelling corrector does.

Why nothing is missed. Cut the typed key `x` in three at two cuts. At a cut, an alignment of
`x` with a key `y` within `k` edits spends some edits before it (`a`, as a walk from the start
counts them: those landing in the columns before the cut) and some after it (`b`, as a walk
from the end counts them); no edit is counted by both, so `a + b <= k`, and `a` only grows from
the first cut to the second while `b` only shrinks. A walk from the start that holds the edits
before the first cut to `f` and before the second to `g` reaches every `y` with `a1 <= f` and
`a2 <= g`; a walk from the end likewise with `b2` and `b1`. `_schemes` picks walks that
together take every such `(a1, a2, b1, b2)`: an alignment with many edits at both ends has
few in the middle, and some walk holds it there. Walks that allow few edits near their start
visit few branches; what is left in a slice of a few hundred keys is checked by rapidfuzz.
A property test checks the result against a scan of every key.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from itertools import chain

from rapidfuzz import process
from rapidfuzz.distance import OSA

_TOP = "\U0010ffff"
# A slice of at most this many keys is left to rapidfuzz rather than walked on: a step of the walk
# (in Python) costs what scoring some hundreds of keys (in C) does.
SLICE = 512
# What an edit allowed before a walk's first cut, and before its second, costs it (`_schemes`):
# near the root of the walk, every branch of the sorted keys may be a typo.
_ROOT_COST, _MIDDLE_COST = 30, 3


class Nearby:
    """The distinct keys of a list, for finding those within some edits of a typed key."""

    def __init__(self, keys: Iterable[str], slice_keys: int = SLICE) -> None:
        """`slice_keys`: walk no further into a slice of that many keys or fewer (tests walk all)."""
        self.slice_keys = slice_keys
        distinct = set(keys)
        self.forward = sorted(distinct)
        self.backward = sorted(k[::-1] for k in distinct)

    def scored(
        self, x: str, cutoff: float, shortest: int, longest: int, within: int | None = None
    ) -> dict[str, float]:
        """The keys of `shortest` to `longest` letters whose normalised OSA distance to `x` is
        `cutoff` or less, with that distance: what a scan of every key with `score_cutoff` keeps
        (of those, only the keys at most `within` edits from `x`, if given)."""
        n = len(x)
        edits = int(cutoff * max(n, longest) + 1e-9)
        if within is not None and within < edits:
            edits = within
        else:
            within = None
        out: dict[str, float] = {}
        if edits < 0:
            return out
        cuts = (n // 3, n - n // 3)
        typed = {False: x, True: x[::-1]}
        slices: dict[bool, set[tuple[int, int]]] = {False: set(), True: set()}
        for backward, first, second in _schemes(edits):
            keys = self.backward if backward else self.forward
            limits = _limits(n, cuts, first, second, edits, backward)
            slices[backward].update(_walk(keys, typed[backward], limits, edits, longest, self.slice_keys))
        for backward, found_in in slices.items():
            keys = self.backward if backward else self.forward
            # one call over every slice: a call of its own for each costs more than its keys
            found = process.extract(
                typed[backward],
                list(chain.from_iterable(keys[lo:hi] for lo, hi in _merged(found_in))),
                scorer=OSA.normalized_distance if within is None else OSA.distance,
                score_cutoff=cutoff if within is None else within,
                limit=None,
            )
            for key, _score, _i in found:
                key = key[::-1] if backward else key
                if shortest <= len(key) <= longest and key not in out:
                    # scored as a scan scores it (the reversed pair has the same distance)
                    score = OSA.normalized_distance(x, key, score_cutoff=cutoff)
                    if score <= cutoff:
                        out[key] = score
        return out


def _walk(
    keys: list[str], x: str, limits: list[int], edits: int, longest: int, small: int
) -> list[tuple[int, int]]:
    """Slices of the sorted list `keys` holding every key within `edits` of `x` by an alignment
    whose edits up to each column `c` of `x` stay within `limits[c]` (see `_schemes`).

    A slice of `small` keys or fewer (or of keys too long to be walked deeper) is left to rapidfuzz (in C)
    rather than walked letter by letter.
    """
    n = len(x)
    big = edits + 1
    out: list[tuple[int, int]] = []
    # Each row: the edits between the prefix walked so far and x[:c], for c = 0..n, or `big` past
    # the cell's limit (no key lies that way).
    root = [c if c <= limits[c] else big for c in range(n + 1)]
    stack: list[tuple[str, int, int, list[int], list[int] | None]] = [("", 0, len(keys), root, None)]
    while stack:
        prefix, lo, hi, row, before = stack.pop()
        depth = len(prefix)
        if depth >= longest or hi - lo <= small:
            out.append((lo, hi))
            continue
        if lo < hi and len(keys[lo]) == depth:  # a key that ends here: scored with its slice
            out.append((lo, lo + 1))
            lo += 1
        if lo >= hi:
            continue
        last = prefix[-1] if prefix else ""
        band = range(max(1, depth + 1 - edits), min(n, depth + 1 + edits) + 1)
        if row[0] + 1 <= limits[0] or any(
            row[c - 1] + 1 <= limits[c] or row[c] + 1 <= limits[c] for c in band
        ):
            letters = None  # any next letter may be a typo that keeps within the limits
        else:  # only letters of x can: a match, or one half of a swap
            letters = {x[c - 1] for c in band if row[c - 1] <= limits[c]}
            letters.update(x[c - 1] for c in range(2, n + 1) if row[c - 2] + 1 <= limits[c])
            if before is not None:
                letters.update(
                    x[c - 2] for c in band if c >= 2 and last == x[c - 1] and before[c - 2] + 1 <= limits[c]
                )
        for ch, start, end in _children(keys, prefix, depth, lo, hi, letters):
            new = [big] * (n + 1)
            if depth + 1 <= limits[0]:
                new[0] = depth + 1
            alive = new[0] < big
            for c in band:
                xc = x[c - 1]
                v = row[c - 1] + (xc != ch)
                if row[c] + 1 < v:
                    v = row[c] + 1
                if new[c - 1] + 1 < v:
                    v = new[c - 1] + 1
                if before is not None and c >= 2 and ch == x[c - 2] and last == xc and before[c - 2] + 1 < v:
                    v = before[c - 2] + 1
                if v <= limits[c]:
                    new[c] = v
                    alive = True
            # A prefix past its limits may still be saved by swapping its last letter with the next.
            if alive or any(ch == x[c - 1] and row[c - 2] + 1 <= limits[c] for c in range(2, n + 1)):
                stack.append((prefix + ch, start, end, new, row))
    return out


def _children(
    keys: list[str], prefix: str, depth: int, lo: int, hi: int, letters: set[str] | None
) -> list[tuple[str, int, int]]:
    """The next letters after `prefix` among keys[lo:hi] (all of them, or those of `letters`), each
    with the slice of the keys that go on with it."""
    out = []
    if letters is not None:
        for ch in letters:
            start = bisect_left(keys, prefix + ch, lo, hi)
            if start < hi and keys[start][depth] == ch:
                end = bisect_left(keys, prefix + chr(ord(ch) + 1), start, hi) if ch != _TOP else hi
                out.append((ch, start, end))
        return out
    i = lo
    while i < hi:
        ch = keys[i][depth]
        end = bisect_left(keys, prefix + chr(ord(ch) + 1), i, hi) if ch != _TOP else hi
        out.append((ch, i, end))
        i = end
    return out


def _merged(slices: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The slices joined where they overlap or touch, so that no key is scored twice."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(slices):
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _limits(n: int, cuts: tuple[int, int], first: int, second: int, edits: int, backward: bool) -> list[int]:
    """The edits a walk allows up to each column of the typed key (reversed, for a backward walk):
    `first` before its first cut, `second` before its second, `edits` after."""
    one, two = (n - cuts[1], n - cuts[0]) if backward else cuts
    return [first if c < one else second if c < two else edits for c in range(n + 1)]


@cache
def _schemes(edits: int) -> tuple[tuple[bool, int, int], ...]:
    """Walks that together reach every key within `edits` of a typed key cut in three pieces:
    each (backward, edits allowed before the walk's first cut, before its second).

    At a cut, the edits an alignment makes before it (`a`, as a forward walk counts them) and
    after it (`b`, as a backward walk does) add up to at most `edits` (no edit is counted by
    both), `a` only grows from one cut to the next and `b` only shrinks. Every way of choosing
    `a1 <= a2` and `b1 >= b2` so must be allowed by one walk: a forward walk allowing `(f1, f2)`
    takes those with `a1 <= f1, a2 <= f2`; a backward one allowing `(g1, g2)` (from the end:
    `g1` for the last piece), those with `b2 <= g1, b1 <= g2`. They are chosen greedily, cheapest
    first for what they take: an edit allowed near the walk's start costs most.
    """
    cases = {
        (a1, a2, b1, b2)
        for a1 in range(edits + 1)
        for a2 in range(a1, edits + 1)
        for b2 in range(edits + 1 - a2)
        for b1 in range(b2, edits + 1 - a1)
    }
    walks = [(back, f, g) for back in (False, True) for f in range(edits + 1) for g in range(f, edits + 1)]

    def takes(walk: tuple[bool, int, int], case: tuple[int, int, int, int]) -> bool:
        back, f, g = walk
        a1, a2, b1, b2 = case
        return b2 <= f and b1 <= g if back else a1 <= f and a2 <= g

    def cost(walk: tuple[bool, int, int]) -> int:
        return _ROOT_COST ** walk[1] + _MIDDLE_COST ** walk[2]

    chosen = []
    while cases:
        best = max(walks, key=lambda w: (sum(takes(w, c) for c in cases) / cost(w), -cost(w)))
        chosen.append(best)
        cases = {c for c in cases if not takes(best, c)}
    # a walk allowing no more than another of the same direction finds nothing that one does not
    return tuple(
        w
        for w in chosen
        if not any(v != w and v[0] == w[0] and v[1] >= w[1] and v[2] >= w[2] for v in chosen)
    )
