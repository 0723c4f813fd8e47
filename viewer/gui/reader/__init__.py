"""viewer.gui.reader."""
