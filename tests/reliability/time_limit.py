"""A wall-clock limit for one call, so a hang fails the test instead of stalling CI."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TookTooLong(AssertionError):
    """The call ran past its limit: for hostile input that is a hang."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TookTooLong in the main thread after `seconds` (SIGALRM; interrupts regex and
    blocking reads too)."""
    assert threading.current_thread() is threading.main_thread()

    def expire(signum: int, frame: object) -> None:
        raise TookTooLong(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
