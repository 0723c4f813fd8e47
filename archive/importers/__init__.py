"""Read articles from files: find out the format, then hand the text to that format's parser.

`read_articles` only reads; it never writes anything. Every failure is an ImportFailure whose
message is one line naming the file; a file that by its nature holds no articles (a Takeout
theme, settings, a comments feed) raises NothingToImport, an ImportFailure a folder import
reports as skipped. Where a file does not say its language, the language of its text is
identified here for every format (language.assign_language). Safe from any thread.
"""

from __future__ import annotations

import re
from pathlib import Path

from archive.errors import ImportFailure, NothingToImport
from archive.importers.blogger import looks_like_blogger, read_blogger_file
from archive.importers.language import assign_language
from archive.importers.markdown_file import looks_like_markdown, read_markdown
from archive.importers.outcome import FileRead
from archive.importers.saved_page import looks_like_saved_page, read_saved_page
from archive.importers.takeout import companion_reason
from archive.importers.text_post import looks_like_text_post, read_text_post
from archive.model import Article

MAX_FILE_BYTES = 50 * 1024 * 1024
HEAD_CHARS = 4096
# Text has few control characters; more than this share means the file is not text.
MAX_CONTROL_SHARE = 0.01
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A Markdown header that names the language ("lang: en", "language: vi, en").
_DECLARED_LANGUAGE = re.compile(r"^(?:lang|language)\s*[:=]", re.IGNORECASE | re.MULTILINE)
_HEADER_LINES = 60


def read_articles(path: Path) -> list[Article]:
    """The articles in the file at `path`; raises ImportFailure with a one-line reason."""
    return read_file(path).articles


def read_file(path: Path) -> FileRead:
    """The articles in the file at `path` and the posts of it that were skipped (each named,
    with the reason); raises ImportFailure (NothingToImport for a file of no articles)."""
    path = Path(path)
    data = _read_bytes(path)
    head_bytes = data[:HEAD_CHARS].decode("utf-8", errors="replace")
    reason = companion_reason(path, head_bytes)
    if reason is not None:
        raise NothingToImport(f"{path.name} is {reason}.", reason)
    if looks_like_saved_page(path, head_bytes.lstrip("\ufeff")) and not looks_like_blogger(
        head_bytes
    ):
        return _identified(read_saved_page(data, path))
    text = _text_of(data, path)
    head = text[:HEAD_CHARS]
    if looks_like_blogger(head):  # before the others: an export is also XML text
        result = read_blogger_file(text, path)
        if not result.articles and not result.skipped:
            raise ImportFailure(f"{path.name} is a Blogger export with no published post in it.")
        return result
    if looks_like_markdown(path, head):
        articles = read_markdown(text, path)
        return _identified(articles) if not _declares_language(text) else FileRead(articles)
    if looks_like_text_post(head):
        return _identified(read_text_post(text, path))
    raise ImportFailure(
        f"{path.name} is in no format Song Ngữ knows (a blog-post text file, a Markdown file, "
        "a Blogger export or a saved web page)."
    )


def _identified(articles: list[Article]) -> FileRead:
    for article in articles:
        assign_language(article)
    return FileRead(articles)


def _declares_language(text: str) -> bool:
    header = "\n".join(text.lstrip("\n").splitlines()[:_HEADER_LINES]).split("\n\n", 1)[0]
    return _DECLARED_LANGUAGE.search(header) is not None


def read_text_file(path: Path) -> str:
    """The file's text with a UTF-8 BOM removed and line endings made "\\n"."""
    return _text_of(_read_bytes(path), path)


def _text_of(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailure(f"{path.name} is UTF-16 text; save it as UTF-8 and try again.")
    if b"\x00" in data:
        raise ImportFailure(f"{path.name} is a binary file, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(
            f"{path.name} is not UTF-8 text (bad byte at position {error.start}); "
            "save it as UTF-8 and try again."
        ) from None
    if not text.strip():
        raise ImportFailure(f"{path.name} is empty.")
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ImportFailure(f"{path.name} is a binary file, not text.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ImportFailure(f"{path} does not exist.")
    if path.is_dir():
        raise ImportFailure(f"{path} is a folder, not a file.")
    if not path.is_file():  # a pipe or a device would be waited on or read without end
        raise ImportFailure(f"{path.name} is not a regular file.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            megabytes = size / (1024 * 1024)
            raise ImportFailure(
                f"{path.name} is too large to import ({megabytes:.0f} MB; the limit is 50 MB)."
            )
        return path.read_bytes()
    except OSError as error:
        raise ImportFailure(f"{path.name} cannot be read: {error.strerror or error}.") from None
