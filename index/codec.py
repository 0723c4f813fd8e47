"""Whoosh's W3 codec with a faster way of writing a segment's postings.

Writing the posting lists is most of the cost of indexing here (about 80% of a rebuild:
pair terms give ~20,000 postings per article). Whoosh's FieldWriter.add_postings handles one
posting at a time in Python: an order check, a seek-and-read of the document's field length
from the lengths column, and add_posting()'s type assertions. This writer groups the sorted
postings by field and term with itertools.groupby, loads each field's lengths once, and fills
each block's arrays in bulk. The bytes on disk are the codec's own: readers and merges use
the unchanged W3 classes.

Whoosh pickles the codec into each segment, so this module keeps its import path and names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from operator import itemgetter
from typing import Any

from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    W3Codec,
    W3FieldWriter,
    W3PostingsWriter,
    _lenfield,
)
from whoosh.util.numeric import byte_to_length

INLINE_LIMIT = 16  # postings; shorter lists (with values) go inside the term's info
_BYTE_LENGTHS = [0] + [byte_to_length(b) for b in range(1, 256)]
Posting = tuple[str, bytes, int, float, bytes | None]


class FastW3Codec(W3Codec):
    """W3Codec whose field writer adds postings in bulk (same file format)."""

    def field_writer(self, storage: object, segment: object) -> W3FieldWriter:
        return FastW3FieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: object, byteids: bool = False) -> W3PostingsWriter:
        return InliningPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


class InliningPostingsWriter(W3PostingsWriter):
    """Short posting lists go inside the term's info instead of a block of their own.

    W3 readers support inlined postings, but whoosh-reloaded 2.7.5's writer calls a misnamed
    method (set_inline), so W3Codec only works with its default inlinelimit=1 (never).
    Only lists with a value per posting are inlined: read back for a merge, an inlined list
    without values gives str "" where the merge needs bytes (ID fields have no values).
    """

    _terminfo: Any  # set by W3PostingsWriter.start_postings

    def finish_postings(self) -> object:
        terminfo = self._terminfo
        short = not self.written() and len(self) < self._inlinelimit
        if short and len(self._values) == len(self._ids):
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
        else:  # W3PostingsWriter's own way: the last block, then the list's extent
            if self._ids:
                self._write_block(last=True)
            start = self._startoffset
            terminfo.set_extent(start, self._postfile.tell() - start)
        self._terminfo = None
        return terminfo


class FastW3FieldWriter(W3FieldWriter):
    def add_postings(self, schema: Any, lengths: Any, items: Iterable[Posting]) -> None:
        blocklimit = self._codec._blocklimit
        for fieldname, field_items in groupby(items, itemgetter(0)):
            self.start_field(fieldname, schema[fieldname])
            length_of = _field_lengths(lengths, fieldname)
            for btext, postings in groupby(field_items, itemgetter(1)):
                rows = [p for p in postings if p[2] >= 0]  # docnum -1: spelling-only words
                if not rows:
                    continue
                self.start_term(btext)
                writer = self._postwriter
                for start in range(0, len(rows), blocklimit):
                    if writer._ids:  # the previous block is full: write it, as add_posting does
                        writer._write_block()
                    _fill_block(writer, rows[start : start + blocklimit], length_of)
                self.finish_term()
            self.finish_field()


def _field_lengths(lengths: Any, fieldname: str) -> Callable[[int], int]:
    """A document's length in `fieldname`, the column read once (0 when there is none)."""
    reader_of = getattr(lengths, "_cached_reader", None)
    if reader_of is None:  # no lengths, or lengths over several segments: ask per document
        if lengths is None:
            return lambda docnum: 0
        return lambda docnum: lengths.doc_field_length(docnum, fieldname)
    reader = reader_of(_lenfield(fieldname), LENGTHS_COLUMN)
    if reader is None:
        return lambda docnum: 0
    return [_BYTE_LENGTHS[b] for b in reader.load()].__getitem__


def _fill_block(writer: Any, rows: list[Posting], length_of: Callable[[int], int]) -> None:
    """Append up to one block of postings, keeping the statistics add_posting keeps."""
    docnums = [row[2] for row in rows]
    weights = [row[3] for row in rows]
    writer._ids.extend(docnums)
    writer._weights.extend(weights)
    writer._values.extend(row[4] for row in rows if row[4])
    writer._maxweight = max(writer._maxweight, *weights)
    found = [length for length in map(length_of, docnums) if length]
    if found:
        low, high = min(found), max(found)
        if writer._minlength is None or low < writer._minlength:
            writer._minlength = low
        writer._maxlength = max(writer._maxlength, high)
