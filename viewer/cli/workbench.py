"""`songngu-cli translations` and `export-tmx`: the translator's workbench from a terminal.

- `translations [--json] [--lang vi|en] [--limit N] QUERY…`: how the archive's translators
  rendered a word or phrase (all remaining words are the query; the language is detected
  when --lang is left out).
- `export-tmx [--output PATH] [--format tmx|tsv] [--force] [ID…]`: every aligned sentence
  pair of the given articles (all when none) as TMX 1.4b or tab-separated text. Standard
  output unless --output is given; an existing file is never replaced without --force.

Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archive.errors import SongNguError
from archive.export.exporters import write_export
from archive.export.translation_memory import TM_FORMATS, tmx_document, tsv_document
from index.translation_lookup import Lookup
from viewer.cli.arguments import positive_int
from viewer.cli.progress import progress_printer
from viewer.library import Library


def add_parsers(commands: Any) -> None:
    p = commands.add_parser(
        "translations", help="how a word or phrase was translated in the archive"
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", choices=("vi", "en"), help="the query's language (default: detected)")
    p.add_argument(
        "--limit",
        type=positive_int,
        default=10,
        metavar="N",
        help="renderings to show (default 10)",
    )
    p.add_argument("query", nargs="+", metavar="QUERY")

    p = commands.add_parser(
        "export-tmx", help="export aligned sentence pairs as a translation memory"
    )
    p.add_argument(
        "--output", type=Path, metavar="PATH", help="file to write (default: standard output)"
    )
    p.add_argument(
        "--format",
        choices=TM_FORMATS,
        default="tmx",
        help="tmx (TMX 1.4b, default) or tsv (tab-separated, for spreadsheets)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument(
        "ids", nargs="*", type=int, metavar="ID", help="articles to export (default: all)"
    )


def lookup_json(found: Lookup) -> dict[str, Any]:
    return {
        "query": found.query,
        "lang": found.lang,
        "renderings": [
            {
                "text": r.text,
                "count": r.count,
                "examples": [
                    {
                        "article_id": e.article_id,
                        "passage": e.passage,
                        "text": e.text,
                        "counterpart": e.counterpart,
                    }
                    for e in r.examples
                ],
            }
            for r in found.renderings
        ],
    }


SHOW_PROGRESS_FROM = 50  # articles to pair before a lookup says what it is doing


def _when_long(report: Callable[[int, int], None]) -> Callable[[int, int], None]:
    """Progress only for a catch-up of many articles: a few take well under a second."""

    def maybe(done: int, total: int) -> None:
        if total >= SHOW_PROGRESS_FROM:
            report(done, total)

    return maybe


def cmd_translations(library: Library, args: argparse.Namespace) -> int:
    query = " ".join(" ".join(args.query).split())
    if not query:
        raise SongNguError("give a word or phrase to look up")
    # Brought up to date first (imports leave it behind), with progress when it takes a while.
    library.ensure_translation_memory(progress=_when_long(progress_printer("Pairing sentences")))
    found = library.translations(query, lang=args.lang, limit=args.limit)
    if args.json:
        print(json.dumps(lookup_json(found), ensure_ascii=False, indent=2))
        return 0
    other = "en" if found.lang == "vi" else "vi"
    if not found.renderings:
        where = (
            "in no sentence pair"
            if not found.occurrences
            else (
                f"in {found.occurrences} sentence pair(s), with no rendering found more than once"
            )
        )
        print(f"{query!r} ({found.lang}) occurs {where}.")
        return 0
    about = "about " if found.estimated else ""
    print(f"{query!r} ({found.lang} → {other}): {about}{found.occurrences} sentence pair(s)\n")
    for rank, rendering in enumerate(found.renderings, start=1):
        print(f"{rank:>2}. {rendering.text}  ×{rendering.count}")
        for example in rendering.examples[:1]:
            # Passages are counted from 1 where people read them (the JSON keeps the index).
            print(f"      #{example.article_id} ¶{example.passage + 1}")
            print(textwrap.indent(_short(example.text), f"        {found.lang}: "))
            print(textwrap.indent(_short(example.counterpart), f"        {other}: "))
    return 0


def cmd_export_tmx(library: Library, args: argparse.Namespace) -> int:
    units = library.translation_units(args.ids or None)
    text = tmx_document(units) if args.format == "tmx" else tsv_document(units)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_export(args.output, text.encode("utf-8"), overwrite=args.force)
    articles = len({u.article_id for u in units})
    print(f"wrote {len(units)} sentence pair(s) from {articles} article(s) to {args.output}")
    return 0


def _short(text: str, most: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


COMMANDS = {"translations": cmd_translations, "export-tmx": cmd_export_tmx}
