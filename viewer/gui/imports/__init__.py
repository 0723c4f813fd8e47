"""Imports in the window: the background worker and its progress in the status bar."""
