"""`songngu-cli bookmarks …` and `export-search`: keep passages and take them out with citations.

Text formats go to stdout unless --output is given; PDF needs --output. An existing file is
never replaced unless --force says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from archive.bookmarks.bookmark import Bookmark
from archive.errors import SongNguError
from archive.export.citation import Excerpt
from archive.export.exporters import ALL_FORMATS, export, write_export
from viewer.cli.progress import ensure_index
from viewer.library import WINDOW_RESULTS, Library


def add_parsers(commands: argparse._SubParsersAction) -> None:
    bookmarks = commands.add_parser("bookmarks", help="keep passages with notes and tags")
    actions = bookmarks.add_subparsers(
        dest="bookmark_command", metavar="ACTION", parser_class=type(bookmarks)
    )
    actions.required = True

    p = actions.add_parser("list", help="list bookmarks")
    p.add_argument("--json", action="store_true")
    p.add_argument("--tag", metavar="T", help="only bookmarks with this tag")

    p = actions.add_parser("add", help="bookmark a quote from an article")
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("--lang", choices=("vi", "en"), required=True)
    p.add_argument("--quote", required=True, metavar="TEXT")
    p.add_argument("--note", default="", metavar="N")
    p.add_argument("--tag", action="append", default=[], metavar="T", dest="tags")

    p = actions.add_parser("remove", help="delete a bookmark")
    p.add_argument("id", type=int, metavar="ID")

    p = actions.add_parser("export", help="export bookmarks with citations")
    p.add_argument("--tag", metavar="T", help="only bookmarks with this tag")
    _add_export_options(p)

    p = commands.add_parser("export-search", help="export search results with citations")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--lang", choices=("vi", "en", "all"), default="all")
    p.add_argument("--limit", type=int, default=WINDOW_RESULTS, metavar="N")
    p.add_argument("--exact-diacritics", action="store_true")
    _add_export_options(p)


def _add_export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=ALL_FORMATS, required=True)
    parser.add_argument(
        "--output",
        type=Path,
        metavar="PATH",
        help="file to write (text formats default to standard output)",
    )
    parser.add_argument(
        "--with-translation",
        action="store_true",
        help="add each passage's counterpart in the other language",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def bookmark_json(bookmark: Bookmark) -> dict:
    return {
        "id": bookmark.id,
        "article_id": bookmark.article_id,
        "lang": bookmark.lang,
        "passage": None if bookmark.orphaned else bookmark.passage,
        "quote": bookmark.quote,
        "prefix": bookmark.prefix,
        "suffix": bookmark.suffix,
        "note": bookmark.note,
        "tags": list(bookmark.tags),
        "created": bookmark.created,
        "orphaned": bookmark.orphaned,
    }


def cmd_bookmarks(library: Library, args: argparse.Namespace) -> int:
    return _ACTIONS[args.bookmark_command](library, args)


def _list(library: Library, args: argparse.Namespace) -> int:
    found = library.bookmarks(tag=args.tag)
    if args.json:
        print(json.dumps([bookmark_json(b) for b in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("No bookmarks." if args.tag is None else f"No bookmarks tagged {args.tag!r}.")
    for b in found:
        where = (
            "whole article"
            if b.is_article
            else ("orphaned" if b.orphaned else f"{b.lang} ¶{(b.passage or 0) + 1}")
        )
        tags = f"  [{', '.join(b.tags)}]" if b.tags else ""
        print(f"{b.id:>4}  #{b.article_id} {where}: “{_short(b.quote)}”{tags}")
        if b.note:
            print(f"      note: {b.note}")
    return 0


def _add(library: Library, args: argparse.Namespace) -> int:
    bookmark, added = library.bookmark_quote_once(
        args.article_id, args.lang, args.quote, args.note, args.tags
    )
    place = f"article {bookmark.article_id}, {bookmark.lang} passage {(bookmark.passage or 0) + 1}"
    if added:
        print(f"added bookmark {bookmark.id}: {place}")
    else:
        print(f"bookmark {bookmark.id} already keeps this quote ({place}); nothing added")
    return 0


def _remove(library: Library, args: argparse.Namespace) -> int:
    removed = library.delete_bookmark(args.id)
    print(f"removed bookmark {removed.id}: “{_short(removed.quote)}”")
    return 0


def _export(library: Library, args: argparse.Namespace) -> int:
    excerpts = library.bookmark_excerpts(library.bookmarks(tag=args.tag), args.with_translation)
    if not excerpts:
        # Like export-search: an export of nothing is not a file with only a heading.
        which = f"tagged {args.tag!r}" if args.tag else "in the archive"
        sys.stderr.write(f"no bookmarks {which}; nothing written\n")
        return 1
    title = f"Song Ngữ — {args.tag}" if args.tag else "Song Ngữ — Bookmarks"
    return _write(excerpts, args, title)


def cmd_export_search(library: Library, args: argparse.Namespace) -> int:
    ensure_index(library)
    excerpts = library.search_excerpts(
        args.query,
        lang=args.lang,
        limit=max(args.limit, 1),
        with_counterpart=args.with_translation,
        exact_diacritics=args.exact_diacritics,
    )
    if not excerpts:
        # As the app does: an export of nothing is not a file with only a heading.
        sys.stderr.write(f"no passages match {args.query!r}; nothing written\n")
        return 1
    return _write(excerpts, args, f"Song Ngữ — “{args.query}”")


def _write(excerpts: list[Excerpt], args: argparse.Namespace, title: str) -> int:
    output = args.output
    if output is not None and output.exists() and not output.is_dir() and not args.force:
        raise SongNguError(f"{output} already exists; add --force to replace it.")
    if args.format == "pdf":
        if args.output is None:
            raise SongNguError("a PDF needs a file: add --output PATH")
        from viewer.gui.pdf_export import html_to_pdf_bytes

        data = html_to_pdf_bytes(export(excerpts, "html", title), title)
    else:
        text = export(excerpts, args.format, title)
        if args.output is None:
            sys.stdout.write(text)
            return 0
        data = text.encode("utf-8")
    write_export(args.output, data, overwrite=args.force)
    print(f"wrote {len(excerpts)} passage(s) to {args.output}")
    return 0


def _short(text: str, most: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


_ACTIONS = {"list": _list, "add": _add, "remove": _remove, "export": _export}
