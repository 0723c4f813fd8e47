"""songngu-cli bookmarks, export-search, align, search --parallel, backup/restore."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from archive.paths import database_path
from viewer.cli import main

QUOTE = "Powerful adversaries need to talk."


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok_json(capsys, *argv: str):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def dump(data_dir: Path) -> list[str]:
    with sqlite3.connect(database_path(data_dir)) as conn:
        return list(conn.iterdump())


@pytest.fixture(autouse=True)
def sample(data_dir: Path, capsys) -> None:
    """Every test here works on the bundled sample (article 1), imported as a user would:
    the command line never imports it on its own."""
    code, _, err = run(capsys, "import-sample")
    assert code == 0, err


@pytest.fixture
def marked(data_dir: Path, capsys) -> list[dict]:
    assert (
        run(
            capsys,
            "bookmarks",
            "add",
            "1",
            "--lang",
            "en",
            "--quote",
            QUOTE,
            "--note",
            "cho lời tựa",
            "--tag",
            "ngoại giao",
            "--tag",
            "NATO",
        )[0]
        == 0
    )
    assert (
        run(capsys, "bookmarks", "add", "1", "--lang", "vi", "--quote", "nga sap nhap crimea")[0]
        == 0
    )
    return ok_json(capsys, "bookmarks", "list", "--json")


def test_bookmarks_list_json_contract(marked: list[dict]) -> None:
    assert [set(b) for b in marked] == [
        {
            "id",
            "article_id",
            "lang",
            "passage",
            "quote",
            "prefix",
            "suffix",
            "note",
            "tags",
            "created",
            "orphaned",
        }
    ] * 2
    first, second = marked
    assert (first["article_id"], first["lang"], first["quote"]) == (1, "en", QUOTE)
    assert first["note"] == "cho lời tựa" and first["tags"] == ["ngoại giao", "NATO"]
    assert first["prefix"].endswith("dismissed. ") and first["orphaned"] is False
    # typed without diacritics, kept as the article writes it
    assert second["quote"] == "Nga sáp nhập Crimea" and isinstance(second["passage"], int)


def test_a_quote_not_in_the_article_changes_nothing(data_dir: Path, marked, capsys) -> None:
    before = dump(data_dir)
    code, _, err = run(capsys, "bookmarks", "add", "1", "--lang", "en", "--quote", "no such text")
    assert code == 2 and err.startswith("error: ") and len(err.splitlines()) == 1
    assert dump(data_dir) == before


def test_remove_and_filter_by_tag(marked, capsys) -> None:
    assert [b["id"] for b in ok_json(capsys, "bookmarks", "list", "--json", "--tag", "nato")] == [
        marked[0]["id"]
    ]
    assert run(capsys, "bookmarks", "remove", str(marked[0]["id"]))[0] == 0
    assert [b["id"] for b in ok_json(capsys, "bookmarks", "list", "--json")] == [marked[1]["id"]]
    assert run(capsys, "bookmarks", "remove", "999")[0] == 2


def test_export_markdown_to_stdout_with_citation(marked, capsys) -> None:
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "md", "--tag", "NATO")
    assert code == 0
    assert f"> {QUOTE}" in out and "Nga sáp nhập" not in out
    assert "Samuel Charap, Hiski Haukkala" in out and "Blog post 3342" in out
    assert "Note: cho lời tựa" in out


def test_export_json_is_web_annotation(marked, capsys) -> None:
    data = ok_json(capsys, "bookmarks", "export", "--format", "json")
    item = data["first"]["items"][0]
    assert item["target"]["selector"]["type"] == "TextQuoteSelector"
    assert item["target"]["selector"]["exact"] == QUOTE


def test_export_pdf_contains_passage_and_citation(marked, tmp_path: Path, capsys) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "bookmarks.pdf"
    assert run(capsys, "bookmarks", "export", "--format", "pdf", "--output", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert QUOTE in flat and "Nga sáp nhập Crimea" in flat
    assert "Samuel Charap, Hiski Haukkala" in flat and "Blog post 3342" in flat


def test_export_never_overwrites_and_reports_unwritable_paths(marked, tmp_path, capsys):
    target = tmp_path / "out.md"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "bookmarks", "export", "--format", "md", "--output", str(target))
    assert code == 2 and target.read_text() == "mine"
    assert err == f"error: {target} already exists; add --force to replace it.\n"
    assert (
        run(capsys, "bookmarks", "export", "--format", "md", "--output", str(target), "--force")[0]
        == 0
    )
    assert QUOTE in target.read_text(encoding="utf-8")
    missing_dir = tmp_path / "no" / "such" / "dir" / "out.md"
    code, _, err = run(
        capsys, "bookmarks", "export", "--format", "txt", "--output", str(missing_dir)
    )
    assert code == 2 and err.startswith("error: Cannot write") and len(err.splitlines()) == 1
    code, _, err = run(capsys, "bookmarks", "export", "--format", "pdf")
    assert code == 2 and "--output" in err


def test_export_search_with_translation(data_dir: Path, capsys) -> None:
    code, out, _ = run(
        capsys,
        "export-search",
        "Lukashenko",
        "--format",
        "txt",
        "--lang",
        "en",
        "--with-translation",
    )
    assert code == 0
    assert "Lukashenko" in out and "[Tiếng Việt]" in out and "Accessed" in out


def test_search_parallel_adds_counterparts(data_dir: Path, capsys) -> None:
    found = ok_json(capsys, "search", "--json", "--parallel", "--lang", "en", "Fortna")
    hit = found["hits"][0]
    assert hit["counterpart"]["lang"] == "vi"
    assert "Fortna" in hit["counterpart"]["text"]
    assert hit["counterpart"]["passages"]


def test_align_prints_two_columns(data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "align", "1", "--width", "120")
    assert code == 0
    assert "Tiếng Việt" in out and "English" in out
    assert any(
        "Point of no return" in line and "Điểm không thể quay lại" in line
        for line in out.splitlines()
    )


def test_show_json_alignment_pairs_headings(data_dir: Path, capsys) -> None:
    shown = ok_json(capsys, "show", "--json", "1")
    vi, en = shown["passages"]["vi"], shown["passages"]["en"]
    links = shown["alignment"]
    assert links
    covered_vi = sorted(i for link in links for i in link[0])
    covered_en = sorted(i for link in links for i in link[1])
    assert covered_vi == list(range(len(vi))) and covered_en == list(range(len(en)))
    heading_links = [link for link in links if any(en[i]["kind"] == "heading" for i in link[1])]
    for vi_side, en_side in heading_links:
        assert len(en_side) == 1 and len(vi_side) == 1 or en[en_side[0]]["text"] == "On the brink"


def test_backup_and_restore(data_dir: Path, marked, tmp_path: Path, capsys) -> None:
    backup = tmp_path / "backup.sqlite3"
    assert run(capsys, "backup", str(backup))[0] == 0
    assert run(capsys, "bookmarks", "remove", str(marked[0]["id"]))[0] == 0
    code, out, err = run(capsys, "restore", str(backup))
    assert code == 0, err
    assert [b["id"] for b in ok_json(capsys, "bookmarks", "list", "--json")] == [
        b["id"] for b in marked
    ]
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    before = dump(data_dir)
    code, _, err = run(capsys, "restore", str(garbage))
    assert code == 2 and err.startswith("error: ") and len(err.splitlines()) == 1
    assert dump(data_dir) == before


def test_people_count_passages_from_one_and_the_json_from_zero(marked, capsys) -> None:
    first = marked[0]
    code, out, _ = run(capsys, "bookmarks", "list")
    assert code == 0 and f"#1 en ¶{first['passage'] + 1}: “{QUOTE}”" in out
    found = ok_json(capsys, "search", "--json", "--lang", "en", "--limit", "1", QUOTE)
    hit = found["hits"][0]
    code, out, _ = run(capsys, "search", "--lang", "en", "--limit", "1", QUOTE)
    assert f"[en ¶{hit['passage'] + 1}]" in out
    shown = ok_json(capsys, "show", "--json", "1")
    assert shown["passages"]["en"][0]["index"] == 0  # the contract's index stays 0-based
    code, out, _ = run(capsys, "align", "1", "--width", "120")
    first_row = next(line for line in out.splitlines() if line.startswith("["))
    assert first_row.startswith("[1] ") and "│ [1] " in first_row
    assert "[0]" not in out


def test_the_same_bookmark_twice_is_kept_once(marked, capsys) -> None:
    before = ok_json(capsys, "bookmarks", "list", "--json")
    code, out, err = run(capsys, "bookmarks", "add", "1", "--lang", "en", "--quote", QUOTE)
    assert code == 0, err
    place = f"article 1, en passage {marked[0]['passage'] + 1}"
    assert out == f"bookmark {marked[0]['id']} already keeps this quote ({place}); nothing added\n"
    assert ok_json(capsys, "bookmarks", "list", "--json") == before


def test_export_search_without_hits_writes_nothing(data_dir: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "none.md"
    code, out, err = run(
        capsys, "export-search", "zzzqqq", "--format", "md", "--output", str(target)
    )
    assert (code, out) == (1, "")
    assert "no passages match 'zzzqqq'" in err and not target.exists()
    code, out, err = run(capsys, "export-search", "zzzqqq", "--format", "txt")
    assert (code, out) == (1, "") and "no passages match" in err


def test_bookmarks_export_of_no_bookmarks_writes_nothing(
    data_dir: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "none.md"
    code, out, err = run(
        capsys, "bookmarks", "export", "--tag", "nowhere", "--format", "md", "--output", str(target)
    )
    assert (code, out) == (1, "")
    assert "no bookmarks tagged 'nowhere'; nothing written" in err and not target.exists()
    code, out, err = run(capsys, "bookmarks", "export", "--format", "txt")
    assert (code, out) == (1, "") and "no bookmarks in the archive" in err


def test_backup_needs_an_existing_folder(data_dir: Path, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "x"
    code, out, err = run(capsys, "backup", str(missing))
    assert (code, out) == (2, "")
    assert err == (
        f"error: The folder {missing.parent} does not exist; create it first or "
        "choose another place for the backup.\n"
    )
    assert not (tmp_path / "no").exists()
