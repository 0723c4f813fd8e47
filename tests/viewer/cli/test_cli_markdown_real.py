"""songngu-cli on real Jekyll and Hugo posts: code shown as code, drafts said, bad YAML refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.viewer.cli.test_cli import db_dump, run, run_json

REAL = Path(__file__).parents[2] / "fixtures" / "real"


def import_one(capsys: pytest.CaptureFixture[str], path: Path) -> int:
    code, out, err = run(capsys, "import", str(path))
    assert code == 0 and out.startswith("imported: "), err
    return int(out.split("#")[1].split()[0])


def test_show_prints_code_as_a_fenced_block_and_json_names_its_kind(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = import_one(capsys, REAL / "jekyll" / "2016-02-24-welcome-to-jekyll.md")
    code, out, _ = run(capsys, "show", str(article_id))
    assert code == 0
    assert (
        "```\ndef print_hi(name)\n  puts \"Hi, #{name}\"\nend\nprint_hi('Tom')\n"
        "#=> prints 'Hi, Tom' to STDOUT.\n```"
    ) in out
    shown = run_json(capsys, "show", "--json", str(article_id))
    kinds = [p["kind"] for p in shown["passages"]["en"]]
    assert kinds.count("code") == 1 and "heading" not in kinds
    assert shown["title"]["en"] == "Welcome to Jekyll!"
    assert shown["tags"] == ["update", "Jekyll"]


def test_a_draft_is_reported_skipped_by_title_and_the_exit_status_is_zero(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = run_json(capsys, "list", "--json")
    code, out, err = run(capsys, "import", str(REAL / "hugo" / "setup-general.md"))
    assert (code, err) == (0, "")
    path = REAL / "hugo" / "setup-general.md"
    assert out == f"skipped: {path} (skipped 1: 'Setup: General' — draft)\n"
    assert run_json(capsys, "list", "--json") == before


def test_malformed_front_matter_is_one_error_line_and_the_archive_is_unchanged(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "2016-10-06-jekyll-3-3-is-here.md"
    shutil.copy(REAL / "jekyll" / broken.name, broken)
    broken.write_text(
        broken.read_text("utf-8").replace("categories: [release]", "categories: [release"),
        "utf-8",
    )
    run_json(capsys, "list", "--json")  # the archive exists, with its sample
    before = db_dump(data_dir)
    code, out, err = run(capsys, "import", str(broken))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"error: {broken}: ")
    assert "the front matter (YAML between the --- lines) has a mistake" in err
    assert "line 6" in err and "Traceback" not in err
    assert db_dump(data_dir) == before


def test_a_phrase_across_emphasis_is_found_from_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = import_one(capsys, REAL / "jekyll" / "2017-07-10-lifesofar.md")
    found = run_json(capsys, "search", "--json", '"loyal reader của blog"')
    assert [(h["article_id"], h["lang"], h["passage"]) for h in found["hits"]] == [
        (article_id, "vi", 0)
    ]
    assert json.dumps(found, ensure_ascii=False).count("<mark>") >= 1


def test_align_columns_keep_the_lines_of_code(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = import_one(capsys, REAL / "jekyll" / "2016-02-24-welcome-to-jekyll.md")
    code, out, _ = run(capsys, "align", str(article_id))
    assert code == 0
    english = [line.split(" │ ", 1)[1] for line in out.splitlines() if " │ " in line]
    at = english.index("[4 code]")  # the fourth passage, counted from 1
    assert english[at + 1 : at + 3] == ["def print_hi(name)", '  puts "Hi, #{name}"']


def test_show_prints_the_text_as_written_not_markdown_escaped(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dưới [<1 ms](…)` is stored as "dưới <1 ms"; the terminal shows exactly that."""
    article_id = import_one(capsys, REAL / "hugo" / "hello.md")
    code, out, _ = run(capsys, "show", str(article_id))
    assert code == 0
    assert "khi cho tốc độ load 1 trang dưới <1 ms" in out
    assert "&lt;" not in out and "\\*" not in out
