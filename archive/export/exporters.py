"""Excerpts with their citations as Markdown, HTML, plain text and W3C Web Annotation JSON.

Each passage is followed by its citation and the reader's note. PDF is made from the HTML by
the viewer (Qt's QTextDocument), so this module needs nothing beyond the standard library.
An excerpt of a code passage keeps its lines: a fenced block in Markdown, <pre> in HTML, lines
indented by four spaces in plain text.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from archive.errors import SongNguError
from archive.export.citation import Excerpt, citation_text
from archive.model import (
    NATIVE_LANGUAGE_NAMES,
    Article,
    PassageKind,
    code_fence,
    escape_markdown,
)

TEXT_FORMATS = ("md", "html", "txt", "json")
ALL_FORMATS = (*TEXT_FORMATS, "pdf")


def export(excerpts: Sequence[Excerpt], fmt: str, title: str = "Song Ngữ") -> str:
    """The excerpts in one of TEXT_FORMATS."""
    renderers = {"md": to_markdown, "html": to_html, "txt": to_text, "json": to_json}
    return renderers[fmt](excerpts, title)


def to_markdown(excerpts: Sequence[Excerpt], title: str = "Song Ngữ") -> str:
    blocks = [f"# {escape_markdown(title)}"]
    for excerpt in excerpts:
        if _is_code(excerpt.article, excerpt.lang, _own_passages(excerpt)):
            blocks.append(_quoted_code_markdown(excerpt.text))
        else:
            blocks.append(
                "\n>\n".join(f"> {escape_markdown(p)}" for p in _paragraphs(excerpt.text))
            )
        if excerpt.counterpart:
            c = excerpt.counterpart
            label = NATIVE_LANGUAGE_NAMES[c.lang]
            if _is_code(excerpt.article, c.lang, c.passages):
                blocks.append(f"> *{label}:*\n>\n" + _quoted_code_markdown(c.text))
            else:
                blocks.append(
                    "\n>\n".join(f"> *{label}:* {escape_markdown(p)}" for p in _paragraphs(c.text))
                )
        blocks.append(f"— {escape_markdown(citation_text(excerpt.article))}")
        blocks.extend(_notes(excerpt, escape_markdown))
        blocks.append("---")
    return "\n\n".join(blocks[:-1] if len(blocks) > 1 else blocks) + "\n"


def to_text(excerpts: Sequence[Excerpt], title: str = "Song Ngữ", heading: bool = True) -> str:
    """Plain text; without `heading` it is a fragment to paste (Copy with citation)."""
    blocks = [f"{title}\n{'=' * len(title)}"] if heading else [""]
    for excerpt in excerpts:
        if _is_code(excerpt.article, excerpt.lang, _own_passages(excerpt)):
            blocks.append(_indented(excerpt.text))
        else:
            blocks.append("\n\n".join(f"“{p}”" for p in _paragraphs(excerpt.text)))
        if excerpt.counterpart:
            c = excerpt.counterpart
            label = NATIVE_LANGUAGE_NAMES[c.lang]
            code = _is_code(excerpt.article, c.lang, c.passages)
            blocks.append(f"[{label}]\n{_indented(c.text)}" if code else f"[{label}] {c.text}")
        blocks.append(f"— {citation_text(excerpt.article)}")
        blocks.extend(_notes(excerpt, str))
        blocks.append("* * *")
    text = "\n\n".join(blocks[:-1] if len(blocks) > 1 else blocks) + "\n"
    return text if heading else text.lstrip("\n")


def to_html(excerpts: Sequence[Excerpt], title: str = "Song Ngữ", fragment: bool = False) -> str:
    """A whole HTML document; with `fragment`, only the excerpts, to paste into a document."""
    e = html.escape
    body = [f"<h1>{e(title)}</h1>"]
    for excerpt in excerpts:
        lang = f' lang="{excerpt.lang}"' if excerpt.lang else ""
        paragraphs = _html_paragraphs(
            excerpt.text, _is_code(excerpt.article, excerpt.lang, _own_passages(excerpt))
        )
        body.append(f'<blockquote class="passage"{lang}>{paragraphs}</blockquote>')
        if excerpt.counterpart:
            c = excerpt.counterpart
            paragraphs = _html_paragraphs(c.text, _is_code(excerpt.article, c.lang, c.passages))
            body.append(
                f'<blockquote class="counterpart" lang="{c.lang}">'
                f"<p><em>{e(NATIVE_LANGUAGE_NAMES[c.lang])}:</em></p>{paragraphs}</blockquote>"
            )
        body.append(f'<p class="citation">— {_linked_citation(excerpt)}</p>')
        body.extend(f'<p class="note">{e(line)}</p>' for line in _notes(excerpt, str))
        body.append("<hr>")
    if len(body) > 1:
        body.pop()
    code_css = _CODE_CSS if '<pre class="code">' in "".join(body) else ""
    if fragment:
        return '<meta charset="utf-8">' + "\n".join(body[1:])
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n<style>{_CSS}{code_css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def to_json(excerpts: Sequence[Excerpt], title: str = "Song Ngữ") -> str:
    """An AnnotationCollection of W3C Web Annotations, one per excerpt."""
    collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": title,
        "total": len(excerpts),
        "first": {"type": "AnnotationPage", "items": [web_annotation(x) for x in excerpts]},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def web_annotation(excerpt: Excerpt) -> dict[str, Any]:
    article = excerpt.article
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "value": citation_text(article),
            "format": "text/plain",
        },
    ]
    if excerpt.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": excerpt.note})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in excerpt.tags]
    if excerpt.counterpart:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "describing",
                "language": excerpt.counterpart.lang,
                "value": excerpt.counterpart.text,
            }
        )
    target: dict[str, Any] = {
        "source": article.source.url or f"urn:songngu:article:{article.id}",
        "selector": {
            "type": "TextQuoteSelector",
            "exact": excerpt.text,
            "prefix": excerpt.prefix,
            "suffix": excerpt.suffix,
        },
    }
    if excerpt.lang:
        target["language"] = excerpt.lang
    annotation: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:songngu:bookmark:{excerpt.bookmark_id}"
        if excerpt.bookmark_id
        else f"urn:songngu:article:{article.id}:{excerpt.lang}:{excerpt.passage}",
        "type": "Annotation",
        "motivation": "commenting" if excerpt.note else "bookmarking",
        "body": bodies,
        "target": target,
    }
    if excerpt.created:
        annotation["created"] = excerpt.created
    return annotation


def write_export(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write an export atomically (a temporary file, then a rename); one-line errors.

    An existing file is never replaced unless `overwrite` says the user agreed.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise SongNguError(f"{path} already exists; choose another name or allow overwriting.")
    if path.is_dir():
        raise SongNguError(f"{path} is a folder; give a file name.")
    temporary = path.with_name(f".{path.name}.part")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise SongNguError(f"Cannot write {path}: {error.strerror or error}.") from None


def safe_filename(name: str, extension: str) -> str:
    """A file name that Windows, macOS and Linux all accept, keeping Vietnamese letters."""
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r'[<>:"/\\|?*\x00-\x1f]', " ", name)
    name = " ".join(name.split()).strip(". ")[:80].rstrip(". ")
    if not name or name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = f"songngu-{name}" if name else "songngu-export"
    return f"{name}.{extension}"


_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def _own_passages(excerpt: Excerpt) -> tuple[int, ...]:
    return (excerpt.passage,) if excerpt.passage is not None else ()


def _is_code(article: Article, lang: str | None, passages: Sequence[int]) -> bool:
    """Whether the excerpted passages are code (so their line breaks are the text's own)."""
    shown = article.passages.get(lang or "", [])
    kinds = [shown[i].kind for i in passages if 0 <= i < len(shown)]
    return bool(kinds) and all(kind is PassageKind.CODE for kind in kinds)


def _quoted_code_markdown(text: str) -> str:
    fence = code_fence(text)
    return "\n".join(f"> {line}".rstrip() for line in [fence, *text.split("\n"), fence])


def _indented(text: str) -> str:
    return "\n".join(f"    {line}".rstrip() for line in text.split("\n"))


def _html_paragraphs(text: str, code: bool) -> str:
    if code:
        return f'<pre class="code">{html.escape(text)}</pre>'
    return "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(text))


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()] or [text]


def _notes(excerpt: Excerpt, escape: Callable[[str], str]) -> list[str]:
    lines = []
    if excerpt.note:
        lines.append(f"Note: {escape(excerpt.note)}")
    if excerpt.tags:
        lines.append(f"Tags: {escape(', '.join(excerpt.tags))}")
    if excerpt.orphaned:
        lines.append("(This passage is no longer in the article; the saved text is shown.)")
    return lines


def _linked_citation(excerpt: Excerpt) -> str:
    text = html.escape(citation_text(excerpt.article))
    url = excerpt.article.source.url
    if url:
        escaped = html.escape(url)
        text = text.replace(escaped, f'<a href="{escaped}">{escaped}</a>', 1)
    return text


_CSS = (
    "body{font-family:'Noto Serif','DejaVu Serif',serif;max-width:42em;margin:2em auto;"
    "line-height:1.6}blockquote{margin:1em 0 1em 1.5em;padding-left:1em;"
    "border-left:3px solid #b08d57;font-size:1.05em}"
    ".counterpart{color:#555}.citation{font-size:.92em}.note{font-style:italic}"
)
# Added only to a page that shows code, so pages without code stay as they were.
_CODE_CSS = (
    "pre.code{font-family:'DejaVu Sans Mono','Noto Sans Mono',monospace;font-size:.9em;"
    "white-space:pre-wrap}"
)
