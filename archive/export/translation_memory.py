"""Translation memory out: the archive's sentence pairs as TMX 1.4b or tab-separated text.

TMX: one <tu> per aligned sentence pair (both sides non-empty), Vietnamese then English
<tuv>s, and the article's title, address and blog post number as <prop>s, so a CAT tool
(OmegaT, Trados, memoQ) shows where a match came from. The document is valid against the
TMX 1.4 DTD (tests/fixtures/real/tmx/tmx14.dtd).

TSV: a header line, then one line per pair: vi, en, article id, title, url, post number. A tab
or anything a reader may take for a line break inside a sentence becomes a space there (the
cell would otherwise break the row); the archive's text is untouched.

A side of two or more sentences is written as its passage has it; sentences from two
passages are joined by one space.

Characters XML 1.0 cannot carry (control characters other than tab and line breaks) are
written as U+FFFD in the TMX, so a stray byte never makes the whole file unreadable.

Pure functions; safe from any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from archive import __version__
from archive.alignment.sentence_aligner import article_sentences, sentences_text
from archive.model import Article

TM_FORMATS = ("tmx", "tsv")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Tabs and every character a reader may take for a line break.
_CELL_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


@dataclass(frozen=True)
class TranslationUnit:
    article_id: int | None
    title: str
    title_en: str | None
    url: str | None
    post_number: int | None
    vi_passage: int
    en_passage: int
    vi: str
    en: str


def translation_units(article: Article) -> list[TranslationUnit]:
    """The article's sentence pairs, in reading order."""
    pairs = article_sentences(article)
    title = article.display_title("vi")
    title_en = article.title.get("en")
    url = article.source.url or article.post_url
    return [
        TranslationUnit(
            article.id,
            title,
            title_en if title_en != title else None,
            url,
            article.blog_post_number,
            vi[0].passage,
            en[0].passage,
            sentences_text(article, "vi", vi),
            sentences_text(article, "en", en),
        )
        for vi, en in pairs.paired()
    ]


def tmx_document(units: Iterable[TranslationUnit]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="Song Ngu" creationtoolversion={quoteattr(__version__)} '
        'datatype="plaintext" segtype="sentence" adminlang="en" srclang="vi" '
        'o-tmf="songngu" o-encoding="UTF-8"/>',
        "  <body>",
    ]
    for n, unit in enumerate(units, start=1):
        lines.append(f'    <tu tuid="{n}">')
        lines += [f'      <prop type="{kind}">{_xml(value)}</prop>' for kind, value in _props(unit)]
        lines.append(f'      <tuv xml:lang="vi"><seg>{_xml(unit.vi)}</seg></tuv>')
        lines.append(f'      <tuv xml:lang="en"><seg>{_xml(unit.en)}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


def tsv_document(units: Iterable[TranslationUnit]) -> str:
    rows = ["vi\ten\tarticle_id\ttitle\turl\tpost_number"]
    for unit in units:
        cells = [unit.vi, unit.en, unit.article_id, unit.title, unit.url, unit.post_number]
        rows.append("\t".join(_cell(c) for c in cells))
    return "\n".join(rows) + "\n"


def _props(unit: TranslationUnit) -> list[tuple[str, str]]:
    props = [("x-title", unit.title)]
    if unit.title_en:
        props.append(("x-title-en", unit.title_en))
    if unit.url:
        props.append(("x-url", unit.url))
    if unit.post_number is not None:
        props.append(("x-post-number", str(unit.post_number)))
    if unit.article_id is not None:
        props.append(("x-article-id", str(unit.article_id)))
    # Counted from 1, as exports count passages for people.
    props.append(("x-passages", f"vi {unit.vi_passage + 1}, en {unit.en_passage + 1}"))
    return props


def _xml(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text))


def _cell(value: object) -> str:
    return "" if value is None else _CELL_BREAKS.sub(" ", str(value))
