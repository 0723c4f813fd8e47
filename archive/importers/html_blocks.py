"""Turn a post's HTML into text blocks, one block per visual line, keeping what the markup says.

Blogger writes a paragraph as <p>, as <div>, or as a run of text ended by <br>; a block here is
whatever a reader sees as one line, so all three give the same blocks as the blog's text format
(one paragraph a line). Where the HTML states what a block is, the block carries that kind:
h1–h6 → heading, blockquote → quote, a Blogger image caption (<td class="tr-caption">) or a
<figcaption> → caption. Other blocks have no kind; `classify_blocks` decides from the text.

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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping.append(tag)
        elif tag == "br" or tag in _BLOCK_TAGS:
            self._end_line()
        kind = _kind_of_element(tag, attrs)
        if kind is not None:
            self._kinds.append((tag, kind))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <img/>, <div/>: nothing opens, but a line may still end.
        if tag == "br" or tag in _BLOCK_TAGS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            _pop_through(self._skipping, lambda open_tag: open_tag == tag)
            return
        if tag in _BLOCK_TAGS:
            self._end_line()
        _pop_through(self._kinds, lambda entry: entry[0] == tag)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._line.append(data)

    def close(self) -> None:
        super().close()
        self._end_line()

    def _end_line(self) -> None:
        text = _COLLAPSIBLE.sub(" ", "".join(self._line))
        self._line.clear()
        kind = self._kinds[-1][1] if self._kinds else None
        # Unicode line separators (U+2028, NEL…) end a line too, as the text format reads them.
        for line in text.splitlines():
            if strip_block(line):
                self.blocks.append(Block(strip_block(line), kind))


def _pop_through(stack: list[_T], matches: Callable[[_T], bool]) -> None:
    """Close the innermost open element that matches, and any left unclosed inside it."""
    for depth in range(len(stack) - 1, -1, -1):
        if matches(stack[depth]):
            del stack[depth:]
            return
