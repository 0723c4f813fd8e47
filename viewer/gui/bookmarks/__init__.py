"""viewer.gui.bookmarks."""
