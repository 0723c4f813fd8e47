"""Every persisted GUI setting, declared once with its type and default, over one QSettings.

Main thread only (QSettings is reentrant, but the window reads and writes it from the UI).
Tests pass their own QSettings (an INI file in a temp dir) so the user's settings stay untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from archive.export.exporters import ALL_FORMATS

ORGANIZATION = "songngu"
APPLICATION = "songngu"

READER_MODES = ("vi", "en", "side")
UI_LANGUAGES = ("system", "vi", "en")
DEFAULT_FONT_SIZE = 13
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 32


@dataclass(frozen=True, eq=False)  # identity: each declared setting is unique
class Setting:
    key: str
    type: type
    default: Any


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SIDE_SPLITTER = Setting("window/side_splitter", QByteArray, QByteArray())
LAST_ARTICLE = Setting("reader/last_article", int, 0)  # 0: none yet
READER_MODE = Setting("reader/mode", str, "vi")
FONT_SIZE = Setting("reader/font_size", int, DEFAULT_FONT_SIZE)
SEARCH_LANGUAGE = Setting("search/language", str, "all")
UI_LANGUAGE = Setting("ui/language", str, "system")
EXPORT_FORMAT = Setting("export/format", str, "md")
EXPORT_WITH_TRANSLATION = Setting("export/with_translation", bool, False)
EXPORT_FOLDER = Setting("export/folder", str, "")  # "": the home folder
BOOKMARK_SORT = Setting("bookmarks/sort", str, "newest")
SEARCH_PARALLEL = Setting("search/parallel", bool, False)  # each hit's counterpart shown
LIBRARY_SORTS = ("number", "date", "title")
LIBRARY_SORT = Setting("library/sort", str, "number")
THEMES = ("system", "light", "dark")
THEME = Setting("ui/theme", str, "system")
# The side panels: the width each was dragged to (it gives some up on a narrow window), shown?
LEFT_PANEL_WIDTH = Setting("window/left_panel_width", int, 300)
RIGHT_PANEL_WIDTH = Setting("window/right_panel_width", int, 380)
LEFT_PANEL_SHOWN = Setting("window/left_panel_shown", bool, True)
RIGHT_PANEL_SHOWN = Setting("window/right_panel_shown", bool, True)

_ALLOWED = {
    READER_MODE: READER_MODES,
    UI_LANGUAGE: UI_LANGUAGES,
    SEARCH_LANGUAGE: ("all", "vi", "en"),
    EXPORT_FORMAT: ALL_FORMATS,
    BOOKMARK_SORT: ("newest", "oldest", "article"),
    LIBRARY_SORT: LIBRARY_SORTS,
    THEME: THEMES,
}


class Settings:
    """Typed access to the declared settings; a bad stored value reads as the default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def get(self, setting: Setting) -> Any:
        raw = self.store.value(setting.key, setting.default)
        try:
            value = _coerce(raw, setting)
        except (TypeError, ValueError):
            return setting.default
        allowed = _ALLOWED.get(setting)
        if allowed is not None and value not in allowed:
            return setting.default
        if setting is FONT_SIZE:
            return min(max(value, MIN_FONT_SIZE), MAX_FONT_SIZE)
        return value

    def set(self, setting: Setting, value: Any) -> None:
        self.store.setValue(setting.key, value)

    def sync(self) -> None:
        self.store.sync()


def _coerce(raw: Any, setting: Setting) -> Any:
    # INI files give strings back, native backends give typed values: accept both.
    if setting.type is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(raw or b"")
    if setting.type is int:
        return int(raw)
    if setting.type is bool and isinstance(raw, str):
        return raw.strip().lower() in ("true", "1", "yes")
    return setting.type(raw)
