"""viewer.gui.library."""
