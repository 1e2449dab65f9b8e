"""A guard against runaway work in a test (an endless loop, a blow-up with the input's size).

It counts this thread's CPU time, not the wall clock: other processes on a busy machine do not
move it, so the limit can stay generous and still never trip on load. Speed goals live in
bench/, as ratios against a baseline measured in the same run; this only catches a hang.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cpu_guard(limit_s: float, what: str = "the work") -> Iterator[None]:
    """Fail if the block takes more than `limit_s` seconds of this thread's CPU time."""
    start = time.thread_time()
    yield
    used = time.thread_time() - start
    assert used < limit_s, f"{what} took {used:.2f} s of CPU (the runaway guard is {limit_s} s)"
