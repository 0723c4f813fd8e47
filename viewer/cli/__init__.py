"""songngu-cli: the command line over the same Library facade as the GUI (no Qt import)."""

from viewer.cli.commands import main

__all__ = ["main"]
