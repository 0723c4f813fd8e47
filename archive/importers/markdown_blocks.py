"""Cut a Markdown body into passage-sized blocks, in reading order, each with its kind.

The body is parsed as CommonMark (markdown-it-py) — the dialect Hugo renders and close to
Jekyll's kramdown — and its token stream walked once. Inline text is taken from the tokens in
the order they come, so emphasis, strong, code spans, links, images and hard breaks keep their
place in the sentence. (The previous reader rebuilt text from Python-Markdown's HTML, keeping
the emphasized words in a list of their own that was appended after the plain words: "là
_loyal reader_ của blog" came back as "là của blog … loyal reader".)

kramdown's attribute lists (`{: .notice}`) are markup Jekyll shows nothing of, and are left
out of the text. Kinds: headings → heading; fenced, indented and `<pre>` code → code (its line
breaks and spaces kept, never a heading); text inside a block quote → quote; a paragraph that
is all emphasis, or holds an image (its alt text when it has no other text), → caption; list
items, one passage each, and everything else → paragraph. Raw HTML blocks are read with
`html_blocks`. Pure functions; safe from any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from archive.importers.html_blocks import code_text, html_to_blocks
from archive.importers.passage_kinds import strip_block
from archive.model import PassageKind

# A `***` line on its own divides a two-language file; any other rule is only a rule.
LANGUAGE_BREAK_TAG = "language-break"
_LANGUAGE_BREAK_LINE = "***"
# Runs of ordinary whitespace collapse as a browser shows them; no-break spaces are the text's.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
# kramdown's attribute lists (`{: .notice}`, `[link](#){: .btn}`): Jekyll shows nothing of them.
# Taken out of text only; code that shows one keeps it.
_KRAMDOWN_ATTRIBUTES = re.compile(r"\{:[^{}\n]*\}")
# markdown-it silently skips whatever lies deeper than its nesting limit, so the limit is set
# out of reach: nesting that deep ends in a RecursionError, which the caller turns into one
# human line instead of an article with text missing.
MAX_NESTING_TOKENS = 1_000_000
_PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING_TOKENS})


@dataclass(frozen=True)
class Block:
    tag: str  # "h1"…"h6", "p", "li", "pre", "html" or LANGUAGE_BREAK_TAG
    kind: PassageKind
    text: str


@dataclass
class _Inline:
    """The text of one inline token run, and what the caption rules need to know of it."""

    parts: list[str] = field(default_factory=list)
    plain_text: bool = False  # some text stands outside emphasis
    image_alt: list[str] = field(default_factory=list)
    has_image: bool = False

    def text(self) -> str:
        return strip_block(_SPACES.sub(" ", "".join(self.parts)))


def markdown_blocks(body: str) -> list[Block]:
    """The blocks of a Markdown body (no front matter), in order, without empty ones."""
    lines = body.splitlines()
    return list(_walk(_PARSER.parse(body), lines))


def _walk(tokens: Sequence[Token], lines: list[str]) -> Iterator[Block]:
    quote_depth = 0
    item_depth = 0
    for i, token in enumerate(tokens):
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "list_item_open":
            item_depth += 1
        elif kind == "list_item_close":
            item_depth -= 1
        elif kind == "heading_open":
            text = _inline(tokens[i + 1]).text()
            if text:
                yield Block(token.tag, PassageKind.HEADING, text)
        elif kind == "paragraph_open":
            block = _paragraph(tokens[i + 1], quote_depth > 0, item_depth > 0)
            if block is not None:
                yield block
        elif kind in ("fence", "code_block"):
            code = code_text(token.content)
            if code:
                yield Block("pre", PassageKind.CODE, code)
        elif kind == "html_block":
            yield from _html(token.content, quote_depth > 0)
        elif kind == "hr" and token.map and _is_language_break(lines, token.map[0]):
            yield Block(LANGUAGE_BREAK_TAG, PassageKind.PARAGRAPH, "")


def _paragraph(inline: Token, in_quote: bool, in_item: bool) -> Block | None:
    found = _inline(inline)
    text = found.text()
    if not text and found.has_image:
        text = strip_block(_SPACES.sub(" ", " ".join(found.image_alt)))
    if not text:
        return None
    tag = "li" if in_item else "p"
    if in_quote:
        return Block(tag, PassageKind.QUOTE, text)
    if found.has_image or (tag == "p" and not found.plain_text):
        # An image, or a paragraph all in emphasis: how Markdown writes a photo caption.
        return Block(tag, PassageKind.CAPTION, text)
    return Block(tag, PassageKind.PARAGRAPH, text)


def _inline(token: Token) -> _Inline:
    found = _Inline()
    emphasis = 0
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            content = child.content
            if kind == "text" and "{:" in content:
                content = _KRAMDOWN_ATTRIBUTES.sub("", content)
            found.parts.append(content)
            if emphasis == 0 and content.strip():
                found.plain_text = True
        elif kind in ("softbreak", "hardbreak"):
            found.parts.append(" ")
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis = max(0, emphasis - 1)
        elif kind == "image":
            found.has_image = True
            found.image_alt.append("".join(c.content for c in child.children or []))
        elif kind == "html_inline" and _BREAK_TAG.fullmatch(child.content.strip()):
            found.parts.append(" ")
    return found


def _html(html: str, in_quote: bool) -> Iterator[Block]:
    for block in html_to_blocks(html):
        kind = block.kind
        if kind is None:
            kind = PassageKind.QUOTE if in_quote else PassageKind.PARAGRAPH
        yield Block("html", kind, block.text)


def _is_language_break(lines: list[str], line: int) -> bool:
    return 0 <= line < len(lines) and lines[line].strip() == _LANGUAGE_BREAK_LINE
