"""songngu-cli end to end in a temp data dir: the JSON contract, bad input, index repair."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive.paths import database_path, index_path
from viewer.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


def db_dump(data_dir: Path) -> list[str]:
    connection = sqlite3.connect(database_path(data_dir))
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def with_sample(data_dir: Path, capsys) -> None:
    """The bundled sample imported, as `songngu-cli import-sample` does on request."""
    code, out, err = run(capsys, "import-sample")
    assert code == 0, err
    assert out.startswith("imported: the bundled sample (#1 ")


def test_a_new_archive_stays_empty_until_the_sample_is_asked_for(data_dir: Path, capsys) -> None:
    assert run_json(capsys, "list", "--json") == []
    code, out, _ = run(capsys, "list")
    assert code == 0 and "songngu-cli import-sample" in out
    assert (data_dir / "archive.sqlite3").is_file()  # the archive exists, without the sample
    code, out, err = run(capsys, "import-sample")
    assert code == 0, err
    assert out.startswith("imported: the bundled sample (#1 Cuộc chiến tiếp theo của châu Âu)")
    assert run(capsys, "import-sample")[1].startswith("updated: the bundled sample (#1 ")
    articles = run_json(capsys, "list", "--json")
    assert len(articles) == 1
    sample = articles[0]
    assert set(sample) >= {"id", "title", "authors", "source_url", "blog_post_number", "related"}
    assert sample["title"] == {"vi": "Cuộc chiến tiếp theo của châu Âu", "en": "Europe’s Next War"}
    assert sample["authors"] == ["Samuel Charap", "Hiski Haukkala"]
    assert sample["blog_post_number"] == 3342
    assert sample["source_url"] == (
        "https://www.foreignaffairs.com/russia/europes-next-war-charap-haukkala"
    )
    assert [(r["number"], r["article_id"]) for r in sample["related"]] == [
        (2945, None),
        (5433, None),
        (2199, None),
    ]
    assert sample["related"][2]["title"] == "Hy vọng cuối cùng tốt nhất"


@pytest.mark.usefixtures("with_sample")
def test_show_json_has_both_languages_and_the_contract_keys(data_dir: Path, capsys) -> None:
    article_id = run_json(capsys, "list", "--json")[0]["id"]
    shown = run_json(capsys, "show", "--json", str(article_id))
    assert set(shown) >= {
        "id",
        "title",
        "subtitle",
        "authors",
        "source",
        "blog_post_number",
        "related",
        "passages",
        "alignment",
    }
    assert shown["subtitle"]["en"] == "The Rising Risk of NATO-Russia Conflict"
    assert shown["source"]["url"].startswith("https://www.foreignaffairs.com/")
    assert shown["source"]["publication"] == "Foreign Affairs"
    for lang in ("vi", "en"):
        passages = shown["passages"][lang]
        assert [p["index"] for p in passages] == list(range(len(passages)))
        assert {p["kind"] for p in passages} <= {"heading", "paragraph", "quote", "caption"}
    assert any(
        p["text"] == "Point of no return" and p["kind"] == "heading"
        for p in shown["passages"]["en"]
    )
    assert isinstance(shown["alignment"], list)


@pytest.mark.usefixtures("with_sample")
def test_search_without_diacritics_marks_the_vietnamese_words(data_dir: Path, capsys) -> None:
    found = run_json(capsys, "search", "--json", "chien tranh")
    assert found["query"] == "chien tranh"
    assert found["hits"], "the sample talks about chiến tranh many times"
    assert {h["lang"] for h in found["hits"]} == {"vi"}
    together = ["chiến tranh" in hit["text"].lower() for hit in found["hits"]]
    assert together[0] and together == sorted(together, reverse=True), (
        "passages where the two syllables stand together rank first"
    )
    for hit, adjacent in zip(found["hits"], together, strict=True):
        assert set(hit) >= {"article_id", "lang", "passage", "text", "snippet", "score"}
        if adjacent:
            assert "<mark>chiến tranh</mark>" in hit["snippet"].lower()


@pytest.mark.usefixtures("with_sample")
def test_search_language_filter_and_limit(data_dir: Path, capsys) -> None:
    found = run_json(capsys, "search", "--json", "--lang", "en", "--limit", "3", "NATO")
    assert 0 < len(found["hits"]) <= 3
    assert {h["lang"] for h in found["hits"]} == {"en"}


@pytest.mark.usefixtures("with_sample")
def test_readable_search_emphasises_matches(data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "search", "Belarus")
    assert code == 0
    assert "«Belarus»" in out


@pytest.mark.parametrize("query", ['"', "(", "*", "-", "OR", '"an ninh', "a OR OR b"])
def test_awkward_queries_never_fail(data_dir: Path, capsys, query: str) -> None:
    found = run_json(capsys, "search", "--json", query)
    assert isinstance(found["hits"], list)


@pytest.mark.usefixtures("with_sample")
def test_exact_diacritics_flag_separates_minimal_pairs(data_dir: Path, capsys) -> None:
    folded = run_json(capsys, "search", "--json", "--lang", "vi", "chien tranh")
    exact = run_json(
        capsys, "search", "--json", "--lang", "vi", "--exact-diacritics", "chien tranh"
    )
    assert folded["hits"] and not exact["hits"]


@pytest.mark.usefixtures("with_sample")
def test_double_import_updates_in_place(data_dir: Path, sample_path: Path, capsys) -> None:
    before = run_json(capsys, "list", "--json")
    code, out, _ = run(capsys, "import", str(sample_path))
    assert code == 0
    assert out.startswith(f"updated: {sample_path}")
    assert run_json(capsys, "list", "--json") == before


@pytest.mark.usefixtures("with_sample")
def test_importing_the_english_half_alone_creates_a_new_article(
    data_dir: Path, tmp_path: Path, capsys
) -> None:
    md = tmp_path / "note.md"
    md.write_text(
        "title: A Short Note\nauthors: Jane Roe\nurl: https://example.org/notes/short\n"
        "language: en\n\nThe note talks about détente and Belarus.\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", str(md))
    assert code == 0, err
    assert out.startswith("imported: ")
    titles = [a["title"]["en"] for a in run_json(capsys, "list", "--json")]
    assert "A Short Note" in titles
    found = run_json(capsys, "search", "--json", "--lang", "en", "détente")
    assert {h["article_id"] for h in found["hits"]} >= {2}


BAD_FILES = {
    "binary.txt": b"\x00\x01\x02\x89PNG\r\n\x1a\n" * 20,
    "empty.txt": b"",
    "latin1.txt": "3342 - Cuộc chiến\n\nchâu Âu".encode("utf-16"),
    "unknown.txt": b"just some words\nwith no structure at all\n",
}


@pytest.mark.parametrize("name", [*BAD_FILES, "missing.txt"])
def test_bad_input_is_one_line_and_changes_nothing(
    data_dir: Path, tmp_path: Path, capsys, name: str
) -> None:
    run(capsys, "import-sample")
    before = db_dump(data_dir)
    path = tmp_path / name
    if name in BAD_FILES:
        path.write_bytes(BAD_FILES[name])
    code, out, err = run(capsys, "import", str(path))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}"), err
    assert lines[0].count(name) == 1, err  # the file named once, by its full path
    assert "Traceback" not in err
    assert db_dump(data_dir) == before


def test_unknown_article_is_a_clear_error(data_dir: Path, capsys) -> None:
    code, _, err = run(capsys, "show", "999")
    assert code == 2
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1


def test_usage_errors_are_one_line(data_dir: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "--lang", "fr", "x"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1


@pytest.mark.usefixtures("with_sample")
def test_check_detects_a_missing_index_and_search_repairs_it(data_dir: Path, capsys) -> None:
    run(capsys, "search", "NATO")
    assert run(capsys, "check")[0] == 0
    shutil.rmtree(index_path(data_dir))
    code, out, _ = run(capsys, "check")
    assert code == 1 and "problem:" in out
    assert run_json(capsys, "search", "--json", "NATO")["hits"]
    assert run(capsys, "check")[0] == 0


@pytest.mark.usefixtures("with_sample")
def test_reindex_reports_progress_and_passes_check(data_dir: Path, capsys) -> None:
    code, out, err = run(capsys, "reindex")
    assert code == 0
    assert "Indexed 1 article(s)" in out
    assert "Indexing: 1/1" in err
    assert run(capsys, "check")[0] == 0


def test_console_script_version_and_no_traceback(data_dir: Path, tmp_path: Path) -> None:
    version = subprocess.run(
        [sys.executable, "-m", "viewer.cli", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("songngu-cli ")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00" * 64)
    result = subprocess.run(
        [sys.executable, "-m", "viewer.cli", "import", str(bad)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr == f"error: {bad} is a binary file, not text.\n"


@pytest.mark.usefixtures("with_sample")
def test_importing_a_folder_walks_it(
    data_dir: Path, tmp_path: Path, sample_path: Path, capsys
) -> None:
    folder = tmp_path / "blog"
    (folder / "2025" / "notes").mkdir(parents=True)
    shutil.copy(sample_path, folder / "2025" / "3342.txt")
    (folder / "2025" / "notes" / "note.md").write_text(
        "title: Ghi chú\nurl: https://example.org/ghi-chu\nlanguage: vi\n\nMột đoạn văn.\n",
        encoding="utf-8",
    )
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    code, out, err = run(capsys, "import", str(folder))
    assert code == 0, err
    lines = out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["updated", "imported"]
    assert "Ghi chú" in lines[1]
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "import", str(empty))
    assert code == 2 and err.startswith(f"error: {empty}") and err.count("empty") == 1, err


@pytest.mark.usefixtures("with_sample")
def test_every_remaining_word_is_the_query(data_dir: Path, capsys) -> None:
    quoted = run_json(capsys, "search", "--json", "chien tranh")
    unquoted = run_json(capsys, "search", "--json", "chien", "tranh")
    assert unquoted == quoted and unquoted["query"] == "chien tranh"
    mixed = run_json(capsys, "search", "NATO", "--json", "-Belarus", "--limit", "3")
    assert mixed["query"] == "NATO -Belarus"
    assert mixed["total"] == run_json(capsys, "search", "--json", "NATO -Belarus")["total"]
    assert len(mixed["hits"]) == 3
    code, out, _ = run(capsys, "search", "chien", "tranh")
    assert code == 0 and out.startswith("22 match(es) for 'chien tranh'; showing 20.")


@pytest.mark.parametrize(
    "argv", [["search"], ["search", ""], ["search", "   "], ["search", "--json", " \t "]]
)
def test_an_empty_search_is_an_error(data_dir: Path, capsys, argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (2, "", "error: the search is empty\n")


@pytest.mark.usefixtures("with_sample")
def test_did_you_mean_in_text_and_json(data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "search", "Lukashanko")
    assert (code, out) == (0, "No passages match 'Lukashanko'. Did you mean: Lukashenko?\n")
    assert run_json(capsys, "search", "--json", "Kremlim")["suggestions"] == ["Kremlin"]
    found = run_json(capsys, "search", "--json", "Kremlin")
    assert found["suggestions"] == [] and found["hits"]
    assert set(found) == {"query", "total", "hits", "suggestions"}


@pytest.mark.usefixtures("with_sample")
def test_prefixes_with_a_star_and_as_you_type(data_dir: Path, capsys) -> None:
    starred = run_json(capsys, "search", "--json", "Lukash*")
    assert starred["total"] == 2 and all(
        "<mark>Lukashenko" in h["snippet"] for h in starred["hits"]
    )
    assert run_json(capsys, "search", "--json", "Lukash")["total"] == 0
    typed = run_json(capsys, "search", "--json", "--as-you-type", "Lukash")
    assert typed["total"] == 2 and typed["hits"] == starred["hits"]
    partial = run_json(capsys, "search", "--json", "--as-you-type", "chien", "tr")
    assert partial["total"] > run_json(capsys, "search", "--json", "chien tranh")["total"]


@pytest.mark.usefixtures("with_sample")
def test_total_is_the_same_whatever_the_limit(data_dir: Path, capsys) -> None:
    for query, total in [("chien tranh", 22), ("dong minh", 20), ("NATO -Belarus", 51)]:
        limited = run_json(capsys, "search", "--json", "--limit", "5", query)
        everything = run_json(capsys, "search", "--json", "--limit", "1000", query)
        assert limited["total"] == everything["total"] == len(everything["hits"]) == total
        code, out, _ = run(capsys, "search", "--limit", "5", query)
        assert out.startswith(f"{total} match(es) for {query!r}; showing 5.")


def test_import_into_a_folder_without_an_index_builds_it(
    data_dir: Path, tmp_path: Path, sample_path: Path, capsys
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(3):
        (folder / f"note{i}.md").write_text(
            f"title: Ghi chú {i}\nurl: https://example.org/ghi-chu-{i}\nlanguage: vi\n\n"
            f"Một đoạn văn thứ {i} về Quorvath.\n",
            encoding="utf-8",
        )
    assert not index_path(data_dir).exists()  # a new data folder: only the archive so far
    code, _, err = run(capsys, "import", str(folder))
    assert code == 0, err
    assert run(capsys, "check")[0] == 0  # `import X && check` passes
    assert len(run_json(capsys, "search", "--json", "Quorvath")["hits"]) == 3
