"""Exceptions the domain raises with a message fit to show a person."""


class SongNguError(Exception):
    """Base class: str(error) is one human-readable line."""


class ImportFailure(SongNguError):
    """A file could not be imported; nothing was written."""


class NotFound(SongNguError):
    """An article, bookmark or file that was asked for does not exist."""


class StoreError(SongNguError):
    """The archive database cannot be opened or written."""


class DraftSkipped(ImportFailure):
    """The file holds only drafts, and drafts were not asked for; `titles` names them."""

    def __init__(self, message: str, titles: list[str]) -> None:
        super().__init__(message)
        self.titles = titles
