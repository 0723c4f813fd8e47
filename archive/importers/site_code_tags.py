"""Jekyll's and Hugo's own code tags, turned into the Markdown fences they stand for.

Jekyll posts write code as `{% highlight ruby %} … {% endhighlight %}` (Liquid) and Hugo posts
as `{{< highlight r >}} … {{< /highlight >}}` (a shortcode); the site generator renders both as
a code block. Read as plain Markdown their lines would become paragraphs, `#` comments
headings and `>` prompts quotes, so each tag pair becomes a backtick fence around the same
lines. Liquid's `{% raw %}`/`{% endraw %}` only tell Jekyll not to read `{{ }}` in the text,
and Jekyll shows nothing of them, so they are taken out. Nothing else is changed.
Pure functions; safe from any thread.
"""

from __future__ import annotations

import re

from archive.model import code_fence

_OPENING = (
    re.compile(r"^[ \t]*\{%-?\s*highlight(?:\s+([\w+#.-]+))?[^%]*-?%\}[ \t]*$"),
    re.compile(r"^[ \t]*\{\{[<%]\s*highlight(?:\s+([\w+#.-]+))?[^>%]*[>%]\}\}[ \t]*$"),
)
_CLOSING = (
    re.compile(r"^[ \t]*\{%-?\s*endhighlight\s*-?%\}[ \t]*$"),
    re.compile(r"^[ \t]*\{\{[<%]\s*/highlight\s*[>%]\}\}[ \t]*$"),
)
_LIQUID_RAW = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")


def fence_site_code_tags(body: str) -> str:
    """`body` with every closed highlight tag pair written as a fenced code block."""
    if "highlight" not in body and "raw" not in body:
        return body  # the usual case: nothing to look at
    lines = _LIQUID_RAW.sub("", body).split("\n") if "raw" in body else body.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        kind, language = _opening(lines[at])
        end = _closing_line(lines, at + 1, kind) if kind is not None else None
        if end is None:
            out.append(lines[at])
            at += 1
            continue
        code = lines[at + 1 : end]
        fence = code_fence("\n".join(code))
        out += ["", fence + language, *code, fence, ""]
        at = end + 1
    return "\n".join(out)


def _opening(line: str) -> tuple[int | None, str]:
    for kind, pattern in enumerate(_OPENING):
        found = pattern.match(line)
        if found:
            return kind, found.group(1) or ""
    return None, ""


def _closing_line(lines: list[str], start: int, kind: int) -> int | None:
    return next((i for i in range(start, len(lines)) if _CLOSING[kind].match(lines[i])), None)
