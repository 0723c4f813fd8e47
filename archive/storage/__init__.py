"""The SQLite archive: the file and its migrations, article rows, identity rules, corrections,
checkpoints, backups — and ArchiveStore, the one object that holds them together."""
