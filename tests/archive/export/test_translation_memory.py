"""TMX 1.4b and tab-separated sentence pairs: valid against the TMX DTD, read back by
translate-toolkit's TMX reader, nothing of the text changed."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from archive.export.translation_memory import tmx_document, translation_units, tsv_document
from archive.importers import read_articles
from archive.model import Article, Passage, PassageKind, Source
from archive.sample import sample_path

DTD = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "tmx" / "tmx14.dtd"


@pytest.fixture(scope="module")
def sample() -> Article:
    return read_articles(sample_path())[0].with_id(1)


def awkward_article() -> Article:
    """Markup characters, a control character and a tab inside the text."""
    return Article(
        title={"vi": "Tiêu đề <1> & “2”", "en": "Title"},
        source=Source(url="https://example.com/a?x=1&y=2"),
        blog_post_number=7,
        passages={
            "vi": [Passage(0, PassageKind.PARAGRAPH, "A <b> & C\x0b.\tTab.")],
            "en": [Passage(0, PassageKind.PARAGRAPH, "A <b> & C.\tTab.")],
        },
        id=5,
    )


def test_the_tmx_is_valid_against_the_tmx_1_4_dtd(sample: Article) -> None:
    etree = pytest.importorskip("lxml.etree")
    dtd = etree.DTD(str(DTD))
    for article in (sample, awkward_article()):
        root = etree.fromstring(tmx_document(translation_units(article)).encode("utf-8"))
        assert dtd.validate(root), dtd.error_log.filter_from_errors()
        assert root.get("version") == "1.4"


def test_translate_toolkit_reads_every_pair_with_its_languages(sample: Article) -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    units = translation_units(sample)
    document = tmx_document(units).encode("utf-8")
    store = tmx.tmxfile(io.BytesIO(document), sourcelanguage="vi", targetlanguage="en")
    read = [u for u in store.units if u.source]
    assert len(read) == len(units) == 205
    assert [(u.source, u.target) for u in read] == [(u.vi, u.en) for u in units]
    assert read[0].source.startswith("Trong bốn năm qua")


def test_each_unit_carries_the_title_url_and_post_number(sample: Article) -> None:
    etree = pytest.importorskip("lxml.etree")
    root = etree.fromstring(tmx_document(translation_units(sample)).encode("utf-8"))
    first = root.find("body/tu")
    props = {p.get("type"): p.text for p in first.findall("prop")}
    assert props["x-title"] == "Cuộc chiến tiếp theo của châu Âu"
    assert props["x-title-en"] == "Europe’s Next War"
    assert (
        props["x-url"] == "https://www.foreignaffairs.com/russia/europes-next-war-charap-haukkala"
    )
    assert props["x-post-number"] == "3342"
    langs = [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in first.findall("tuv")]
    assert langs == ["vi", "en"]


def test_markup_characters_survive_and_a_control_character_is_replaced() -> None:
    etree = pytest.importorskip("lxml.etree")
    root = etree.fromstring(tmx_document(translation_units(awkward_article())).encode("utf-8"))
    segs = [s.text for s in root.iter("seg")]
    assert segs == ["A <b> & C\ufffd.\tTab.", "A <b> & C.\tTab."]
    assert root.find("body/tu/prop").text == "Tiêu đề <1> & “2”"


def test_every_sentence_of_a_pair_is_in_its_unit(sample: Article) -> None:
    units = translation_units(sample)
    vi_text = " ".join(p.text for p in sample.passages["vi"])
    for unit in units:
        assert unit.vi in vi_text
        assert unit.vi and unit.en


def test_tsv_has_a_header_and_one_row_per_pair_with_breaks_flattened() -> None:
    units = translation_units(awkward_article())
    rows = tsv_document(units).splitlines()
    assert rows[0] == "vi\ten\tarticle_id\ttitle\turl\tpost_number"
    assert len(rows) == 1 + len(units)
    cells = rows[1].split("\t")
    assert cells[0] == "A <b> & C . Tab."  # the vertical tab is a line break to readers
    assert cells[2:] == ["5", "Tiêu đề <1> & “2”", "https://example.com/a?x=1&y=2", "7"]


def test_a_one_sentence_quote_gets_its_translated_sentence_not_the_paragraph(
    sample: Article,
) -> None:
    from archive.alignment.aligner import align
    from archive.export.citation import excerpt_from_passage

    sample = replace(sample, alignment=align(sample.passages["vi"], sample.passages["en"]))
    passage = next(
        p for p in sample.passages["en"] if "Powerful adversaries need to talk." in p.text
    )
    excerpt = excerpt_from_passage(
        sample, "en", passage.index, "Powerful adversaries need to talk.", with_counterpart=True
    )
    assert excerpt.counterpart.text == "Các đối thủ hùng mạnh cần phải đối thoại."
    whole = excerpt_from_passage(sample, "en", passage.index, with_counterpart=True)
    assert len(whole.counterpart.text) > 400  # the whole passage: its whole translation
