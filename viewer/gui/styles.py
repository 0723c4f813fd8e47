"""Typography and colours: reading fonts with full Vietnamese coverage, the reader's stylesheet,
and match highlights that stay readable on light and dark palettes.

Main thread only (uses QFontDatabase and the application palette).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette

# Families that carry every Vietnamese letter with stacked diacritics (ầ, ẫ, ỡ…), best first.
SERIF_FAMILIES = ("Noto Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman")
SANS_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial")
# A comfortable measure for prose: about 70 characters per line.
READING_MEASURE_CHARS = 70
# Side by side needs two columns of at least this many characters a line (and a gutter between
# them); a narrower reader shows each Vietnamese paragraph above its English one instead.
SIDE_BY_SIDE_MIN_CHARS = 28
SIDE_BY_SIDE_GUTTER_CHARS = 8
# Vietnamese stacks two marks above some vowels; generous leading keeps them from touching.
LINE_HEIGHT_PERCENT = 130


def available_families(wanted: tuple[str, ...]) -> list[str]:
    """The wanted families that are installed, in order; the first wanted one if none are."""
    installed = set(QFontDatabase.families())
    found = [family for family in wanted if family in installed]
    return found or [wanted[0]]


def reading_font(point_size: int) -> QFont:
    font = QFont()
    font.setFamilies(available_families(SERIF_FAMILIES) + available_families(SANS_FAMILIES))
    font.setPointSize(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


@dataclass(frozen=True)
class Highlight:
    """Background and text colour of a match; the text colour is fixed so it reads on both."""

    background: str
    foreground: str

    def background_color(self) -> QColor:
        return QColor(self.background)

    def foreground_color(self) -> QColor:
        return QColor(self.foreground)


# Amber on near-black text: ≥ 10:1 contrast whatever the window palette is.
MATCH = Highlight("#ffd54f", "#1a1a1a")
CURRENT_MATCH = Highlight("#ff8f00", "#000000")


def error_colour(palette: QPalette | None = None) -> str:
    """A red that reads on the palette's background (a dark red vanishes on a dark theme)."""
    return "#ff8a80" if is_dark(palette) else "#b3261e"


def mark_html(snippet: str) -> str:
    """A snippet's <mark> tags as spans Qt's rich text understands, in the match colours."""
    opening = f'<span style="background-color:{MATCH.background};color:{MATCH.foreground};">'
    return snippet.replace("<mark>", opening).replace("</mark>", "</span>")


def reader_stylesheet(palette: QPalette | None = None) -> str:
    """CSS for the reader's document (the subset QTextDocument supports)."""
    palette = palette or QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.Text).name()
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    accent = palette.color(QPalette.ColorRole.Link).name()
    serif = ", ".join(f"'{f}'" for f in available_families(SERIF_FAMILIES))
    sans = ", ".join(f"'{f}'" for f in available_families(SANS_FAMILIES))
    return f"""
body {{ font-family: {serif}, {sans}, serif; color: {text}; }}
p {{ line-height: {LINE_HEIGHT_PERCENT}%; margin-top: 0; margin-bottom: 0.9em; }}
h1 {{ font-family: {sans}, sans-serif; font-size: x-large; font-weight: 600;
     line-height: 135%; margin-top: 0.4em; margin-bottom: 0.2em; }}
p.subtitle {{ font-size: large; color: {muted}; font-style: italic; margin-bottom: 0.3em; }}
p.byline {{ font-family: {sans}, sans-serif; color: {muted}; margin-bottom: 1.6em; }}
h2 {{ font-family: {sans}, sans-serif; font-size: large; font-weight: 600;
     line-height: 140%; margin-top: 1.4em; margin-bottom: 0.5em; }}
blockquote {{ margin-left: 1.5em; margin-right: 1.5em; margin-top: 0.6em; margin-bottom: 1.2em; }}
blockquote p {{ font-size: large; font-style: italic; color: {accent}; line-height: 150%; }}
p.caption {{ font-family: {sans}, sans-serif; font-size: small; color: {muted};
            line-height: 150%; margin-bottom: 1.2em; }}
td {{ vertical-align: top; padding-left: 0.8em; padding-right: 0.8em; }}
th {{ font-family: {sans}, sans-serif; color: {muted}; text-align: left; padding: 0.2em 0.8em; }}
p.missing {{ font-family: {sans}, sans-serif; color: {muted}; font-style: italic;
            margin-top: 0.6em; }}
div.counterpart {{ margin-left: 1.2em; }}
"""
