"""Bookmarks: the bookmark itself, its W3C text-quote anchor that survives re-imports, and its
rows in the archive."""
