"""Exports with citations: golden Markdown/HTML/text, Web Annotation JSON, safe file names."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from archive.alignment.aligner import align
from archive.bookmarks.bookmark import quote_bookmark
from archive.export.citation import citation_text, counterpart_of, excerpt_from_bookmark
from archive.export.exporters import export, safe_filename
from archive.importers import read_articles
from archive.model import Article, Source

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def article(sample_path: Path) -> Article:
    parsed = read_articles(sample_path)[0].with_id(1)
    source = replace(parsed.source, imported_at="2026-11-20T08:00:00+00:00")
    alignment = align(parsed.passages["vi"], parsed.passages["en"])
    return replace(parsed, source=source, alignment=alignment)


@pytest.fixture
def excerpts(article: Article):
    first = replace(
        quote_bookmark(
            article,
            "en",
            "Powerful adversaries need to talk.",
            note="Dùng cho lời tựa <b>",
            tags=("ngoại giao",),
        ),
        created="2026-11-21T09:30:00+00:00",
        id=3,
    )
    second = replace(
        quote_bookmark(article, "vi", "Nga sáp nhập Crimea"),
        created="2026-11-21T09:31:00+00:00",
        id=4,
    )
    return [
        excerpt_from_bookmark(first, article, with_counterpart=True),
        excerpt_from_bookmark(second, article),
    ]


def test_citation_names_every_part_of_the_source(article: Article) -> None:
    assert citation_text(article) == (
        "Samuel Charap, Hiski Haukkala. “Cuộc chiến tiếp theo của châu Âu” / “Europe’s Next War”."
        " Foreign Affairs. https://www.foreignaffairs.com/russia/europes-next-war-charap-haukkala."
        " Blog post 3342. Accessed 2026-11-20."
    )


def test_citation_without_metadata_still_reads(article: Article) -> None:
    bare = replace(
        article,
        authors=[],
        source=Source(imported_at="2026-01-02T00:00:00"),
        blog_post_number=None,
        title={"en": "Notes"},
    )
    assert citation_text(bare) == "“Notes”. Accessed 2026-01-02."


def test_counterpart_uses_the_stored_alignment(article: Article) -> None:
    aligned = replace(article, alignment=[([0], [1, 2])])
    counterpart = counterpart_of(aligned, "vi", 0)
    assert counterpart is not None and counterpart.passages == (1, 2)
    assert counterpart.text.startswith(article.passages["en"][1].text)


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_text_exports_match_golden_files(excerpts, fmt: str) -> None:
    produced = export(excerpts, fmt, title="Sổ tay")
    golden = GOLDEN / f"bookmarks.{fmt}"
    if os.environ.get("SONGNGU_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


def test_html_export_escapes_user_text(excerpts) -> None:
    produced = export(excerpts, "html")
    assert "Dùng cho lời tựa &lt;b&gt;" in produced and "<b>" not in produced


def test_json_export_is_a_web_annotation_collection(excerpts) -> None:
    data = json.loads(export(excerpts, "json"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items = data["first"]["items"]
    assert len(items) == data["total"] == 2
    first = items[0]
    assert first["type"] == "Annotation" and first["id"] == "urn:songngu:bookmark:3"
    selector = first["target"]["selector"]
    assert selector["type"] == "TextQuoteSelector"
    assert selector["exact"] == "Powerful adversaries need to talk."
    assert selector["prefix"].endswith("dismissed. ")
    assert first["target"]["source"].startswith("https://www.foreignaffairs.com/")
    purposes = {b["purpose"]: b["value"] for b in first["body"]}
    assert purposes["commenting"] == "Dùng cho lời tựa <b>"
    assert purposes["tagging"] == "ngoại giao"
    assert first["motivation"] == "commenting" and items[1]["motivation"] == "bookmarking"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cuộc chiến: tiếp theo?", "Cuộc chiến tiếp theo.md"),
        ('a/b\\c*d|e<f>g"h', "a b c d e f g h.md"),
        ("CON", "songngu-CON.md"),
        ("...", "songngu-export.md"),
        ("x" * 200, "x" * 80 + ".md"),
    ],
)
def test_safe_filenames(name: str, expected: str) -> None:
    assert safe_filename(name, "md") == expected
