"""archive.bookmarks."""
