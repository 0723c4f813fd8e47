"""Full-text search over the archive: analyzers, schema, queries, highlighting (Whoosh)."""
