"""Code passages align with code or stay unpaired; they never merge with prose."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from archive.alignment.aligner import align
from archive.importers import read_articles
from archive.model import Passage, PassageKind

P, C = PassageKind.PARAGRAPH, PassageKind.CODE
REAL = Path(__file__).parents[2] / "fixtures" / "real"


def passages(*items: tuple[PassageKind, str]) -> list[Passage]:
    return [Passage(i, kind, text) for i, (kind, text) in enumerate(items)]


def test_a_real_posts_code_pairs_with_the_same_code_in_its_translation() -> None:
    [post] = read_articles(REAL / "jekyll" / "json-vi.html.markdown")
    vi = post.passages["vi"]
    code = next(p for p in vi if p.kind is C)
    # The English original: its paragraphs in its own words, its program the same.
    en = passages(
        (
            P,
            "As JSON is an extremely simple data-interchange format, this is most likely going "
            "to be the simplest Learn X in Y Minutes ever.",
        ),
        (
            P,
            "JSON in its purest form has no actual comments, but most parsers will accept "
            "C-style (//, /* */) comments. Some parsers also tolerate a trailing comma.",
        ),
        (P, "For the purposes of this tutorial, everything is going to be 100% valid JSON."),
        (
            P,
            "Supported data types: numbers, string, boolean, array, object and null. Supporting "
            "browsers are Firefox 3.5+, Internet Explorer 8+, Chrome, Opera 10+, Safari 4+. "
            "The file extension is .json and the MIME type application/json.",
        ),
        (C, code.text),
    )
    links = align(vi, en)
    assert ([code.index], [4]) in links


def test_code_with_no_counterpart_stays_alone() -> None:
    vi = passages(
        (P, "Hàm này trả về tổng của hai số và in ra kết quả trên màn hình."),
        (C, "def add(a, b):\n    return a + b"),
        (P, "Như vậy ta đã viết xong hàm đầu tiên của mình bằng Python."),
    )
    en = passages(
        (P, "This function returns the sum of two numbers and prints the result."),
        (P, "So we have written our first function in Python."),
    )
    links = align(vi, en)
    assert ([1], []) in links


kinds = st.sampled_from([P, C])
texts = st.text(alphabet="abc xyz\n", min_size=1, max_size=80)


@given(st.lists(st.tuples(kinds, texts), max_size=8), st.lists(st.tuples(kinds, texts), max_size=8))
def test_no_link_puts_code_beside_prose_or_merges_it(
    vi_items: list[tuple[PassageKind, str]], en_items: list[tuple[PassageKind, str]]
) -> None:
    vi, en = passages(*vi_items), passages(*en_items)
    for vi_ids, en_ids in align(vi, en):
        linked = [vi[i].kind for i in vi_ids] + [en[j].kind for j in en_ids]
        if vi_ids and en_ids and C in linked:
            assert len(vi_ids) == len(en_ids) == 1 and set(linked) == {C}
