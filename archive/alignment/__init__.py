"""Pairing an article's Vietnamese and English passages: the aligner, the anchors it pairs on,
the reader's corrections and the named-role view of a stored alignment."""
