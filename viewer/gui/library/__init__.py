"""The library list (a lazy model of summaries) and the metadata panel of the open article."""
