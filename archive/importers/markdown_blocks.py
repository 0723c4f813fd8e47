"""Walk the HTML the markdown package renders and cut it into passage-sized blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from archive.importers.passage_kinds import strip_block
from archive.model import PassageKind

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements whose text is one block; a new one opening closes the one before (loose lists nest
# <p> in <li>).
LEAF_TAGS = HEADING_TAGS | {"p", "li", "pre", "figcaption", "dt", "dd", "td", "th"}
_EMPHASIS_TAGS = {"em", "i"}
_SKIPPED_TAGS = {"script", "style"}
# Collapse runs of ordinary whitespace but keep no-break spaces: they are the text's own.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(frozen=True)
class Block:
    tag: str
    kind: PassageKind
    text: str


@dataclass
class _OpenBlock:
    tag: str
    in_quote: bool
    plain: list[str] = field(default_factory=list)  # text outside emphasis
    emphasized: list[str] = field(default_factory=list)
    image_alt: str = ""

    def close(self) -> Block | None:
        text = strip_block(_SPACES.sub(" ", "".join(self.plain) + "".join(self.emphasized)))
        if self.tag == "p" and self.image_alt and not text:
            text = strip_block(self.image_alt)
        if not text:
            return None
        return Block(self.tag, self._kind(), text)

    def _kind(self) -> PassageKind:
        if self.tag in HEADING_TAGS:
            return PassageKind.HEADING
        if self.in_quote:
            return PassageKind.QUOTE
        if self.tag == "figcaption" or self.image_alt:
            return PassageKind.CAPTION
        if self.tag == "p" and not "".join(self.plain).strip():
            return PassageKind.CAPTION  # all emphasis: how Markdown writes a photo caption
        return PassageKind.PARAGRAPH


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._open: _OpenBlock | None = None
        self._quote_depth = 0
        self._emphasis_depth = 0
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag == "blockquote":
            self._flush()
            self._quote_depth += 1
        elif tag in LEAF_TAGS:
            self._flush()
            self._open = _OpenBlock(tag, self._quote_depth > 0)
        elif tag in _EMPHASIS_TAGS:
            self._emphasis_depth += 1
        elif tag == "img":
            self._image(dict(attrs))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "blockquote":
            self._flush()
            self._quote_depth = max(0, self._quote_depth - 1)
        elif tag in LEAF_TAGS:
            if self._open is not None and self._open.tag == tag:
                self._flush()
        elif tag in _EMPHASIS_TAGS:
            self._emphasis_depth = max(0, self._emphasis_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._open is None:
            if not data.strip():
                return
            # Text outside any block (raw HTML such as <div>text</div>) is a paragraph.
            self._open = _OpenBlock("p", self._quote_depth > 0)
        target = self._open.emphasized if self._emphasis_depth else self._open.plain
        target.append(data)

    def _image(self, attrs: dict[str, str | None]) -> None:
        alt = attrs.get("alt") or attrs.get("title") or ""
        if self._open is None:
            self._open = _OpenBlock("p", self._quote_depth > 0)
        self._open.image_alt = alt or " "  # an image without alt text still marks a caption

    def _flush(self) -> None:
        if self._open is not None:
            block = self._open.close()
            if block is not None:
                self.blocks.append(block)
            self._open = None

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(html: str) -> list[Block]:
    """The text blocks of rendered Markdown, in order, each with the kind of passage it is."""
    collector = _BlockCollector()
    collector.feed(html)
    collector.close()
    return collector.blocks
