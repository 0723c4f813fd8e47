"""`songngu-cli`: the archive and its search from a terminal or a script.

Exit codes: 0 success; 1 the archive and index disagree (`check`) or an export found nothing
to write; 2 bad input, with one `error: …` line on stderr. No traceback reaches the user.
This module never imports Qt.

Text for people counts passages from 1 (¶1 is an article's first passage), as the app does;
the JSON keeps the 0-based `passage` index of the contract.

The command line never imports the bundled sample on its own (that is the app's welcome for
a new archive): `import-sample` does it on request.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from archive import __version__
from archive.errors import NotFound, SongNguError
from archive.paths import database_path, resolve_data_dir
from archive.storage.backup import backup_database, restore_database
from viewer.cli import bookmarks as cli_bookmarks
from viewer.cli import format as fmt
from viewer.cli import workbench as cli_workbench
from viewer.cli.arguments import positive_int
from viewer.cli.progress import ensure_index, progress_printer
from viewer.library import SEARCH_LIMIT, Library

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_INPUT = 0, 1, 2
EMPTY_SEARCH = "the search is empty"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one `error:` line and exit 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="songngu-cli", description="Song Ngữ: a bilingual article archive.")
    parser.add_argument("--version", action="version", version=f"songngu-cli {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="archive folder (default: $SONGNGU_DATA_DIR, else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    p = commands.add_parser("import", help="import article files")
    p.add_argument("paths", nargs="+", metavar="PATH")

    commands.add_parser("import-sample", help="import the bundled sample article")

    p = commands.add_parser("list", help="list the archived articles")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("show", help="show one article")
    p.add_argument("--json", action="store_true")
    p.add_argument("id", type=int, metavar="ID")

    p = commands.add_parser("search", help="search both languages")
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", choices=("vi", "en", "all"), default="all")
    p.add_argument("--limit", type=positive_int, default=SEARCH_LIMIT, metavar="N")
    p.add_argument(
        "--exact-diacritics",
        action="store_true",
        help="match Vietnamese diacritics exactly (đường ≠ dương)",
    )
    p.add_argument(
        "--parallel",
        action="store_true",
        help="show each hit's aligned passage in the other language",
    )
    p.add_argument(
        "--as-you-type",
        action="store_true",
        help="read the last word as a prefix, as the search box does while typing",
    )
    # Every remaining word is the query: `search chien tranh` = `search "chien tranh"`.
    p.add_argument("query", nargs="*", metavar="QUERY")

    p = commands.add_parser("align", help="show an article's two languages paired")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument(
        "--width",
        type=positive_int,
        metavar="COLUMNS",
        help="total width (default: the terminal's)",
    )

    cli_bookmarks.add_parsers(commands)
    cli_workbench.add_parsers(commands)

    p = commands.add_parser("backup", help="copy the archive database to a file or folder")
    p.add_argument("path", type=Path, metavar="PATH")
    p = commands.add_parser("restore", help="replace the archive with a backup (kept aside)")
    p.add_argument("path", type=Path, metavar="PATH")
    p = commands.add_parser("install-desktop", help="add Song Ngữ to the desktop menu (Linux)")
    p.add_argument("--uninstall", action="store_true", help="remove it from the menu")

    commands.add_parser("reindex", help="rebuild the search index from the archive")
    commands.add_parser("check", help="check that the index agrees with the archive")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # indexing workers in a frozen Windows/macOS build
    args = _parse_args(build_parser(), sys.argv[1:] if argv is None else list(argv))
    if args.command == "search" and not args.query.strip():
        return _fail(EMPTY_SEARCH)
    if args.command in WITHOUT_LIBRARY:
        try:
            return WITHOUT_LIBRARY[args.command](args)
        except SongNguError as exc:
            return _fail(str(exc))
    try:
        library = Library.open(args.data_dir, with_sample=False)
    except SongNguError as exc:
        return _fail(str(exc))
    try:
        return COMMANDS[args.command](library, args)
    except NotFound as exc:
        return _fail(str(exc))
    except SongNguError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: still one line for the user, the traceback on request
        if os.environ.get("SONGNGU_DEBUG"):
            raise
        sys.stderr.write(
            f"error: unexpected {type(exc).__name__}: {exc} (set SONGNGU_DEBUG=1 for details)\n"
        )
        return EXIT_PROBLEM
    finally:
        library.close()


# Options of `search`, so the words of an unquoted query can be told from them.
_SEARCH_FLAGS = frozenset({"--json", "--exact-diacritics", "--parallel", "--as-you-type"})
_SEARCH_VALUED = frozenset({"--lang", "--limit"})


def _parse_args(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """parse_args, except that `search` takes every remaining word as its query, even an
    exclusion like `-Belarus` (which argparse would take for an unknown option)."""
    args, extras = parser.parse_known_args(argv)
    if extras and getattr(args, "command", None) != "search":
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    if getattr(args, "command", None) == "search":
        words = _query_words(argv)
        if sorted(words) != sorted([*args.query, *extras]):
            words = [*args.query, *extras]  # cannot tell the order: keep every word anyway
        args.query = " ".join(words)
    return args


def _query_words(argv: list[str]) -> list[str]:
    """The words after `search` that are not its options, in the order typed."""
    at = 0
    while at < len(argv) and argv[at] != "search":
        at += 2 if argv[at] == "--data-dir" else 1
    words: list[str] = []
    rest = iter(argv[at + 1 :])
    for word in rest:
        if word == "--":
            words.extend(rest)
        elif word in _SEARCH_VALUED:
            next(rest, None)
        elif word not in _SEARCH_FLAGS and word.split("=", 1)[0] not in _SEARCH_VALUED:
            words.append(word)
    return words


def _fail(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    return EXIT_BAD_INPUT


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_import(library: Library, args: argparse.Namespace) -> int:
    outcomes = library.import_paths(args.paths)
    failed = False
    for outcome in outcomes:
        if outcome.status == "error":
            failed = True
            sys.stderr.write(f"error: {import_error_line(outcome.path, outcome.error or '')}\n")
        else:
            print(f"{outcome.status}: {outcome.path} ({_import_summary(outcome)})")
    return EXIT_BAD_INPUT if failed else EXIT_OK


def import_error_line(path: Path, error: str) -> str:
    """The error of one file, naming the file once: importers already start most messages with
    its name ("b.txt is empty.") or its path, which the line then shows in full."""
    full, name = str(path), Path(path).name
    if full in error:
        return error
    if name and error.startswith(name):
        return full + error[len(name) :]
    return f"{full}: {error}"


def cmd_import_sample(library: Library, args: argparse.Namespace) -> int:
    outcome = library.import_sample()
    print(f"{outcome.status}: the bundled sample ({_import_summary(outcome)})")
    return EXIT_OK


def _import_summary(outcome) -> str:
    """What the import line says in its parentheses: the articles, then what was skipped
    ("99 articles; skipped 2: 'hate you', 'love you' — no text")."""
    if outcome.reason:  # a file of no articles (a theme, settings, comments only)
        return outcome.reason
    ids = outcome.article_ids
    if not ids:
        said = ""
    elif len(ids) <= 3:
        said = ", ".join(f"#{i}" for i in ids) + " " + "; ".join(outcome.titles)
    else:
        said = f"{len(ids)} articles"
    if outcome.resumed_from:
        said += f", resumed after {outcome.resumed_from} posts"
    if outcome.cancelled:
        said += ", cancelled: import the file again to go on"
    if outcome.skipped:
        # imported here, not at the top: loading the importers costs every command ~70 ms
        from archive.importers.outcome import skipped_summary

        said = "; ".join(part for part in (said.strip(), skipped_summary(outcome.skipped)) if part)
    return said.strip()


def cmd_list(library: Library, args: argparse.Namespace) -> int:
    summaries = library.summaries()
    if args.json:
        _print_json([fmt.summary_json(s) for s in summaries])
    elif not summaries:
        print(
            "No articles yet: import files with 'songngu-cli import PATH…', or the bundled "
            "sample with 'songngu-cli import-sample'."
        )
    else:
        for summary in summaries:
            print(fmt.summary_line(summary))
    return EXIT_OK


def cmd_show(library: Library, args: argparse.Namespace) -> int:
    article = library.article(args.id)
    if args.json:
        _print_json(fmt.article_json(article))
        return EXIT_OK
    print("\n".join(fmt.article_text(article)))
    for lang in article.languages:
        print(f"\n--- {lang} ---\n")
        print(fmt.body_text(article, lang))
    return EXIT_OK


def cmd_search(library: Library, args: argparse.Namespace) -> int:
    ensure_index(library)
    results = library.search(
        args.query,
        lang=args.lang,
        limit=args.limit,
        exact_diacritics=args.exact_diacritics,
        as_you_type=args.as_you_type,
    )
    if args.json:
        data = fmt.results_json(results)
        if args.parallel:
            for hit, shown in zip(results.hits, data["hits"], strict=True):
                shown["counterpart"] = fmt.counterpart_json(library.article(hit.article_id), hit)
        _print_json(data)
        return EXIT_OK
    if not results.hits:
        print(f"No passages match {args.query!r}.{fmt.did_you_mean(results.suggestions)}")
        return EXIT_OK
    emphasis = ("\x1b[1;4m", "\x1b[0m") if sys.stdout.isatty() else ("«", "»")
    titles: dict[int, str] = {}
    about = "" if results.total_exact else "about "
    print(f"{about}{results.total} match(es) for {args.query!r}; showing {len(results.hits)}.\n")
    for hit in results.hits:
        if hit.article_id not in titles:
            titles[hit.article_id] = library.article(hit.article_id).display_title(hit.lang)
        where = "title" if hit.passage is None else f"¶{hit.passage + 1}"
        print(f"#{hit.article_id} {titles[hit.article_id]} [{hit.lang} {where}]")
        print(f"    {fmt.snippet_text(hit.snippet, emphasis)}")
        if args.parallel:
            other = fmt.counterpart_json(library.article(hit.article_id), hit)
            if other:
                print(f"    ⇄ [{other['lang']}] {fmt.shorten(other['text'], 300)}")
        print()
    if results.suggestions:
        print(fmt.did_you_mean(results.suggestions).strip())
    return EXIT_OK


def cmd_align(library: Library, args: argparse.Namespace) -> int:
    article = library.article(args.id)
    width = args.width or shutil.get_terminal_size((120, 24)).columns
    print("\n".join(fmt.alignment_columns(article, width)))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    source = database_path(resolve_data_dir(args.data_dir))
    written = backup_database(source, args.path)
    print(f"backed up {source} to {written}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    target = database_path(resolve_data_dir(args.data_dir))
    kept = restore_database(args.path, target)
    print(f"restored {target} from {args.path}")
    if kept:
        print(f"the archive it replaced is kept at {kept}")
    return EXIT_OK


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from viewer.desktop_integration import install_desktop

    paths = install_desktop(uninstall=args.uninstall)
    verb = "removed" if args.uninstall else "installed"
    for path in paths:
        print(f"{verb}: {path}")
    if not paths:
        print("nothing to remove" if args.uninstall else "nothing installed")
    return EXIT_OK


def cmd_reindex(library: Library, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    library.reindex(progress=progress_printer("Indexing"))
    seconds = time.perf_counter() - started
    print(f"Indexed {library.store.count()} article(s) in {seconds:.1f} s.")
    return EXIT_OK


def cmd_check(library: Library, args: argparse.Namespace) -> int:
    report = library.check()
    if report.ok:
        print(f"ok: the index agrees with the archive ({report.articles} article(s)).")
        return EXIT_OK
    for problem in report.problems:
        print(f"problem: {problem}")
    print("Run 'songngu-cli reindex' to rebuild the index.")
    return EXIT_PROBLEM


COMMANDS = {
    "import": cmd_import,
    "import-sample": cmd_import_sample,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "align": cmd_align,
    "reindex": cmd_reindex,
    "check": cmd_check,
    "bookmarks": cli_bookmarks.cmd_bookmarks,
    "export-search": cli_bookmarks.cmd_export_search,
    **cli_workbench.COMMANDS,
}
WITHOUT_LIBRARY = {
    "backup": cmd_backup,
    "restore": cmd_restore,
    "install-desktop": cmd_install_desktop,
}
