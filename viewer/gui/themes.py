"""View ▸ Theme: System, Light or Dark. Light and Dark are Qt's Fusion style with palettes of
our own, so they look the same on a bare desktop (no GTK, no platform theme) as anywhere;
System puts back the style and palette the platform gave at start.

The reader re-renders on the palette change it receives (its stylesheet takes its colours
from the palette) and the highlights keep fixed text colours (see styles), so every mark
stays readable in both. Main thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from viewer.gui.settings import THEMES

FUSION = "Fusion"

Role, Group = QPalette.ColorRole, QPalette.ColorGroup

# (role, normal colour, disabled colour or None for the same)
_LIGHT = (
    (Role.Window, "#efefef", None),
    (Role.WindowText, "#1a1a1a", "#8a8a8a"),
    (Role.Base, "#ffffff", "#f4f4f4"),
    (Role.AlternateBase, "#f5f5f5", None),
    (Role.Text, "#1a1a1a", "#8a8a8a"),
    (Role.PlaceholderText, "#6b6b6b", "#9a9a9a"),
    (Role.Button, "#e8e8e8", None),
    (Role.ButtonText, "#1a1a1a", "#8a8a8a"),
    (Role.Highlight, "#2f65ca", "#b8b8b8"),
    (Role.HighlightedText, "#ffffff", None),
    (Role.Link, "#1a56c4", None),
    (Role.LinkVisited, "#6a3ab2", None),
    (Role.ToolTipBase, "#ffffdc", None),
    (Role.ToolTipText, "#1a1a1a", None),
    (Role.BrightText, "#d32f2f", None),
    (Role.Light, "#ffffff", None),
    (Role.Midlight, "#e3e3e3", None),
    (Role.Mid, "#b8b8b8", None),
    (Role.Dark, "#9f9f9f", None),
    (Role.Shadow, "#767676", None),
)
_DARK = (
    (Role.Window, "#2b2d30", None),
    (Role.WindowText, "#e3e3e3", "#7c7c7c"),
    (Role.Base, "#1e1f22", "#26272a"),
    (Role.AlternateBase, "#26282b", None),
    (Role.Text, "#e3e3e3", "#7c7c7c"),
    (Role.PlaceholderText, "#a0a0a0", "#6c6c6c"),
    (Role.Button, "#36383c", None),
    (Role.ButtonText, "#e3e3e3", "#7c7c7c"),
    (Role.Highlight, "#3d6fc4", "#4a4a4a"),
    (Role.HighlightedText, "#ffffff", None),
    (Role.Link, "#8ab4f8", None),
    (Role.LinkVisited, "#c58af9", None),
    (Role.ToolTipBase, "#36383c", None),
    (Role.ToolTipText, "#e3e3e3", None),
    (Role.BrightText, "#ff8a80", None),
    (Role.Light, "#4a4c50", None),
    (Role.Midlight, "#3e4044", None),
    (Role.Mid, "#2f3134", None),
    (Role.Dark, "#1a1b1d", None),
    (Role.Shadow, "#0d0d0e", None),
)


def palette(theme: str) -> QPalette:
    """The Light or Dark palette."""
    result = QPalette()
    for role, colour, disabled in _DARK if theme == "dark" else _LIGHT:
        result.setColor(Group.All, role, QColor(colour))
        if disabled is not None:
            result.setColor(Group.Disabled, role, QColor(disabled))
    return result


class Themes(QObject):
    """Remembers what the platform gave, and switches between the three themes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.system_style = app.style().name()
        self.system_palette = QPalette(app.palette())
        self.current = "system"

    def apply(self, theme: str) -> None:
        if theme not in THEMES:
            theme = "system"
        self.current = theme
        hints = QGuiApplication.styleHints()
        if theme == "system":
            self.app.setStyle(QStyleFactory.create(self.system_style) or self.system_style)
            self.app.setPalette(self.system_palette)
            if hasattr(hints, "unsetColorScheme"):
                hints.unsetColorScheme()
            return
        self.app.setStyle(FUSION)
        self.app.setPalette(palette(theme))
        if hasattr(hints, "setColorScheme"):  # native dialogs follow where they can
            hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)


def themes_for(app: QApplication) -> Themes:
    """The application's one Themes, made on first use (so System is what the platform gave
    before any theme was applied)."""
    return app.findChild(Themes) or Themes(app)
