"""Benchmarks: the Song Ngữ index against SQLite FTS5 on a synthetic archive."""
