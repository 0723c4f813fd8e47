"""The interface language: Vietnamese or English, following the system locale unless the user
chose one (View ▸ Interface language). Source strings are English; viewer/i18n/songngu_vi.qm
holds the Vietnamese and songngu_en.qm only English plural forms ("1 article", "2 articles").
Main thread only.

After changing strings: update the .ts files, translate the new entries (Qt Linguist:
.venv/bin/pyside6-linguist), then compile and commit both the .ts and the .qm:
    .venv/bin/pyside6-lupdate viewer/app.py $(find viewer/gui -name '*.py') \
        -ts viewer/i18n/songngu_vi.ts
    .venv/bin/pyside6-lupdate -pluralonly viewer/app.py $(find viewer/gui -name '*.py') \
        -ts viewer/i18n/songngu_en.ts
    .venv/bin/pyside6-lrelease viewer/i18n/songngu_vi.ts viewer/i18n/songngu_en.ts
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from archive.model import NATIVE_LANGUAGE_NAMES

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
LANGUAGE_NAMES = NATIVE_LANGUAGE_NAMES  # the interface languages, each in its own language


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """'vi' or 'en' for a stored choice ('system', 'vi', 'en')."""
    if choice in LANGUAGE_NAMES:
        return choice
    locale = system or QLocale.system()
    return "vi" if locale.language() == QLocale.Language.Vietnamese else "en"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The system's locale when it speaks `language`, else a plain one of that language."""
    locale = system or QLocale.system()
    if resolve_language("system", locale) == language:
        return locale
    return QLocale("vi_VN" if language == "vi" else "en_US")


class Translations(QObject):
    """Owns the installed translators; `apply` swaps them and Qt sends LanguageChange."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> bool:
        """Switch the interface to `language` ('vi' or 'en'); False if its file is missing."""
        # Qt's widgets write dates, sizes and file types in the default locale's language.
        QLocale.setDefault(locale_for(language))
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        self.language = language
        ours = QTranslator(self)
        if not ours.load(str(I18N_DIR / f"songngu_{language}.qm")):
            self.language = "en"
            return language == "en"  # English works without its plural-forms file
        self._install(ours)
        if language == "en":
            return True
        # Qt's own strings (standard buttons, dialogs) when Qt ships them for the language.
        qt_base = QTranslator(self)
        if qt_base.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._install(qt_base)
        return True

    def _install(self, translator: QTranslator) -> None:
        self.app.installTranslator(translator)
        self._installed.append(translator)
