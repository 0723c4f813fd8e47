"""songngu-cli on the real Blogger, Takeout and saved-page fixtures (issue 11): the import line
names what was skipped, a Takeout folder imports with exit 0, languages reach search and show."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from tests.net_guard import no_network
from viewer.cli import main

REAL = Path(__file__).parents[2] / "fixtures" / "real"
PELICAN = REAL / "blogger" / "pelican-bloggerexport.xml"
BLOGSPOT = REAL / "blogger" / "briontest-blogspot-feed.xml"
TAKEOUT = REAL / "takeout" / "Takeout"
LOREM_PAGE = REAL / "html" / "readability-003-metadata-preferred.html"
PYTHON_PAGE = REAL / "html" / "blog.python.org.html"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def imported_ids(capsys: pytest.CaptureFixture[str]) -> list[int]:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    return [a["id"] for a in json.loads(out)]


def test_the_import_line_names_the_skipped_posts(data_dir: Path, capsys) -> None:
    code, out, err = run(capsys, "import", str(PELICAN))
    assert code == 0, err
    [line] = out.splitlines()
    assert line.startswith(f"imported: {PELICAN} (#")
    assert line.endswith("The Steel Windpipe; skipped 1: 'Black as Egypt's Night' — draft)")


def test_many_articles_and_posts_with_no_text_in_the_exact_form(
    data_dir: Path, tmp_path: Path, capsys
) -> None:
    # The real blogspot feed with its two posts copied twice more and two empty posts added.
    text = BLOGSPOT.read_text(encoding="utf-8")
    start, end = text.index("<entry>"), text.rindex("</entry>") + len("</entry>")
    entries = text[start:end]
    copies = [
        entries.replace("post-8", f"post-{n}8").replace(".html", f"-{n}.html") for n in (1, 2)
    ]
    # Untitled image-only posts: Blogger names their address after nothing but the slug.
    empty = (
        "<entry><id>tag:blogger.com,1999:blog-7780083508531697167.post-{n}</id>"
        "<title type='text'></title><content type='html'>&lt;div&gt;&lt;img src='a.jpg'"
        "/&gt;&lt;/div&gt;</content><link rel='alternate' type='text/html' "
        "href='http://briontest.blogspot.com/2009/11/{slug}.html'/></entry>"
    )
    blanks = [empty.format(n=1, slug="hate-you"), empty.format(n=2, slug="love-you")]
    feed = tmp_path / "blog.xml"
    feed.write_text(text[:end] + "".join(copies) + "".join(blanks) + text[end:], encoding="utf-8")
    code, out, err = run(capsys, "import", str(feed))
    assert code == 0, err
    assert out.strip() == (
        f"imported: {feed} (6 articles; skipped 2: 'hate you', 'love you' — no text)"
    )


def test_a_takeout_folder_imports_with_exit_0(data_dir: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "Takeout"
    shutil.copytree(TAKEOUT, folder)
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0, err
    assert err == ""
    lines = out.splitlines()
    assert sum(line.startswith("imported: ") for line in lines) == 1
    skipped = sorted(line.split(" (", 1)[1] for line in lines if line.startswith("skipped: "))
    assert skipped == [
        "Blogger settings, not posts)",
        "a Blogger theme, not posts)",
        "a Blogger theme, not posts)",
        "only comments, no posts)",
        "the Takeout archive's index page, not an article)",
    ]


def test_an_english_post_is_found_with_lang_en(data_dir: Path, capsys) -> None:
    assert run(capsys, "import", str(BLOGSPOT))[0] == 0
    code, out, err = run(capsys, "search", "--lang", "en", "--json", "awesome")
    assert code == 0, err
    hits = json.loads(out)["hits"]
    assert [h["lang"] for h in hits] == ["en"]
    code, out, _ = run(capsys, "search", "--lang", "vi", "--json", "awesome")
    assert json.loads(out)["hits"] == []


def test_show_json_gives_the_original_language_of_a_third_language_page(
    data_dir: Path, capsys
) -> None:
    assert run(capsys, "import", str(LOREM_PAGE))[0] == 0
    article_id = max(imported_ids(capsys))
    code, out, _ = run(capsys, "show", "--json", str(article_id))
    shown = json.loads(out)
    assert shown["original_language"] == "la"
    assert shown["passages"]["vi"] == [] and shown["passages"]["en"]
    code, out, _ = run(capsys, "show", str(article_id))
    assert "Language:     la" in out
    code, out, _ = run(capsys, "search", "--lang", "en", "--json", "consectetur adipisicing")
    assert json.loads(out)["hits"]


def test_show_prints_subtitles_and_they_are_searchable(
    data_dir: Path, sample_path: Path, capsys
) -> None:
    assert run(capsys, "import", str(sample_path))[0] == 0
    [sample_id] = imported_ids(capsys)
    code, out, _ = run(capsys, "show", str(sample_id))
    assert "Subtitle vi:  Nguy cơ xung đột NATO-Nga ngày càng gia tăng" in out
    assert "Subtitle en:  The Rising Risk of NATO-Russia Conflict" in out
    code, out, _ = run(capsys, "search", "--json", "ngày càng gia tăng")
    # The title document (passage None) holds title, subtitle and authors.
    assert any(h["passage"] is None and "gia tăng" in h["text"] for h in json.loads(out)["hits"])


def test_saved_pages_import_without_the_network(
    data_dir: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network use attempted: {args!r}")

    with no_network() as attempts:
        monkeypatch.setattr(socket, "create_connection", refuse)
        code, out, err = run(capsys, "import", str(PYTHON_PAGE), str(LOREM_PAGE))
    assert code == 0, err
    assert attempts == []
    assert out.count("imported: ") == 2


def test_show_names_an_english_only_title_once(data_dir: Path, capsys) -> None:
    page = Path(__file__).parents[2] / "fixtures" / "real" / "html" / "blog.python.org.html"
    assert run(capsys, "import", str(page))[0] == 0
    article_id = max(imported_ids(capsys))
    code, out, _ = run(capsys, "show", str(article_id))
    header = out.split("\n--- en ---")[0]
    assert code == 0 and header.count("Python 3.6.0 is now available!") == 1
    assert "Published:    2016-12-23" in header
