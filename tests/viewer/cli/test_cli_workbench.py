"""songngu-cli translations, export-tmx and show --json's sentence keys, end to end in a temp
data dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.viewer.cli.test_cli import run, run_json, with_sample  # noqa: F401 (a fixture)

# Every test here works on the bundled sample, imported as `songngu-cli import-sample` does.
pytestmark = pytest.mark.usefixtures("with_sample")


def test_show_json_has_sentences_and_their_alignment(data_dir: Path, capsys) -> None:
    article = run_json(capsys, "show", "--json", "1")
    sentences = article["sentences"]
    assert set(sentences) == {"vi", "en"}
    for lang in ("vi", "en"):
        passages = {p["index"]: p["text"] for p in article["passages"][lang]}
        for s in sentences[lang]:
            assert set(s) == {"passage", "start", "end", "text"}
            assert passages[s["passage"]][s["start"] : s["end"]] == s["text"]
    links = article["sentence_alignment"]
    covered = {
        lang: sorted(i for link in links for i in link[k]) for k, lang in enumerate(("vi", "en"))
    }
    assert covered == {lang: list(range(len(sentences[lang]))) for lang in ("vi", "en")}
    assert all(len(vi) <= 2 and len(en) <= 2 and (vi or en) for vi, en in links)
    first_vi, first_en = links[0]
    assert sentences["vi"][first_vi[0]]["text"].startswith("Trong bốn năm qua")
    assert sentences["en"][first_en[0]]["text"].startswith("For the last four years")


def test_translations_json_contract(data_dir: Path, capsys) -> None:
    found = run_json(capsys, "translations", "--json", "deterrence")
    assert set(found) == {"query", "lang", "renderings"}
    assert (found["query"], found["lang"]) == ("deterrence", "en")
    assert "răn đe" in [r["text"] for r in found["renderings"][:3]]
    first = found["renderings"][0]
    assert set(first) == {"text", "count", "examples"}
    assert first["count"] >= 1
    for example in first["examples"]:
        assert set(example) == {"article_id", "passage", "text", "counterpart"}
        assert "deterrence" in example["text"].lower()


@pytest.mark.parametrize(
    ("argv", "lang", "rendering"),
    [
        (["cease-fire"], "en", "ngừng bắn"),
        (["ngừng", "bắn"], "vi", "cease-fire"),  # all remaining words are the query
        (["--lang", "vi", "liên minh"], "vi", "alliance"),
        (["--lang", "en", "alliance"], "en", "liên minh"),
    ],
)
def test_translations_both_ways(
    data_dir: Path, capsys, argv: list[str], lang: str, rendering: str
) -> None:
    found = run_json(capsys, "translations", "--json", *argv)
    assert found["lang"] == lang
    assert rendering in [r["text"] for r in found["renderings"][:3]]


def test_translations_readable_output_and_a_word_not_there(data_dir: Path, capsys) -> None:
    code, out, err = run(capsys, "translations", "alliance")
    assert code == 0 and err == ""
    assert "liên minh" in out.splitlines()[2]
    code, out, _ = run(capsys, "translations", "zyxwvut")
    assert code == 0
    assert "in no sentence pair" in out


def test_translations_usage_mistakes_are_one_line(data_dir: Path, capsys) -> None:
    code, _, err = run_argv_error(capsys, "translations")
    assert code == 2 and err.startswith("error:") and len(err.strip().splitlines()) == 1
    code, _, err = run_argv_error(capsys, "translations", "--lang", "fr", "x")
    assert code == 2 and err.startswith("error:")
    code, out, err = run(capsys, "translations", "  ")
    assert (code, out, err) == (2, "", "error: give a word or phrase to look up\n")


def run_argv_error(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, *argv)
    out, err = capsys.readouterr()
    return int(exit_info.value.code), out, err


def test_export_tmx_to_a_file_refuses_to_overwrite_without_force(
    data_dir: Path, capsys, tmp_path: Path
) -> None:
    target = tmp_path / "memory.tmx"
    code, out, _ = run(capsys, "export-tmx", "--output", str(target))
    assert code == 0
    assert out.strip() == f"wrote 205 sentence pair(s) from 1 article(s) to {target}"
    written = target.read_text(encoding="utf-8")
    assert written.count("<tu ") == 205 and '<tuv xml:lang="vi">' in written
    code, _, err = run(capsys, "export-tmx", "--output", str(target))
    assert code == 2 and "already exists" in err
    assert target.read_text(encoding="utf-8") == written
    code, out, _ = run(capsys, "export-tmx", "--output", str(target), "--force", "1", "1")
    assert code == 0 and "205 sentence pair(s) from 1 article(s)" in out  # each article once


def test_export_tmx_to_standard_output_and_as_tsv(data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "export-tmx", "1")
    assert code == 0 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    code, out, _ = run(capsys, "export-tmx", "--format", "tsv")
    rows = out.splitlines()
    assert rows[0] == "vi\ten\tarticle_id\ttitle\turl\tpost_number"
    assert len(rows) == 206 and all(row.count("\t") == 5 for row in rows)


def test_export_tmx_of_an_unknown_article_is_one_error_line(data_dir: Path, capsys) -> None:
    code, out, err = run(capsys, "export-tmx", "99")
    assert code == 2 and out == ""
    assert err.strip() == "error: There is no article 99 in the archive."


def test_json_output_is_valid_utf8_json(data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "translations", "--json", "--limit", "2", "NATO")
    assert code == 0
    assert len(json.loads(out)["renderings"]) <= 2
