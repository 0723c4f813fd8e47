"""Bookmarks in the window: the panel, the add/edit dialog, the marks in the reader and the
workflow that ties them to the Library."""
