"""Write a synthetic Blogger export of N posts shaped like the bundled sample, for benchmarks.

Run from the repository root:

    .venv/bin/python bench/make_blogger_export.py --posts 5000 --out bench/out/blog-5000.xml

Every post is the sample (3342) with its words reshuffled and partly swapped for other words of
the same language, so each post has the sample's shape — authors, subtitle, ~40 Vietnamese and
~43 English passages with headings, pull quotes and a photo caption, the source URL, `***`, and
the related-posts footer — but text of its own for the index to tell apart. Posts are numbered
from --first; labels, dates and related posts vary. Around them sit what a real "Back up
content" file holds and the importer must skip: the template, settings, a comment every few
posts and a draft every few dozen. The output is the same for the same arguments (seeded).

`--scale` shortens every passage (0.25 keeps a quarter of its words) for smaller files: a
full-size post is ~70 KB of XML, so 5,000 posts are ~350 MB.
"""

from __future__ import annotations

import argparse
import html
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.importers import read_articles  # noqa: E402
from archive.model import Article, Passage, PassageKind  # noqa: E402
from archive.sample import sample_path  # noqa: E402

BLOG_ID = "7305182915316204761"
BLOG_URL = "https://songngu-bench.blogspot.com/"
LABELS = [
    "Nga",
    "NATO",
    "Ukraine",
    "Trung Quốc",
    "Mỹ",
    "Châu Âu",
    "Kinh tế",
    "Lịch sử",
    "Foreign Affairs",
    "Chiến tranh",
    "Ngoại giao",
    "Việt Nam",
    "Công nghệ",
    "Trung Đông",
]
SECTIONS = ["russia", "europe", "china", "united-states", "ukraine", "middle-east", "world"]
SWAP_SHARE = 0.3  # share of words replaced by another word of the same language
COMMENT_EVERY = 7
DRAFT_EVERY = 40
_CAPTION_TABLE = (
    '<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" '
    'style="margin-left: auto; margin-right: auto;"><tbody><tr><td style="text-align: center;">'
    '<a href="{img}" style="margin-left: auto; margin-right: auto;"><img border="0" '
    'data-original-height="1067" data-original-width="1600" height="267" src="{img}" '
    'width="400" /></a></td></tr><tr><td class="tr-caption" style="text-align: center;">'
    "{caption}</td></tr></tbody></table>"
)


class PostMaker:
    """Deterministic variations of one template article."""

    def __init__(self, template: Article, scale: float, seed: int) -> None:
        self.template = template
        self.scale = scale
        self.seed = seed
        self.vocabulary = {
            lang: sorted({w for p in ps for w in p.text.split()})
            for lang, ps in template.passages.items()
        }

    def rng(self, number: int, purpose: str) -> random.Random:
        return random.Random(f"{self.seed}:{number}:{purpose}")

    def title(self, number: int, lang: str) -> str:
        return self._vary(self.template.title[lang], lang, self.rng(number, "title" + lang))

    def passages(self, number: int, lang: str) -> list[Passage]:
        rng = self.rng(number, lang)
        return [
            Passage(p.index, p.kind, self._vary(p.text, lang, rng, keep=_keep_ending(p)))
            for p in self.template.passages[lang]
        ]

    def _vary(self, text: str, lang: str, rng: random.Random, keep: int = 0) -> str:
        words = text.split()
        body, ending = (words[:-keep], words[-keep:]) if keep else (words, [])
        size = max(1, min(len(body), round(len(body) * self.scale))) if body else 0
        body = body[:size]
        vocabulary = self.vocabulary[lang]
        body = [rng.choice(vocabulary) if rng.random() < SWAP_SHARE else w for w in body]
        if len(body) > 4:  # reshuffle the middle; keep the first and last word in place
            middle = body[1:-1]
            rng.shuffle(middle)
            body = [body[0], *middle, body[-1]]
        return " ".join(body + ending)


def _keep_ending(passage: Passage) -> int:
    # A caption must keep its "Name Name / Agency" credit to stay recognisable as one.
    return 4 if passage.kind is PassageKind.CAPTION else 0


def post_html(maker: PostMaker, number: int, total: range) -> str:
    template, rng = maker.template, maker.rng(number, "layout")
    section = rng.choice(SECTIONS)
    parts = ['<div dir="ltr" style="text-align: left;" trbidi="on">']
    parts.append(f"<p>{_text(', '.join(template.authors))}</p>")
    parts.append(f"<p><b><i>{_text(template.subtitle['vi'])}</i></b></p><div><br /></div>")
    parts += [_passage_html(p, rng) for p in maker.passages(number, "vi")]
    url = f"https://www.foreignaffairs.com/{section}/bench-article-{number}"
    parts.append(f'<p><a href="{url}">{url}</a></p>')
    parts.append('<div style="text-align: center;">***</div>')
    parts.append(f"<h2>{_text(maker.title(number, 'en'))}</h2>")
    parts.append(f"<p><i>{_text(template.subtitle['en'])}</i></p>")
    parts += [_passage_html(p, rng) for p in maker.passages(number, "en")]
    parts.append("</div><div><br /></div><div>Bài đăng phổ biến từ blog này</div><ul>")
    others = [n for n in total if n != number]
    for other in rng.sample(others, k=min(3, len(others))):
        title = _text(f"{other} - {maker.title(other, 'vi')}")
        parts.append(f'<li><a href="{BLOG_URL}{other}.html">{title}</a></li>')
    parts.append("</ul>")
    return "\n".join(parts)


def _passage_html(passage: Passage, rng: random.Random) -> str:
    text = _text(passage.text)
    if passage.kind is PassageKind.HEADING:
        return f'<h3 style="text-align: left;">{text}</h3>'
    if passage.kind is PassageKind.QUOTE:
        return f'<blockquote style="margin: 0 0 0 40px;"><p><b>{text}</b></p></blockquote>'
    if passage.kind is PassageKind.CAPTION:
        image = f"https://blogger.googleusercontent.com/img/b/bench/{rng.randrange(10**9)}.jpg"
        return _CAPTION_TABLE.format(img=image, caption=text)
    # Blogger writes paragraphs all three ways; the importer must read each the same.
    style = rng.randrange(3)
    if style == 0:
        return f'<p style="text-align: justify;">{text}</p>'
    if style == 1:
        return f'<div style="text-align: justify;">{text}</div><div><br /></div>'
    return f'<div><span style="font-family: arial;">{text}</span><br /><br /></div>'


def _text(text: str) -> str:
    return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")


def entries(maker: PostMaker, first: int, count: int) -> Iterator[str]:
    numbers = range(first, first + count)
    yield _entry("layout", "template", "Template: Song Ngữ bench", "<html>…</html>", "2026-01-01")
    yield _entry("settings.BLOG_NAME", "settings", "Blog name", "Song Ngữ bench", "2026-01-01")
    for n in numbers:
        rng = maker.rng(n, "entry")
        day = f"20{rng.randrange(10, 26)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        title = f"{n} - {maker.title(n, 'vi')}"
        labels = rng.sample(LABELS, k=rng.randrange(1, 4))
        draft = (n - first) % DRAFT_EVERY == DRAFT_EVERY - 1
        yield _entry(f"post-{n}", "post", title, post_html(maker, n, numbers), day, labels, draft)
        if (n - first) % COMMENT_EVERY == 0:
            yield _entry(f"post-{n}.comment", "comment", title, f"{title}: cảm ơn!", day)


def _entry(
    entry_id: str,
    kind: str,
    title: str,
    content: str,
    day: str,
    labels: list[str] | None = None,
    draft: bool = False,
) -> str:
    categories = "".join(
        f"<category scheme='http://www.blogger.com/atom/ns#' term={quoteattr(label)}/>"
        for label in labels or []
    )
    slug = entry_id.replace(".", "-")
    control = "<app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft>"
    return (
        f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.{entry_id}</id>"
        f"<published>{day}T08:00:00.000-08:00</published>"
        f"<updated>{day}T09:00:00.000-08:00</updated>"
        + (control + "</app:control>" if draft else "")
        + "<category scheme='http://schemas.google.com/g/2005#kind'"
        f" term='http://schemas.google.com/blogger/2008/kind#{kind}'/>{categories}"
        f"<title type='text'>{escape(title)}</title>"
        f"<content type='html'>{escape(content)}</content>"
        f"<link rel='alternate' type='text/html' href='{BLOG_URL}{day[:4]}/{slug}.html'/>"
        "<author><name>Người dịch</name></author></entry>\n"
    )


def write_export(out: Path, count: int, first: int = 1, scale: float = 1.0, seed: int = 1) -> int:
    """Write the export; returns how many published posts it holds (drafts excluded)."""
    [template] = read_articles(sample_path())
    maker = PostMaker(template, scale, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(
            "<?xml version='1.0' encoding='UTF-8'?>\n"
            "<feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<id>tag:blogger.com,1999:blog-{BLOG_ID}.archive</id>"
            "<title type='text'>Song Ngữ bench</title>"
            f"<link rel='alternate' type='text/html' href='{BLOG_URL}'/>"
            "<generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>\n"
        )
        stream.writelines(entries(maker, first, count))
        stream.write("</feed>\n")
    return count - sum(1 for i in range(count) if i % DRAFT_EVERY == DRAFT_EVERY - 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=5000, help="number of posts (default 5000)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "blog-export.xml")
    parser.add_argument("--first", type=int, default=1, help="number of the first post")
    parser.add_argument("--scale", type=float, default=1.0, help="passage length factor (0-1]")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.posts < 1 or not 0 < args.scale <= 1:
        parser.error("--posts must be at least 1 and --scale in (0, 1]")
    published = write_export(args.out, args.posts, args.first, args.scale, args.seed)
    size = args.out.stat().st_size / 1e6
    print(f"{args.out}: {args.posts} posts ({published} published), {size:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
