"""Exceptions the domain raises with a message fit to show a person."""


class SongNguError(Exception):
    """Base class: str(error) is one human-readable line."""


class ImportFailure(SongNguError):
    """A file could not be imported; nothing was written."""


class NotFound(SongNguError):
    """An article, bookmark or file that was asked for does not exist."""


class StoreError(SongNguError):
    """The archive database cannot be opened or written."""
