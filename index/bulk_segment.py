"""Write a whole Whoosh W3 segment from documents inverted in memory.

Why: Whoosh's SegmentWriter puts every posting into a pool as a Python tuple, sorts the
pool (spilling sorted runs to temporary files) and then writes the postings one at a time.
With five text fields per passage, pair terms included, that was ~30 µs a posting and
11 GB of temporary files for 5,000 articles.

How this writer does it instead:
- Each document's {term: count} per field is appended to three flat arrays per field
  (term number, document number, count); a term's number comes from a dict that sees each
  distinct term once (`map` over a dict with `__missing__`, so known terms cost no Python
  call). The per-document values (stored fields, field lengths) go through Whoosh's own
  W3PerDocWriter, unchanged.
- At the end the vocabulary is sorted once (str order is UTF-8 byte order, which is the key
  order Whoosh needs); numpy orders each field's postings by term with one stable argsort
  (document numbers stay ascending inside a term) and computes every term's statistics
  (document frequency, total and maximum weight, min/max length byte, first/last document)
  with `reduceat`, without a Python loop per posting.
- Short posting lists (< INLINE_LIMIT, with values) are inlined into the term info as
  W3TermInfo encodes them; longer ones are written in W3PostingsWriter's 128-posting blocks.
  Both are pickled with protocol 3 instead of Whoosh's 2 (see _PICKLE): same values read
  back, less than half the bytes.
- The term file is Whoosh's ordered hash file (HSH3) written in bulk: entries streamed in
  key order, then the 256 hash tables placed with numpy (linear probing, as HashWriter
  does; the file names its hash function, CRC32, in its header as HashWriter allows).
- Segments are never compound: a compound segment is memory-mapped and each of its files
  is then copied into a BytesIO by Whoosh's reader (that copy was most of the 2.5 GB a
  search process held at 5,000 articles). Separate files are read with ordinary seeks.

The result is a plain W3 segment: stock Whoosh opens, searches, merges and deletes from it
(tests/index/test_index_writing.py compares every term's info and postings with what stock
Whoosh writes for the same documents).
"""

from __future__ import annotations

import pickle
import struct
import zlib
from array import array
from collections.abc import Mapping
from itertools import repeat
from typing import Any

import numpy as np
from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.fields import Schema
from whoosh.filedb.filestore import Storage
from whoosh.formats import Existence
from whoosh.system import pack_int, pack_long, pack_uint, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from index.codec import INLINE_LIMIT, FastW3Codec
from index.fields import CountedText

_WRITE_CHUNK = 1 << 20  # bytes of term entries buffered before a write
_CRC_HASH = 1  # whoosh.filedb.filetables hash type: zlib.crc32
_TERM_INFO = W3TermInfo._struct  # flags, weight, df, min/max length byte, max weight, ids
_LENGTHS = struct.Struct("!ii")  # key length, value length before each hash entry
_DIRECTORY_ENTRY = struct.Struct("!qi")
_SLOT = np.dtype([("hash", ">u4"), ("position", ">i8")])  # HashWriter's "!Iq"
_BLOCK_MAGIC = WHOOSH3_HEADER_MAGIC  # before a posting list's first block
_BLOCK_LENGTH = struct.Struct("!i")  # before each block; negative for a list's last block
_BYTE_LENGTHS = [0] + [byte_to_length(b) for b in range(1, 256)]
_COUNT_BYTES = [pack_uint(n) for n in range(256)]  # a count's value, for the common counts
# Whoosh pickles postings with protocol 2, where each bytes value becomes a codecs.encode
# call (~40 bytes for a 4-byte count); its readers use pickle.loads, which reads any protocol.
# Protocol 3 has raw bytes and no framing: an inlined single posting takes 34 bytes, not 74.
_PICKLE = 3
_TERMS_PER_CHUNK = 1 << 16  # terms whose postings become Python lists at once

Document = Mapping[str, object]


class _Vocabulary(dict[str, int]):
    """term → number in first-seen order; a new term gets the next number."""

    def __missing__(self, term: str) -> int:
        number = self[term] = len(self)
        return number


class _FieldPostings:
    """One field's postings in the order documents arrived, and its length bytes."""

    __slots__ = ("counted", "terms", "docs", "counts", "length_bytes")

    def __init__(self, counted: bool) -> None:
        self.counted = counted  # CountedText (values and lengths) or Existence (ID)
        self.terms = array("I")
        self.docs = array("I")
        self.counts = array("I")
        self.length_bytes = bytearray()  # per document; 0 = no length


class BulkSegmentWriter:
    """Collects documents for one new segment of the index in `storage`, then writes it.

    Only CountedText fields (given {term: count} dicts) and Existence fields (ID) can be
    indexed; stored fields are stored as Whoosh stores them. finish() returns the segment,
    for a writer that holds the index lock to commit in the TOC.
    """

    def __init__(
        self, storage: Storage, schema: Schema, codec: FastW3Codec, indexname: str = "MAIN"
    ) -> None:
        self._storage = storage
        self._schema = schema
        self._codec = codec
        self.segment: Any = codec.new_segment(storage, indexname)
        self._perdoc = codec.per_document_writer(storage, self.segment)
        self._vocabulary = _Vocabulary()
        self._fields: dict[str, _FieldPostings] = {}
        self.doc_count = 0
        self.posting_count = 0
        self._whole_values: set[str] = set()  # ID fields: the value is the one term
        for name, field in schema.items():
            if field.indexed and not isinstance(field, CountedText):
                if not isinstance(field.format, Existence):
                    raise ValueError(f"the bulk writer cannot index field {name!r}")
                if type(field.analyzer) is IDTokenizer:
                    self._whole_values.add(name)

    def add_document(self, fields: Document) -> None:
        """Add one document: field name → value (CountedText fields take {term: count})."""
        docnum = self.doc_count
        perdoc = self._perdoc
        schema = self._schema
        term_number = self._vocabulary.__getitem__
        perdoc.start_doc(docnum)
        for name in sorted(fields):  # the order SegmentWriter.add_document uses
            value = fields[name]
            if value is None or name.startswith("_"):
                continue
            field = schema[name]
            length = 0
            if field.indexed:
                postings = self._field(name, field)
                if isinstance(value, dict):
                    terms: Any = value
                    counts: Any = value.values()
                    length = sum(counts)
                elif name in self._whole_values and isinstance(value, str):
                    terms, counts = (value,), (1,)
                else:
                    terms, counts = _existence_terms(field, value)
                postings.terms.extend(map(term_number, terms))
                postings.counts.extend(counts)
                postings.docs.extend(repeat(docnum, len(terms)))
                self.posting_count += len(terms)
                if length:
                    lengths = postings.length_bytes
                    if len(lengths) < docnum:
                        lengths.extend(bytes(docnum - len(lengths)))
                    lengths.append(length_to_byte(length))
            perdoc.add_field(name, field, value if field.stored else None, length)
        perdoc.finish_doc()
        self.doc_count += 1

    def _field(self, name: str, field: Any) -> _FieldPostings:
        postings = self._fields.get(name)
        if postings is None:
            postings = self._fields[name] = _FieldPostings(isinstance(field, CountedText))
        return postings

    def finish(self) -> Any:
        """Write the segment's files; returns the W3Segment (not yet in any TOC)."""
        self._perdoc.close()  # the stored-fields and lengths columns; the field totals
        self.segment.set_doc_count(self.doc_count)
        terms = list(self._vocabulary)
        self._vocabulary = _Vocabulary()
        # str order is UTF-8 byte order: one sort gives every field's key order
        order = sorted(range(len(terms)), key=terms.__getitem__)
        sorted_terms = [terms[number] for number in order]
        del terms
        rank = np.empty(len(order), dtype=np.int64)
        rank[np.array(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int64)
        del order
        segment, storage = self.segment, self._storage
        postfile = _PostingsFile(
            segment.create_file(storage, W3Codec.POSTS_EXT),
            self._codec._blocklimit,
            self._codec._compression,
        )
        table = _OrderedHashFile(segment.create_file(storage, W3Codec.TERMS_EXT))
        fieldmap: dict[str, int] = {}
        try:
            for fieldid, name in enumerate(sorted(self._fields)):
                fieldmap[name] = fieldid
                postings = self._fields.pop(name)
                self._write_field(
                    table, postfile, pack_ushort(fieldid), name, postings, rank, sorted_terms
                )
            table.close({"fieldmap": fieldmap})
        finally:
            postfile.close()
        return segment

    def _write_field(
        self,
        table: _OrderedHashFile,
        postfile: _PostingsFile,
        prefix: bytes,
        name: str,
        postings: _FieldPostings,
        rank: np.ndarray,
        sorted_terms: list[str],
    ) -> None:
        """One field's terms, in key order: each term's statistics from numpy, its postings
        inlined or in blocks."""
        if not postings.terms:
            return
        ranks = rank[np.frombuffer(postings.terms, dtype=np.uint32)]
        order = np.argsort(ranks, kind="stable")  # stable: documents stay ascending
        ranks = ranks[order]
        docs = np.frombuffer(postings.docs, dtype=np.uint32)[order]
        counts = np.frombuffer(postings.counts, dtype=np.uint32)[order]
        del order
        postings.terms = postings.docs = postings.counts = array("I")
        starts = np.flatnonzero(np.concatenate(([True], ranks[1:] != ranks[:-1])))
        ends = np.append(starts[1:], len(ranks))
        term_of = ranks[starts]
        del ranks
        gaps = np.diff(docs.astype(np.int64), prepend=0)  # across terms too; unused there
        padding = bytes(max(0, self.doc_count - len(postings.length_bytes)))
        lengths = np.frombuffer(bytes(postings.length_bytes) + padding, dtype=np.uint8)
        counted = postings.counted
        if counted:
            total = np.add.reduceat(counts.astype(np.float64), starts)
            most = np.maximum.reduceat(counts, starts).astype(np.float64)
            doc_lengths = lengths[docs]
            low = np.minimum.reduceat(doc_lengths, starts)
            high = np.maximum.reduceat(doc_lengths, starts)
            del doc_lengths
        else:  # Existence (ID fields): weight 1 each, no lengths (not scorable)
            total = (ends - starts).astype(np.float64)
            most = np.ones(len(starts), dtype=np.float64)
            low = high = np.zeros(len(starts), dtype=np.uint8)
        length_of = [_BYTE_LENGTHS[b] for b in lengths.tolist()]
        pack_info, dumps, count_bytes, add = _TERM_INFO.pack, pickle.dumps, _COUNT_BYTES, table.add
        for first in range(0, len(starts), _TERMS_PER_CHUNK):  # lists a chunk at a time
            last = min(first + _TERMS_PER_CHUNK, len(starts))
            base = int(starts[first])
            chunk_docs = docs[base : int(ends[last - 1])].tolist()
            chunk_counts = counts[base : int(ends[last - 1])].tolist()
            chunk_gaps = gaps[base : int(ends[last - 1])].tolist()
            rows = zip(
                (starts[first:last] - base).tolist(),
                (ends[first:last] - base).tolist(),
                term_of[first:last].tolist(),
                total[first:last].tolist(),
                most[first:last].tolist(),
                low[first:last].tolist(),
                high[first:last].tolist(),
                strict=True,
            )
            for start, end, term, weight, maxweight, minlength, maxlength in rows:
                key = prefix + sorted_terms[term].encode("utf-8")
                df = end - start
                ids = chunk_docs[start:end]
                stats = pack_info(
                    counted and df < INLINE_LIMIT,
                    weight,
                    df,
                    minlength,
                    maxlength,
                    maxweight,
                    ids[0],
                    ids[-1],
                )
                if counted and df < INLINE_LIMIT:  # inlined, as W3TermInfo.set_inlined keeps
                    found = chunk_counts[start:end]
                    values = tuple(count_bytes[c] if c < 256 else pack_uint(c) for c in found)
                    add(key, stats + dumps((tuple(ids), tuple(map(float, found)), values), _PICKLE))
                else:
                    offset, size = postfile.write(
                        ids, chunk_gaps[start:end], chunk_counts[start:end], counted, length_of
                    )
                    add(key, stats + pack_long(offset) + pack_int(size))


def _existence_terms(field: Any, value: object) -> tuple[list[str], list[int]]:
    """An ID field's terms, as field.index() makes them (weight 1, no value)."""
    terms: list[str] = []
    for tbytes, _freq, weight, vbytes in field.index(value):
        if vbytes or weight != 1.0:
            raise ValueError("an Existence field gave a weight or a value")
        terms.append(tbytes.decode("utf-8"))
    return terms, [1] * len(terms)


class _PostingsFile:
    """The segment's postings file: W3PostingsWriter's blocks, written in bulk."""

    def __init__(self, postfile: Any, blocklimit: int, compression: int) -> None:
        self._file = postfile
        self._blocklimit = blocklimit
        self._compression = compression
        self._position = 0
        self._chunk: list[bytes] = []
        self._chunk_size = 0

    def write(
        self,
        docs: list[int],
        gaps: list[int],
        counts: list[int],
        counted: bool,
        length_of: list[int],
    ) -> tuple[int, int]:
        """One term's postings as W3 blocks (as W3PostingsWriter._write_block lays them
        out: ids delta-coded, weights minified, values joined, pickled and compressed);
        returns the list's (offset, length) in the file. `gaps` are the differences
        between neighbouring documents of `docs`."""
        offset = self._position + self._chunk_size
        parts = [_BLOCK_MAGIC]
        limit, level = self._blocklimit, self._compression
        dumps, compress = pickle.dumps, zlib.compress
        for start in range(0, len(docs), limit):
            ids = docs[start : start + limit]
            deltas = (ids[0], *gaps[start + 1 : start + limit])  # a block starts from 0
            if counted:
                found = counts[start : start + limit]
                most = max(found)
                if most == 1:
                    weights: object = None
                elif min(found) == most:
                    weights = float(most)
                else:
                    weights = tuple(map(float, found))
                values: object = struct.pack(f"!{len(found)}I", *found)
                lengths = [length_of[d] for d in ids]
                low, high = length_to_byte(min(lengths)), length_to_byte(max(lengths))
                maxweight = float(most)
            else:  # Existence: every weight 1.0, no values, no lengths
                weights, values, low, high, maxweight = None, None, 0, 0, 1.0
            data = compress(dumps((deltas, weights, values), _PICKLE), level)
            info = dumps((len(ids), ids[-1], maxweight, level, low, high), _PICKLE)
            size = len(info) + len(data)
            last = start + limit >= len(docs)
            parts += (_BLOCK_LENGTH.pack(-size if last else size), info, data)
        entry = b"".join(parts)
        self._chunk.append(entry)
        self._chunk_size += len(entry)
        if self._chunk_size >= _WRITE_CHUNK:
            self._flush()
        return offset, len(entry)

    def _flush(self) -> None:
        self._file.write(b"".join(self._chunk))
        self._position += self._chunk_size
        self._chunk, self._chunk_size = [], 0

    def close(self) -> None:
        self._flush()
        self._file.close()


class _OrderedHashFile:
    """Whoosh's OrderedHashWriter file format (HSH3), written in bulk."""

    def __init__(self, dbfile: Any) -> None:
        self._file = dbfile
        dbfile.write(b"HSH3")
        dbfile.write_byte(_CRC_HASH)
        dbfile.write_int(0)
        dbfile.write_int(0)
        self._position = 13
        self._chunk: list[bytes] = []
        self._chunk_size = 0
        self._hashes = array("I")
        self._positions = array("q")
        self._lastkey = b""

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self._lastkey:
            raise ValueError(f"keys must increase: {self._lastkey!r}..{key!r}")
        self._lastkey = key
        self._hashes.append(zlib.crc32(key))
        self._positions.append(self._position + self._chunk_size)
        entry = _LENGTHS.pack(len(key), len(value)) + key + value
        self._chunk.append(entry)
        self._chunk_size += len(entry)
        if self._chunk_size >= _WRITE_CHUNK:
            self._flush()

    def _flush(self) -> None:
        self._file.write(b"".join(self._chunk))
        self._position += self._chunk_size
        self._chunk, self._chunk_size = [], 0

    def close(self, extras: dict[str, object]) -> None:
        self._flush()
        dbfile = self._file
        hashes = np.frombuffer(self._hashes, dtype=np.uint32).astype(np.int64)
        positions = np.frombuffer(self._positions, dtype=np.int64)
        buckets = hashes & 255
        by_bucket = np.argsort(buckets, kind="stable")
        bounds = np.searchsorted(buckets[by_bucket], np.arange(257))
        directory = []
        for bucket in range(256):
            chosen = by_bucket[bounds[bucket] : bounds[bucket + 1]]
            directory.append((self._position, 2 * len(chosen)))
            if len(chosen):
                slots = _hash_table(hashes[chosen], positions[chosen])
                dbfile.write(slots.tobytes())
                self._position += slots.nbytes
        dbfile.write(b"".join(_DIRECTORY_ENTRY.pack(*entry) for entry in directory))
        typecode = "i" if len(positions) == 0 or positions[-1] < 2**31 else "q"
        start = dbfile.tell()
        dbfile.write_pickle({**extras, "indextype": typecode, "indexlen": len(positions)})
        dbfile.write(positions.astype(">" + typecode).tobytes())
        dbfile.write_int(dbfile.tell() - start)
        dbfile.close()


def _hash_table(hashes: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """One bucket's table of 2n slots, each entry at or after its home slot (linear
    probing, wrapping to the start), as HashWriter._write_hashes lays it out."""
    numslots = 2 * len(hashes)
    home = (hashes >> 8) % numslots
    order = np.argsort(home, kind="stable")
    home, hashes, positions = home[order], hashes[order], positions[order]
    steps = np.arange(len(home))
    placed = np.maximum.accumulate(home - steps) + steps  # next free slot at or after home
    table = np.zeros(numslots, dtype=_SLOT)
    fits = placed < numslots
    table["hash"][placed[fits]] = hashes[fits]
    table["position"][placed[fits]] = positions[fits]
    if not fits.all():  # the run passed the end: the rest take the first free slots
        free = np.flatnonzero(table["position"] == 0)[: int((~fits).sum())]
        table["hash"][free] = hashes[~fits]
        table["position"][free] = positions[~fits]
    return table
