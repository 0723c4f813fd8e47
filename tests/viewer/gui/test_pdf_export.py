"""PDF exports use the page: one passage with its translation stays on one A4 page, and a long
export breaks into numbered pages that together hold every word (read back with pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from archive.export.citation import excerpt_from_bookmark, excerpt_from_passage
from archive.export.exporters import export
from viewer.gui.pdf_export import html_to_pdf_bytes
from viewer.library import Library

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, as pdftotext reads it (pages end with a form feed)."""
    path = tmp_path / "export.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def sample(tmp_path: Path):
    library = Library.open(tmp_path / "data")  # a new archive, with the bundled sample
    yield library.article(library.summaries()[0].id)
    library.close()


def test_one_long_passage_with_its_translation_is_one_page(sample, qapp, tmp_path) -> None:
    # The sample's longest Vietnamese passage (about 1,300 characters) bookmarked, with the
    # English it translates: it used to spill onto a second page.
    longest = max(sample.passages["vi"], key=lambda p: len(p.text))
    excerpt = excerpt_from_passage(sample, "vi", longest.index, with_counterpart=True)
    assert len(excerpt.text) + len(excerpt.counterpart.text) > 2400
    pages = pdf_pages(
        html_to_pdf_bytes(export([excerpt], "html", "Song Ngữ — bookmarks"), "Song Ngữ"), tmp_path
    )
    assert len(pages) == 1
    assert flat(longest.text) in flat(pages[0])
    assert "Accessed" in pages[0] and pages[0].rstrip().endswith("1")  # citation, page number


def test_a_short_bookmark_is_one_page(sample, qapp, tmp_path) -> None:
    from archive.bookmarks.bookmark import quote_bookmark

    bookmark = quote_bookmark(
        sample, "en", "This is hardly a recipe for a new long peace.", "a note", ("war",)
    )
    excerpt = excerpt_from_bookmark(bookmark, sample, with_counterpart=True)
    pages = pdf_pages(html_to_pdf_bytes(export([excerpt], "html", "Song Ngữ — war"), "x"), tmp_path)
    assert len(pages) == 1 and "Note: a note" in pages[0]


def test_a_long_export_keeps_every_word_on_numbered_pages(sample, qapp, tmp_path) -> None:
    excerpts = [
        excerpt_from_passage(sample, "vi", p.index, with_counterpart=True)
        for p in sample.passages["vi"]
    ]
    pages = pdf_pages(
        html_to_pdf_bytes(export(excerpts, "html", "Song Ngữ — bookmarks"), "Song Ngữ"), tmp_path
    )
    assert len(pages) > 5
    bodies = []
    for number, page in enumerate(pages, start=1):
        *body, last = page.rstrip().splitlines()
        assert last.strip() == str(number)
        bodies.append("\n".join(body))

    # Without spaces: a line may break after a dash, where pdftotext then puts one.
    def squeeze(text: str) -> str:
        return "".join(text.split())

    whole = squeeze(" ".join(bodies))
    exported = squeeze(" ".join(x.text + " " + x.counterpart.text for x in excerpts))
    for passage in sample.passages["vi"]:
        # Each passage in one piece and as often as it was exported (a pull quote repeats a
        # sentence), even across a page break: no line beside a break may be in the PDF
        # twice (hidden by a clip, but found by a search and copied).
        text = squeeze(passage.text)
        assert whole.count(text) == exported.count(text) >= 1, passage.index
