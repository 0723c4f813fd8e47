"""viewer.gui.imports."""
