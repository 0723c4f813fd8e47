"""Song Ngữ's domain: the article model, the SQLite store, importers, exporters, alignment.

Nothing in this package imports Qt or Whoosh.
"""

__version__ = "0.1.0"
