"""Long imports: a whole blog's export, saved in batches that survive cancel, crash and power loss.

A large Blogger export is read an entry at a time and saved in batches, each in one transaction
together with a checkpoint (how many posts of this file are in the archive). Started again on the
same file, the import skips what the checkpoint says was committed and goes on from there.
Small exports are not batched: they import all-or-nothing like any other file.

Safe from any thread; one import at a time per store (the caller serializes writes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO

from archive.errors import ImportFailure, NothingToImport
from archive.importers.blogger import iter_post_items, looks_like_blogger, read_post
from archive.importers.outcome import Skipped
from archive.model import Article
from archive.storage.store import ArchiveStore

# Exports up to this size import in one transaction; larger ones in checkpointed batches.
STREAM_FROM_BYTES = 5 * 1024 * 1024
BATCH_POSTS = 25
_CHECKPOINT_PREFIX = "import-checkpoint:"
_POST_MARK = re.compile(rb"kind#post['\"]|<blogger:type>POST</blogger:type>")

FeedProgress = Callable[[int, int, str], None]


@dataclass
class FeedImport:
    ids: list[int] = field(default_factory=list)
    created: bool = False
    cancelled: bool = False
    resumed_from: int = 0
    error: str | None = None
    titles: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # drafts left out, posts with no text
    nothing_to_import: str | None = None  # why a feed held no posts at all (comments only)


def is_large_feed(path: Path) -> bool:
    """A Blogger export big enough to import in resumable batches."""
    try:
        if path.stat().st_size < STREAM_FROM_BYTES:
            return False
        with path.open("rb") as stream:
            head = stream.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    return looks_like_blogger(head)


def count_posts(path: Path) -> int:
    """About how many posts the export holds (drafts included), for progress; a fast byte scan."""
    total, tail = 0, b""
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 22):
            data = tail + chunk
            total += len(_POST_MARK.findall(data))
            tail = data[-64:]
            total -= len(_POST_MARK.findall(tail))  # counted again with the next chunk
    return total + len(_POST_MARK.findall(tail))


def import_feed(
    store: ArchiveStore,
    path: Path,
    on_batch: Callable[[list[Article]], None],
    progress: FeedProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_posts: int | None = None,
) -> FeedImport:
    """Import the export at `path` batch by batch; `on_batch(articles)` runs after each commit
    with the articles as stored (ids set), ready to index."""
    key = checkpoint_key(path)
    done = int(store.setting(key) or 0)
    result = FeedImport(resumed_from=done)
    total = max(count_posts(path), done)
    try:
        stream = path.open("rb")
    except OSError as error:
        result.error = f"{path.name} cannot be read: {error.strerror or error}."
        return result
    with stream:
        return _import_batches(
            store,
            path,
            stream,
            key,
            result,
            total,
            on_batch,
            progress,
            cancelled,
            batch_posts or BATCH_POSTS,
        )


def _import_batches(
    store: ArchiveStore,
    path: Path,
    stream: IO[bytes],
    key: str,
    result: FeedImport,
    total: int,
    on_batch: Callable[[list[Article]], None],
    progress: FeedProgress | None,
    cancelled: Callable[[], bool] | None,
    batch_posts: int,
) -> FeedImport:
    done = result.resumed_from  # posts of this file already in the archive
    posts = _posts_after(stream, path, done)
    try:
        while batch := list(islice(posts, batch_posts)):
            done += len(batch)
            articles = [item for item in batch if isinstance(item, Article)]
            result.skipped += [item for item in batch if isinstance(item, Skipped)]
            saved = store.save_articles(articles, checkpoint=(key, str(done)))
            ids = [article_id for article_id, _ in saved]
            result.ids += ids
            result.created |= any(created for _, created in saved)
            title = articles[-1].display_title() if articles else ""
            if title:
                result.titles.append(title)
            on_batch([s.article for s in saved])
            if progress is not None:
                progress(done, max(total, done), title)
            if cancelled is not None and cancelled():
                result.cancelled = True
                return result
    except NothingToImport as error:
        result.nothing_to_import = error.reason
        store.clear_setting(key)
        return result
    except ImportFailure as error:
        result.error = str(error)
        return result
    store.clear_setting(key)
    return result


def checkpoint_key(path: Path) -> str:
    """Names one version of one file: its place, size and modification time."""
    stat = path.stat()
    return f"{_CHECKPOINT_PREFIX}{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"


def _posts_after(stream: IO[bytes], path: Path, count: int) -> Iterator[Article | Skipped]:
    """Each post after the first `count` as an Article, or a Skipped (a draft left out, a post
    with no text). The XML before the checkpoint is read (it comes first), but those posts are
    not converted again."""
    for number, item in enumerate(iter_post_items(stream, path.name)):
        if number >= count:
            yield item if isinstance(item, Skipped) else read_post(item, path)
