"""Turn a post's HTML into text blocks, one block per visual line, keeping what the markup says.

Blogger writes a paragraph as <p>, as <div>, or as a run of text ended by <br>; a block here is
whatever a reader sees as one line, so all three give the same blocks as the blog's text format
(one paragraph a line). Where the HTML states what a block is, the block carries that kind:
h1–h6 → heading, blockquote → quote, a Blogger image caption (<td class="tr-caption">) or a
<figcaption> → caption, <pre> → code. Other blocks have no kind; `classify_blocks` decides from
the text.

A <pre> element is one block whatever it holds: its text keeps its line breaks (a <br> inside
is one too), spaces and tabs, as a browser shows preformatted text.

Text is kept as written: entities are decoded (&nbsp; stays U+00A0), runs of ASCII whitespace
collapse to one space as a browser shows them, and scripts, styles and images add nothing.
Pure functions; safe from any thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TypeVar

from archive.importers.passage_kinds import strip_block
from archive.model import PassageKind

_T = TypeVar("_T")

# Elements that start a new line when they open and when they close.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd div dl dt figcaption figure footer h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PRE_TAGS = frozenset({"pre", "xmp", "listing", "plaintext"})
# Only ASCII whitespace collapses: NBSP is a character the author typed and must survive.
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class Block:
    """One line of text; `kind` is None when the HTML did not say what it is."""

    text: str
    kind: PassageKind | None = None


def html_to_blocks(html: str) -> list[Block]:
    """The visible lines of an HTML fragment, in order, without blank ones."""
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    return parser.blocks


def _kind_of_element(tag: str, attrs: list[tuple[str, str | None]]) -> PassageKind | None:
    if tag in _HEADING_TAGS:
        return PassageKind.HEADING
    if tag == "blockquote":
        return PassageKind.QUOTE
    if tag == "figcaption":
        return PassageKind.CAPTION
    if tag in ("td", "th", "div", "p"):
        classes = (dict(attrs).get("class") or "").split()
        if "tr-caption" in classes or "image-caption" in classes:
            return PassageKind.CAPTION
    return None


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._line: list[str] = []
        self._kinds: list[tuple[str, PassageKind]] = []  # open elements that name a kind
        self._skipping: list[str] = []
        self._pre: list[str] | None = None  # the text of the open <pre>, kept as written
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping.append(tag)
        elif self._pre is not None:
            self._pre_depth += tag in _PRE_TAGS
            if tag == "br":
                self._pre.append("\n")
            return
        elif tag in _PRE_TAGS:
            self._end_line()
            self._pre, self._pre_depth = [], 1
            return
        elif tag == "br" or tag in _BLOCK_TAGS:
            self._end_line()
        kind = _kind_of_element(tag, attrs)
        if kind is not None:
            self._kinds.append((tag, kind))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <img/>, <div/>: nothing opens, but a line may still end.
        if self._pre is not None:
            if tag == "br":
                self._pre.append("\n")
        elif tag == "br" or tag in _BLOCK_TAGS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            _pop_through(self._skipping, lambda open_tag: open_tag == tag)
            return
        if self._pre is not None:
            if tag in _PRE_TAGS:
                self._pre_depth -= 1
                if self._pre_depth <= 0:
                    self._end_pre()
            return
        if tag in _BLOCK_TAGS:
            self._end_line()
        _pop_through(self._kinds, lambda entry: entry[0] == tag)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._pre is not None:
            self._pre.append(data)
        else:
            self._line.append(data)

    def close(self) -> None:
        super().close()
        if self._pre is not None:
            self._end_pre()  # an unclosed <pre> still holds its text
        self._end_line()

    def _end_pre(self) -> None:
        text = code_text("".join(self._pre or []))
        self._pre, self._pre_depth = None, 0
        if text:
            self.blocks.append(Block(text, PassageKind.CODE))

    def _end_line(self) -> None:
        text = _COLLAPSIBLE.sub(" ", "".join(self._line))
        self._line.clear()
        kind = self._kinds[-1][1] if self._kinds else None
        # Unicode line separators (U+2028, NEL…) end a line too, as the text format reads them.
        for line in text.splitlines():
            if strip_block(line):
                self.blocks.append(Block(strip_block(line), kind))


def code_text(code: str) -> str:
    """Preformatted text as written: lines without trailing spaces, no blank first or last line."""
    lines = [line.rstrip() for line in code.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _pop_through(stack: list[_T], matches: Callable[[_T], bool]) -> None:
    """Close the innermost open element that matches, and any left unclosed inside it."""
    for depth in range(len(stack) - 1, -1, -1):
        if matches(stack[depth]):
            del stack[depth:]
            return
