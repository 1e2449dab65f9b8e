"""Keys within a few typos of a typed key, found without comparing it with every key.

The grader looks for the known name nearest to a typed one (`Candidates.nearest_rival`): every
key whose OSA distance (edits, a swap of neighbours counting one) is at most a share of its
length. Comparing with every key of a kind costs in proportion to the base: milliseconds an
answer at 100,000 films. `Nearby` finds the same keys by walking two sorted lists of the keys
(as written, and each one reversed) as if they were tries, the way a spelling corrector does.

Why nothing is missed. Cut the typed key `x` in two at `h`: left `x[:h]`, right `x[h:]`. An
edit script of at most `k` edits turning `x` into a key `y` spends some edits on the left
(`a`: letters of the left changed, dropped or swapped there, letters added before its end),
some on the right (`b`), and perhaps one swap across the cut. If `a <= k // 2`, a walk over
the keys from their start, allowed at most `k // 2` edits until it has passed the cut and `k`
in all, reaches `y`. Otherwise `b <= k - a - 1 <= k // 2`, and the same walk over the reversed
keys, from their end, reaches it. Each walk prunes a prefix as soon as no alignment of it
stays within those limits, so it visits only the keys that share most of one half of `x`.
A property test checks the result against a scan of every key.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

_TOP = "\U0010ffff"


class Nearby:
    """The distinct keys of a list, for finding those within some edits of a typed key."""

    def __init__(self, keys: Iterable[str]) -> None:
        distinct = set(keys)
        self.forward = sorted(distinct)
        self.backward = sorted(k[::-1] for k in distinct)

    def scored(self, x: str, cutoff: float, shortest: int, longest: int) -> dict[str, float]:
        """The keys of `shortest` to `longest` letters whose normalised OSA distance to `x` is
        `cutoff` or less, with that distance: what a scan of every key with `score_cutoff` keeps."""
        n = len(x)
        edits = int(cutoff * max(n, longest) + 1e-9)
        out: dict[str, float] = {}
        if edits < 0:
            return out
        cut = n // 2
        for keys, typed, cut_at, turn in (
            (self.forward, x, cut, False),
            (self.backward, x[::-1], n - cut, True),
        ):
            for lo, hi in _walk(keys, typed, cut_at, edits // 2, edits, longest):
                found = process.extract(
                    typed, keys[lo:hi], scorer=OSA.normalized_distance, score_cutoff=cutoff, limit=None
                )
                for key, _score, _i in found:
                    key = key[::-1] if turn else key
                    if shortest <= len(key) <= longest and key not in out:
                        # scored as a scan scores it (the reversed pair has the same distance)
                        out[key] = OSA.normalized_distance(x, key, score_cutoff=cutoff)
        return out


def _walk(keys: list[str], x: str, cut: int, half: int, edits: int, longest: int) -> list[tuple[int, int]]:
    """Slices of the sorted list `keys` holding every key within `edits` of `x` by an alignment
    that spends at most `half` edits before passing position `cut` of `x` (see the module's note).

    The walk stops `half` letters past the cut: deeper, no cell before the cut can change, and
    what is left to check is done on each slice at once (by rapidfuzz, in C).
    """
    n = len(x)
    big = edits + 1
    stop = min(cut + half, longest)
    out: list[tuple[int, int]] = []
    # Each row: the edits between the prefix walked so far and x[:c], for c = 0..n, or `big` past
    # the cell's limit (no key lies that way); columns before the cut are held to `half`.
    limits = [half if c < cut else edits for c in range(n + 1)]
    root = [c if c <= limits[c] else big for c in range(n + 1)]
    stack: list[tuple[str, int, int, list[int], list[int] | None]] = [("", 0, len(keys), root, None)]
    while stack:
        prefix, lo, hi, row, before = stack.pop()
        depth = len(prefix)
        if depth >= stop:
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
