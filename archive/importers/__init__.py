"""Read articles from files: find out the format, then hand the text to that format's parser.

`read_articles` only reads; it never writes anything. Every failure is an ImportFailure whose
message is one line naming the file. Safe from any thread.
"""

from __future__ import annotations

import re
from pathlib import Path

from archive.errors import ImportFailure
from archive.importers.blogger import looks_like_blogger, read_blogger
from archive.importers.markdown_file import looks_like_markdown, read_markdown
from archive.importers.text_post import looks_like_text_post, read_text_post
from archive.model import Article

MAX_FILE_BYTES = 50 * 1024 * 1024
HEAD_CHARS = 4096
# Text has few control characters; more than this share means the file is not text.
MAX_CONTROL_SHARE = 0.01
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_articles(path: Path, *, include_drafts: bool = False) -> list[Article]:
    """The articles in the file at `path`; raises ImportFailure with a one-line reason.

    Drafts (a Blogger draft, a Markdown post with `draft: true`) are left out unless
    `include_drafts`; a Markdown file that is only a draft raises DraftSkipped, naming it.
    """
    path = Path(path)
    text = read_text_file(path)
    head = text[:HEAD_CHARS]
    if looks_like_blogger(head):  # before the others: an export is also XML text
        articles = read_blogger(text, path, include_drafts=include_drafts)
        if not articles:
            raise ImportFailure(f"{path.name} is a Blogger export with no published post in it.")
        return articles
    if looks_like_markdown(path, head):
        return read_markdown(text, path, include_drafts=include_drafts)
    if looks_like_text_post(head):
        return read_text_post(text, path)
    raise ImportFailure(
        f"{path.name} is in no format Song Ngữ knows "
        "(a blog-post text file, a Markdown file or a Blogger export)."
    )


def read_text_file(path: Path) -> str:
    """The file's text with a UTF-8 BOM removed and line endings made "\\n"."""
    data = _read_bytes(path)
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
