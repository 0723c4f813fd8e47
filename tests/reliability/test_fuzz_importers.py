"""Hostile and malformed files: every importer gives articles or one ImportFailure line —
never another exception, never a hang, never more than 50 MB read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.errors import ImportFailure
from archive.importers import MAX_FILE_BYTES, read_articles, read_file
from archive.model import Article
from tests.conftest import SAMPLE
from tests.reliability.time_limit import time_limit

LIMIT_S = 8.0  # per file: generous for a 2-core CI runner, far below "hung"
FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SUFFIXES = [".txt", ".md", ".xml", ".atom", ".html", ""]
FEED = (
    '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
    'xmlns:blogger="http://schemas.google.com/blogger/2018"><id>tag:blogger.com,1999:'
    "blog-1</id><entry><id>tag:blogger.com,1999:blog-1.post-2</id><title>3342 - T</title>"
    '<content type="html">{}</content><blogger:type>POST</blogger:type>'
    "<blogger:status>LIVE</blogger:status></entry></feed>"
)


def outcome(path: Path, limit: float = LIMIT_S) -> str:
    """ "imported", "nothing" (no articles) or "refused"; anything else (another exception,
    a hang) fails the test."""
    try:
        with time_limit(limit):
            articles = read_articles(path)
    except ImportFailure as failure:
        message = str(failure)
        assert message and "\n" not in message, repr(message)
        assert path.name in message or str(path) in message, message
        return "refused"
    # A title-only post is an article too (issue 11: nothing dropped silently).
    assert all(isinstance(a, Article) and (a.passages or a.title) for a in articles)
    return "imported" if articles else "nothing"


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
@FUZZ
def test_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    outcome(_write(tmp_path, f"fuzz{suffix}", data))


_MARKUP = st.text(alphabet=st.sampled_from(list("[]()<>*_`#>-|!&;:\n\t \\\"'=/aăđ1")), max_size=600)


@given(
    body=_MARKUP | st.text(max_size=600),
    frame=st.sampled_from(["3342 - Tựa đề\n{}", "title: Tựa\n\n{}", "{}", FEED]),
    suffix=st.sampled_from(SUFFIXES),
)
@FUZZ
def test_random_text_in_each_format(tmp_path: Path, body: str, frame: str, suffix: str) -> None:
    outcome(_write(tmp_path, f"fuzz{suffix}", frame.replace("{}", body)))


@given(cut=st.integers(min_value=1, max_value=SAMPLE.stat().st_size - 1))
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_the_seed_cut_anywhere_even_inside_a_character(tmp_path: Path, cut: int) -> None:
    data = SAMPLE.read_bytes()[:cut]
    result = outcome(_write(tmp_path, "cut.txt", data))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert result == "refused"  # a character cut in half is not silently dropped


LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
HOSTILE = {
    "nested-quotes.md": "title: Sâu\n\n" + ">" * 5000 + " đáy\n",
    "nested-quote-lines.md": "title: Sâu\n\n" + "".join(">" * i + " a\n" for i in range(1, 300)),
    "nested-html.md": "title: Sâu\n\n" + "<div>" * 5000 + "a" + "</div>" * 5000 + "\n",
    "emphasis-run.md": "title: x\n\n" + "*" * 20000 + "a" + "_" * 20000 + "\n",
    "raw-html.md": "title: x\n\n<script>alert(1)</script><iframe src=x></iframe>\n\n"
    '<p onclick="steal()">Đoạn <b>văn</b></p>\n',
    "huge-line.md": "title: x\n\n" + "chữ " * 1_000_000 + "\n",
    "huge-line.txt": "3342 - Tựa\n" + "từ " * 1_000_000 + "\n",
    "huge-header.txt": "3342 - " + "Tựa " * 500_000 + "\n",
    "billion-laughs.xml": f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY l0 "lol">{LAUGHS}]>'
    '<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:blogger.com,1999:'
    "blog-1</id><title>&l9;</title></feed>",
    "external-entity.xml": '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY s SYSTEM '
    '"file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom">'
    "<id>tag:blogger.com,1999:blog-1</id><title>&s;</title></feed>",
    "deep-xml.xml": FEED.replace("{}", "") + "<a>" * 100_000,
    "utf16.txt": "\ufeff3342 - Tựa\nvăn bản\n".encode("utf-16"),
    "bom-only.txt": b"\xef\xbb\xbf",
    "nul.txt": b"3342 - T\x00\nbody\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file(tmp_path: Path, name: str) -> None:
    outcome(_write(tmp_path, name, HOSTILE[name]))


def _known_bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


PATHOLOGICAL = [
    pytest.param(
        "nested-lists.md",
        "title: x\n\n" + "".join("    " * i + "- a\n" for i in range(400)),
    ),
    pytest.param(
        "open-brackets.md",
        "title: x\n\n" + "[" * 10000 + "a\n",
    ),
    pytest.param(
        "many-lines.txt",
        "3342 - Tựa\n" + "dòng\n" * 100_000,
    ),
]


@pytest.mark.parametrize("name, text", PATHOLOGICAL)
def test_pathological_input(tmp_path: Path, name: str, text: str) -> None:
    outcome(_write(tmp_path, name, text), limit=LIMIT_S / 2)


def test_an_export_with_nothing_to_import_names_the_post_it_skipped(tmp_path: Path) -> None:
    untitled = FEED.replace("{}", "").replace("<title>3342 - T</title>", "<title></title>")
    path = _write(tmp_path, "empty.xml", untitled)
    assert outcome(path) == "nothing"
    assert [(s.name, s.reason) for s in read_file(path).skipped] == [("(untitled)", "no text")]


def test_a_post_with_only_a_title_is_kept_as_a_title(tmp_path: Path) -> None:
    assert outcome(_write(tmp_path, "title.xml", FEED.replace("{}", ""))) == "imported"


def test_raw_html_in_markdown_is_never_a_failure_of_another_kind(tmp_path: Path) -> None:
    assert outcome(_write(tmp_path, "raw.md", HOSTILE["raw-html.md"])) == "imported"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".xml"])
def test_over_50_mb_is_refused_without_reading_it(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, f"big{suffix}", "3342 - Tựa\n")
    os.truncate(path, MAX_FILE_BYTES + 1)  # sparse: costs no disk and no time
    with time_limit(1.0), pytest.raises(ImportFailure, match="too large.*50 MB"):
        read_articles(path)


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert outcome(fifo, limit=1.0) == "refused"
