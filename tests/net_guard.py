"""Prove the app works offline: make every attempt to open a network connection fail loudly.

Song Ngữ promises readers it never goes online. `no_network()` replaces socket creation,
`socket.create_connection` and name lookups with functions that raise NetworkBlocked, so a
test (or a debug/self-test run) that passes inside it has touched no network. AF_UNIX
sockets stay allowed: they are local (multiprocessing, a single-instance server).

Thread rule: it patches the `socket` module for the whole process while active; use it
around a test or at start-up, not around one call in a threaded app.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager


class NetworkBlocked(OSError):
    """Something tried to reach the network while no_network() was active."""


_LOOKUPS = ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex")


@contextmanager
def no_network() -> Iterator[list[str]]:
    """While active, opening an Internet socket or resolving a name raises NetworkBlocked.

    Yields a list that gets a line per blocked attempt, in case the code under test swallows
    the exception: an empty list afterwards means nothing tried.
    """
    attempts: list[str] = []

    def refuse(what: str) -> NetworkBlocked:
        attempts.append(what)
        return NetworkBlocked(f"network access attempted while offline: {what}")

    class LocalOnlySocket(socket.socket):
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            adopting = kwargs.get("fileno") is not None or len(args) >= 3
            if family != socket.AF_UNIX and not adopting:
                raise refuse(f"socket(family={family})")
            super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]

    def lookup(name: str):
        def blocked(*args: object, **kwargs: object):
            raise refuse(f"{name}{args[:2]!r}")

        return blocked

    saved = {name: getattr(socket, name) for name in ("socket", *_LOOKUPS)}
    socket.socket = LocalOnlySocket  # type: ignore[misc]
    for name in _LOOKUPS:
        setattr(socket, name, lookup(name))
    try:
        yield attempts
    finally:
        for name, value in saved.items():
            setattr(socket, name, value)
