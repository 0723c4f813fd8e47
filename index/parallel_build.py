"""Build a fresh index with several worker processes, each writing its own segment.

Whoosh's MpWriter pickles every document (five copies of each passage's text here) into job
files in the parent, and the parent competes with the workers for the two cores. Here the
parent only hands batches of Article objects to the workers; each worker analyses them and
writes one segment with a lock-free SegmentWriter, and the parent, which holds the index's
write lock, commits the workers' segments together. That is what MpWriter(multisegment=True)
does, without the job files.

Workers are started with "spawn": the GUI calls this from a thread, and forking a process
that runs Qt's threads is unsafe.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable, Iterable
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex
from whoosh.writing import SegmentWriter

from archive.model import Article
from index.codec import FastW3Codec
from index.documents import article_documents

BATCH_ARTICLES = 8  # per job: progress stays smooth and the two workers stay evenly loaded
_POLL_SECONDS = 0.5
INLINE_LIMIT = 16  # postings; shorter lists are inlined: ~20% faster, ~10% smaller


class BuildError(Exception):
    """A worker failed; the message is the worker's error, one line."""


def new_writer_codec() -> FastW3Codec:
    # zlib level 1: most posting lists are a few postings long (pair terms), so level 3
    # spends ~40% of indexing time compressing for almost no space.
    return FastW3Codec(compression=1, inlinelimit=INLINE_LIMIT)


def _work(index_dir: str, limitmb: int, jobs: Any, results: Any) -> None:
    """A worker: index batches until None arrives, then report the finished segment.

    On failure it leaves its temporary run files: they live in the writers' shared temporary
    folder, which the parent's cancel() (or the next rebuild's commit) removes.
    """
    try:
        ix = whoosh_index.open_dir(index_dir)
        writer = SegmentWriter(ix, _lk=False, limitmb=limitmb, codec=new_writer_codec())
        while (batch := _next_job(jobs)) is not None:
            for article in batch:
                for document in article_documents(article):
                    writer.add_document(**document)
            results.put(("done", len(batch)))
        if writer._added:
            results.put(("segment", writer._finalize_segment()))
        else:
            writer._close_segment()
            results.put(("segment", None))
    except _ParentGone:
        return
    except BaseException as error:  # reported to the parent, which raises it there
        results.put(("error", f"{type(error).__name__}: {error}"))


class _ParentGone(Exception):
    pass


def _next_job(jobs: Any) -> list[Article] | None:
    """The next batch; stops the worker if the parent was killed (else it would wait forever
    and keep its memory: a killed `songngu-cli reindex` must not leave workers behind)."""
    parent = multiprocessing.parent_process()
    while parent is None or parent.is_alive():
        try:
            return jobs.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            continue
    raise _ParentGone


def build_in_parallel(
    ix: FileIndex,
    articles: Iterable[Article],
    procs: int,
    limitmb: int,
    on_articles: Callable[[int], object] | None = None,
    lock_timeout: float = 10.0,
) -> None:
    """Index `articles` into the empty index `ix` with `procs` workers and commit once.

    `on_articles(done)` is called in this process as batches finish; if it raises, the
    workers are stopped and nothing is committed.
    """
    writer = ix.writer(timeout=lock_timeout, delay=0.1, codec=new_writer_codec())
    context = multiprocessing.get_context("spawn")
    jobs = context.Queue(maxsize=procs * 2)
    results = context.Queue()
    workers = [
        context.Process(target=_work, args=(ix.storage.folder, limitmb, jobs, results), daemon=True)
        for _ in range(procs)
    ]
    done = 0
    segments: list[object] = []

    def take(message: tuple[str, object]) -> None:
        nonlocal done
        kind, value = message
        if kind == "error":
            raise BuildError(str(value))
        if kind == "segment":
            segments.append(value)
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
                if dead > len(segments) and results.empty():
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
        while len(segments) < len(workers):
            drain(block=True)
        for worker in workers:
            worker.join()
        writer._close_segment()  # the parent wrote nothing itself
        writer._commit_toc([s for s in segments if s is not None])
        writer._finish()
    except BaseException:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        jobs.cancel_join_thread()  # batches nobody will read must not hold up our exit
        writer.cancel()
        raise
    finally:
        jobs.close()
        results.close()


def _put(jobs: Any, item: object, drain: Callable[[bool], None]) -> None:
    """Queue a job, reporting progress while the workers are busy."""
    while True:
        drain(False)
        try:
            jobs.put(item, timeout=_POLL_SECONDS)
            return
        except queue.Full:
            continue
