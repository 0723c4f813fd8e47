"""The reader: one article in Vietnamese, English or side by side, its HTML, selections and
the alignment corrections made on it."""
