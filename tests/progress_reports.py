"""A recorder of progress reports, for the tests of every slow function that takes a progress."""

from __future__ import annotations


class Reports:
    """A progress that remembers what it was told: `(done, total)` pairs, in order."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int) -> None:
        self.seen.append((done, total))

    @property
    def fractions(self) -> list[float]:
        return [done / total if total else 1.0 for done, total in self.seen]

    def assert_steady(self, *, steps: int) -> None:
        """From the start to the end, never backwards nor past the end, in at least `steps` reports."""
        assert self.seen, "no progress was reported"
        assert all(0 <= done <= total for done, total in self.seen), self.seen
        fractions = self.fractions
        assert fractions == sorted(fractions), "the bar went backwards"
        done, total = self.seen[-1]
        assert done == total, "the bar did not reach its end"
        assert len({round(f, 3) for f in fractions}) >= steps, f"only {len(self.seen)} reports"
