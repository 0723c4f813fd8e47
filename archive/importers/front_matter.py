"""The metadata block at the top of a Markdown post, read into plain fields.

Three shapes:

- YAML between `---` lines (Jekyll, Hugo), read with PyYAML's safe loader: quoted strings,
  block and flow lists, `#` comments, nested keys, blank lines, dates with time and zone;
- TOML between `+++` lines (Hugo), read with tomllib;
- Song Ngữ's own header (README): `key: value` lines at the very top, ended by a blank line, a
  value going on over lines indented by four spaces. Between `---` lines it is also YAML;
  where the YAML reading folds a value of several lines (`related`, `authors`) into one, the
  lines are taken as written, and a header YAML cannot read that uses only Song Ngữ's keys is
  read line by line as before.

Every shape gives `Header.fields`: lower-case key → text lines, the form the Markdown importer
reads, with only the keys it knows (anything else never becomes text): title, subtitle
(else description), title_vi/_en, subtitle_vi/_en, authors (author), published (date, as
YYYY-MM-DD), tags (tags, tag, categories, category; Jekyll's space-separated string is a
list), language (lang first, only a value naming Vietnamese or English), url (url, canonical
— absolute addresses only), publication, blog_post_number, blog_name, related. `draft: true`
(or Jekyll's `published: false`) marks a draft. Pure functions; safe from any thread.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import yaml

from archive.errors import ImportFailure

Fields = dict[str, list[str]]

# Song Ngữ's own header, as Python-Markdown's meta extension read it.
_SIMPLE_KEY = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_SIMPLE_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_SIMPLE_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
SIMPLE_KEYS = frozenset(
    "title subtitle title_vi title_en subtitle_vi subtitle_en authors author url source "
    "publication blog_post_number number language lang related published date tags blog_name "
    "blog".split()
)
_YAML_OPEN = re.compile(r"---[ \t]*")
_YAML_CLOSE = re.compile(r"(---|\.\.\.)[ \t]*")
_TOML_FENCE = re.compile(r"\+\+\+[ \t]*")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})
_LANGUAGE_NAMES = re.compile(r"\b(vi|en|vie|eng|vietnamese|english|tiếng việt|both)\b", re.I)


@dataclass
class Header:
    fields: Fields = field(default_factory=dict)
    body: str = ""
    draft: bool = False
    structured: bool = False  # YAML or TOML: the body has no header of its own left in it


def read_header(text: str, name: str) -> Header:
    """Split `text` into its front matter and its body; ImportFailure names a bad block."""
    lines = text.split("\n")
    if lines and _TOML_FENCE.fullmatch(lines[0]):
        return _toml_header(lines, name)
    if lines and _YAML_OPEN.fullmatch(lines[0]):
        closing = next((i for i in range(1, len(lines)) if _YAML_CLOSE.fullmatch(lines[i])), None)
        if closing is not None:
            return _yaml_header(lines, closing, name)
    return _simple_header(lines)


# ---- YAML ----------------------------------------------------------------------------------


def _yaml_header(lines: list[str], closing: int, name: str) -> Header:
    block = lines[1:closing]
    body = "\n".join(lines[closing + 1 :])
    simple = _simple_fields(block)
    try:
        # Leading newline: the block's first line is the file's line 2, so marks match the file.
        data = _safe_yaml("\n" + "\n".join(block))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
        # ValueError: a date YAML reads but the calendar has not ("2020-02-30").
        if simple is not None and set(simple) <= SIMPLE_KEYS:
            return Header(simple, body, structured=True)
        if not any(_SIMPLE_KEY.match(line) for line in block):
            return _simple_header(lines)  # two rules around text, not a header
        raise ImportFailure(_yaml_problem(name, error)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        # Text between two `---` rules (a note that opens with a rule), not metadata.
        return _simple_header(lines)
    fields, draft = structured_fields(data)
    for key in ("related", "authors", "author"):
        # YAML folds an indented continuation into one line; Song Ngữ's header means a list.
        if simple is not None and len(simple.get(key, [])) > 1 and isinstance(data.get(key), str):
            fields["authors" if key == "author" else key] = simple[key]
    return Header(fields, body, draft, structured=True)


class _NoAliases(yaml.YAMLError):
    """An alias (`*name`): front matter never needs one, and nested aliases can make a few
    lines of text expand into gigabytes ("billion laughs")."""

    problem = "YAML aliases (*name) are not read in front matter"


def _safe_yaml(text: str) -> object:
    if "*" in text:
        if any(isinstance(token, yaml.AliasToken) for token in yaml.scan(text, yaml.SafeLoader)):
            raise _NoAliases()
    return yaml.safe_load(text)


def _yaml_problem(name: str, error: Exception) -> str:
    problem = getattr(error, "problem", None) or getattr(error, "context", None) or str(error)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f" near line {mark.line + 1}" if mark is not None else ""
    what = " ".join(str(problem or "it is not valid YAML").split())
    return (
        f"{name}: the front matter (YAML between the --- lines) has a mistake{where} ({what}); "
        "fix it and import the file again."
    )


# ---- TOML ----------------------------------------------------------------------------------


def _toml_header(lines: list[str], name: str) -> Header:
    closing = next((i for i in range(1, len(lines)) if _TOML_FENCE.fullmatch(lines[i])), None)
    if closing is None:
        raise ImportFailure(
            f"{name}: the front matter opens with a +++ line that no +++ line closes."
        )
    try:
        # Leading newline: TOML's line numbers are then the file's.
        data = tomllib.loads("\n" + "\n".join(lines[1:closing]))
    except tomllib.TOMLDecodeError as error:
        what = " ".join(str(error).split())
        raise ImportFailure(
            f"{name}: the front matter (TOML between the +++ lines) has a mistake ({what}); "
            "fix it and import the file again."
        ) from None
    fields, draft = structured_fields(data)
    return Header(fields, "\n".join(lines[closing + 1 :]), draft, structured=True)


# ---- YAML and TOML values → fields ---------------------------------------------------------


def structured_fields(data: dict[Any, Any]) -> tuple[Fields, bool]:
    """The fields Song Ngữ reads from parsed front matter, and whether it is a draft."""
    raw = {str(key).strip().lower(): value for key, value in data.items()}
    fields: Fields = {}

    def put(key: str, values: list[str]) -> None:
        if values:
            fields[key] = values

    for key in (
        "title",
        "title_vi",
        "title_en",
        "subtitle_vi",
        "subtitle_en",
        "publication",
        "blog_name",
        "blog_post_number",
        "related",
    ):
        put(key, _texts(raw.get(key)))
    put("subtitle", _texts(raw.get("subtitle")) or _texts(raw.get("description")))
    put("authors", [n for key in ("authors", "author") for n in _names(raw.get(key))])
    put("published", _dates(raw.get("date"), raw.get("published")))
    put(
        "tags",
        _unique(
            t for key in ("tags", "tag", "categories", "category") for t in _tags(raw.get(key))
        ),
    )
    put("language", _languages(raw.get("lang"), raw.get("language")))
    put(
        "url",
        [
            u
            for key in ("url", "canonical", "canonical_url", "canonicalurl")
            for u in _texts(raw.get(key))
            if _is_absolute(u)
        ][:1],
    )
    draft = _truth(raw.get("draft")) is True or _truth(raw.get("published")) is False
    return fields, draft


def _texts(value: object) -> list[str]:
    """A value as lines of text: a list gives one line per item, nothing gives none."""
    if value is None or isinstance(value, dict):
        return []
    if isinstance(value, list | tuple):
        return [line for item in value for line in _texts(item)]
    if isinstance(value, bool | bytes):
        return []  # `title: yes` is no title, nor is `!!binary`
    if isinstance(value, dt.date):
        return [value.isoformat()]
    text = " ".join(str(value).split())
    return [text] if text else []


def _names(value: object) -> list[str]:
    """Authors: a name, a list of names, or a table with a `name` (Hugo's [author])."""
    if isinstance(value, dict):
        return _texts(value.get("name"))
    if isinstance(value, list | tuple):
        return [n for item in value for n in _names(item)]
    return _texts(value)


def _dates(*values: object) -> list[str]:
    for value in values:
        found = iso_date(value)
        if found:
            return [found]
    return []


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD for a date, a date-time (the day as written, whatever its zone) or a text
    that starts with one ("2016-10-06 11:10:38 -0700"); None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _tags(value: object) -> list[str]:
    if isinstance(value, str):
        # Jekyll reads `tags: news bash` as two tags; a comma list is a list too.
        parts = value.split(",") if "," in value else value.split()
        return [p.strip() for p in parts if p.strip()]
    return _texts(value)


def _unique(tags: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for tag in tags:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return kept


def _languages(*values: object) -> list[str]:
    """The first value that names Vietnamese or English; `language: json` (a programming
    language, as learnxinyminutes writes it) names neither and is passed over."""
    for value in values:
        for text in _texts(value):
            if _LANGUAGE_NAMES.search(text.replace("-", " ").replace("_", " ")):
                return [text]
    return []


def _truth(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    return None


def _is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# ---- Song Ngữ's own header -----------------------------------------------------------------


def _simple_header(lines: list[str]) -> Header:
    """The header as Python-Markdown's meta extension read it, and the body after it."""
    fields: Fields = {}
    key: str | None = None
    at = 1 if lines and re.match(r"^-{3}(\s.*)?$", lines[0]) else 0  # an opening `---`
    while at < len(lines):
        line = lines[at]
        if not line.strip() or _SIMPLE_END.match(line):
            at += 1
            break
        read, key = _read_simple_line(fields, key, line)
        if not read:
            break
        at += 1
    if not fields:
        return Header({}, "\n".join(lines))
    return Header(fields, "\n".join(lines[at:]))


def _simple_fields(block: list[str]) -> Fields | None:
    """The block read as Song Ngữ's header, or None when a line is not of that form."""
    fields: Fields = {}
    key: str | None = None
    for line in block:
        if not line.strip():
            continue
        read, key = _read_simple_line(fields, key, line)
        if not read:
            return None
    return fields


def _read_simple_line(fields: Fields, key: str | None, line: str) -> tuple[bool, str | None]:
    """Add a `key: value` line, or a continuation of `key`, to `fields`; (False, key) when
    the line is neither. Returns the key the next continuation belongs to."""
    found = _SIMPLE_KEY.match(line)
    if found:
        key = found.group("key").lower().strip()
        fields.setdefault(key, []).append(found.group("value").strip())
        return True, key
    more = _SIMPLE_MORE.match(line)
    if more and key:
        fields[key].append(more.group("value").strip())
        return True, key
    return False, key
