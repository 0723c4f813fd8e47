"""Song Ngữ works offline: import → index → search → bookmark → export with every network
socket and name lookup made to fail (tests.net_guard.no_network, plus a plain monkeypatch)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from archive.bookmarks.bookmark import quote_bookmark
from archive.export.citation import excerpt_from_bookmark
from archive.export.exporters import export, write_export
from tests.net_guard import NetworkBlocked, no_network
from tests.reliability.corpus import write_articles
from viewer.library import Library


def _refuse(*args: object, **kwargs: object):
    raise AssertionError(f"network use attempted: {args!r}")


def test_the_guard_blocks_internet_sockets_and_lookups_but_not_local_ones() -> None:
    with no_network() as attempts:
        with pytest.raises(NetworkBlocked):
            socket.create_connection(("example.org", 443), timeout=1)
        with pytest.raises(NetworkBlocked):
            socket.getaddrinfo("example.org", 443)
        with pytest.raises(NetworkBlocked):
            socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close()
    assert len(attempts) == 3
    socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()  # restored afterwards


def test_the_whole_workflow_runs_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = write_articles(tmp_path / "articles", 2, paragraphs=5)
    with no_network() as attempts:
        monkeypatch.setattr(socket, "create_connection", _refuse)  # the brief's own belt too
        library = Library.open(tmp_path / "data")  # imports the bundled sample
        try:
            outcomes = library.import_paths([f.path for f in files])
            assert [o.status for o in outcomes] == ["imported", "imported"]
            library.ensure_index()
            assert library.check().ok
            hits = library.search("NATO", lang="en").hits
            assert hits
            article = library.article(hits[0].article_id)
            bookmark = quote_bookmark(article, "en", "NATO", note="offline")
            excerpt = excerpt_from_bookmark(bookmark, article, with_counterpart=True)
            for fmt in ("md", "html", "txt", "json"):
                target = tmp_path / f"export.{fmt}"
                write_export(target, export([excerpt], fmt).encode("utf-8"))
                assert "NATO" in target.read_text(encoding="utf-8")
        finally:
            library.close()
    assert attempts == []
