"""archive.alignment."""
