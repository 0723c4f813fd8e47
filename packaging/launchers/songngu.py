"""PyInstaller entry point for the `songngu` GUI (same as the `songngu` gui-script)."""

from viewer.app import main

raise SystemExit(main())
