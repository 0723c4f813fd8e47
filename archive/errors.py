"""Exceptions the domain raises with a message fit to show a person."""


class SongNguError(Exception):
    """Base class: str(error) is one human-readable line."""


class ImportFailure(SongNguError):
    """A file could not be imported; nothing was written."""


class NotFound(SongNguError):
    """An article, bookmark or file that was asked for does not exist."""


class StoreError(SongNguError):
    """The archive database cannot be opened or written."""


class NothingToImport(ImportFailure):
    """A file that by its nature holds no articles (a blog theme, settings, a feed of comments
    only): reported as skipped, not as an error. `reason` is the short why ("a Blogger theme,
    not posts"); str(error) the whole sentence."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
