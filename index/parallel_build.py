"""Build a fresh index with several worker processes, each writing its own segments.

Whoosh's MpWriter pickles every document (five copies of each passage's text here) into job
files in the parent, and the parent competes with the workers for the cores. Here the
parent only hands batches of Article objects to the workers; each worker analyses them and
writes segments with index.bulk_segment (inverted in memory, written in bulk), starting a
new segment whenever it holds POSTINGS_PER_SEGMENT postings (that bounds its memory), and
the parent, which holds the index's write lock, commits all the segments together.

Workers are started with "spawn": the GUI calls this from a thread, and forking a process
that runs Qt's threads is unsafe.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex
from whoosh.writing import SegmentWriter

from archive.model import Article
from index.codec import INLINE_LIMIT, FastW3Codec
from index.documents import article_documents

BATCH_ARTICLES = 8  # per job: progress stays smooth and the workers stay evenly loaded
_POLL_SECONDS = 0.5
# A worker writes out a segment at this many postings (~800 articles): arrays of 12 bytes a
# posting plus the segment's vocabulary and the sort's temporaries stay near 600 MB.
POSTINGS_PER_SEGMENT = 16_000_000
WORKER_MB = 650  # a worker's peak at POSTINGS_PER_SEGMENT, measured
BUILD_MEMORY_MB = 1400  # what the workers of one build may hold together


def worker_count() -> int:
    """Every core, but no more workers than the build's memory allows."""
    return max(1, min(_usable_cores(), BUILD_MEMORY_MB // WORKER_MB))


def _usable_cores() -> int:
    """os.process_cpu_count() (Python 3.13) where it exists, else the affinity mask's size."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class BuildError(Exception):
    """A worker failed; the message is the worker's error, one line."""


def new_writer_codec() -> FastW3Codec:
    # zlib level 1: most posting lists are a few postings long (pair terms), so level 3
    # spends ~40% of indexing time compressing for almost no space.
    return FastW3Codec(compression=1, inlinelimit=INLINE_LIMIT)


def _work(index_dir: str, limit: int | None, jobs: Any, results: Any) -> None:
    """A worker: index batches until None arrives, reporting each segment it writes.

    On failure it leaves the files of a segment it did not finish: they belong to no TOC,
    so the next commit of the index removes them.
    """
    try:
        ix = whoosh_index.open_dir(index_dir)
        for segment in write_segments(ix, _jobs(jobs, results), limit):
            results.put(("segment", segment))
        results.put(("finished", None))
    except _ParentGone:
        return
    except BaseException as error:  # reported to the parent, which raises it there
        results.put(("error", f"{type(error).__name__}: {error}"))


def _jobs(jobs: Any, results: Any) -> Iterator[list[Article]]:
    while (batch := _next_job(jobs)) is not None:
        yield batch
        results.put(("done", len(batch)))


def write_segments(
    ix: FileIndex, batches: Iterable[list[Article]], limit: int | None = None
) -> Iterator[object]:
    """Index batches of articles into new segments of `ix` (not committed); yields each
    segment once written, a new one begun past `limit` postings (POSTINGS_PER_SEGMENT)."""
    limit = POSTINGS_PER_SEGMENT if limit is None else limit
    from index.bulk_segment import BulkSegmentWriter  # numpy: only a process that writes

    schema, codec = ix.schema, new_writer_codec()
    writer = BulkSegmentWriter(ix.storage, schema, codec, ix.indexname)
    for batch in batches:
        for article in batch:
            for document in article_documents(article):
                writer.add_document(document)
        if writer.posting_count >= limit:
            yield writer.finish()
            writer = BulkSegmentWriter(ix.storage, schema, codec, ix.indexname)
    if writer.doc_count:
        yield writer.finish()


class _ParentGone(Exception):
    pass


def _next_job(jobs: Any) -> list[Article] | None:
    """The next batch; stops the worker if the parent was killed (else it would wait forever
    and keep its memory: a killed `songngu-cli reindex` must not leave workers behind)."""
    parent = multiprocessing.parent_process()
    while parent is None or parent.is_alive():
        try:
            batch: list[Article] | None = jobs.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            continue
        return batch
    raise _ParentGone


def build_in_parallel(
    ix: FileIndex,
    articles: Iterable[Article],
    procs: int,
    on_articles: Callable[[int], object] | None = None,
    lock_timeout: float = 10.0,
    limit: int | None = None,
) -> None:
    """Index `articles` into the empty index `ix` with `procs` workers and commit once.

    `on_articles(done)` is called in this process as batches finish; if it raises, the
    workers are stopped and nothing is committed.
    """
    writer = ix.writer(timeout=lock_timeout, delay=0.1, codec=new_writer_codec())
    try:
        commit_segments(writer, write_in_workers(ix, articles, procs, on_articles, limit))
    except BaseException:
        writer.cancel()
        raise


def write_in_workers(
    ix: FileIndex,
    articles: Iterable[Article],
    procs: int,
    on_articles: Callable[[int], object] | None = None,
    limit: int | None = None,
) -> list[object]:
    """New segments of `articles`, written by `procs` worker processes (not committed: the
    caller holds the write lock and commits them). Also what keeps a GUI import responsive:
    the bulk writer's sorts hold the GIL for long stretches, in a worker they hold none of
    the window's."""
    context = multiprocessing.get_context("spawn")
    jobs = context.Queue(maxsize=procs * 2)
    results = context.Queue()
    workers = [
        context.Process(target=_work, args=(ix.storage.folder, limit, jobs, results), daemon=True)
        for _ in range(procs)
    ]
    done = finished = 0
    segments: list[object] = []

    def take(message: tuple[str, object]) -> None:
        nonlocal done, finished
        kind, value = message
        if kind == "error":
            raise BuildError(str(value))
        if kind == "segment":
            segments.append(value)
            return
        if kind == "finished":
            finished += 1
            return
        done += int(value)  # type: ignore[call-overload]
        if on_articles is not None:
            on_articles(done)

    def drain(block: bool) -> None:
        while True:
            try:
                message = results.get(timeout=_POLL_SECONDS) if block else results.get_nowait()
            except queue.Empty:
                dead = sum(not worker.is_alive() for worker in workers)
                if dead > finished and results.empty():
                    raise BuildError("an indexing worker stopped unexpectedly") from None
                return
            take(message)
            block = False

    try:
        for worker in workers:
            worker.start()
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == BATCH_ARTICLES:
                _put(jobs, batch, drain)
                batch = []
        if batch:
            _put(jobs, batch, drain)
        for _ in workers:
            _put(jobs, None, drain)
        while finished < len(workers):
            drain(block=True)
        for worker in workers:
            worker.join()
        return segments
    except BaseException:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        jobs.cancel_join_thread()  # batches nobody will read must not hold up our exit
        raise
    finally:
        jobs.close()
        results.close()


def build_serially(
    ix: FileIndex,
    articles: Iterable[Article],
    on_articles: Callable[[int], object] | None = None,
    lock_timeout: float = 10.0,
    limit: int | None = None,
) -> None:
    """The same segments as build_in_parallel, written in this process (small archives)."""
    writer = ix.writer(timeout=lock_timeout, delay=0.1, codec=new_writer_codec())
    done = 0

    def batches() -> Iterator[list[Article]]:
        nonlocal done
        for article in articles:
            yield [article]
            done += 1
            if on_articles is not None:
                on_articles(done)

    try:
        commit_segments(writer, list(write_segments(ix, batches(), limit)))
    except BaseException:
        writer.cancel()
        raise


def commit_segments(writer: SegmentWriter, segments: list[object]) -> None:
    """Make `segments` the whole index, with the write lock `writer` holds."""
    writer._close_segment()  # the writer wrote nothing itself
    writer._commit_toc(segments)
    writer._finish()


def commit_added_segments(writer: SegmentWriter, segments: list[object]) -> None:
    """Commit `segments` beside the index's others, as SegmentWriter.commit() would commit
    its own: the deletions `writer` made and its merge of small segments included."""
    kept = writer._merge_segments(None, None, None)
    if writer._added:  # the merge policy merged small segments into the writer's own
        kept.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc([*kept, *segments])
    writer._finish()


def _put(jobs: Any, item: object, drain: Callable[[bool], None]) -> None:
    """Queue a job, reporting progress while the workers are busy."""
    while True:
        drain(False)
        try:
            jobs.put(item, timeout=_POLL_SECONDS)
            return
        except queue.Full:
            continue
