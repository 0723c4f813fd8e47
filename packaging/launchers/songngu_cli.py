"""PyInstaller entry point for `songngu-cli` (same as the `songngu-cli` console script)."""

from viewer.cli import main

raise SystemExit(main())
