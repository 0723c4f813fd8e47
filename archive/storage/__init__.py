"""archive.storage."""
