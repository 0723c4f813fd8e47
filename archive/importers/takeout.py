"""The files of an unpacked Google Takeout (or Blogger) folder that hold no articles.

    Takeout/archive_browser.html                  ← Takeout's own index page
    Takeout/Blogger/Blogs/<Blog>/feed.atom        ← the posts (read by the Blogger importer)
    Takeout/Blogger/Blogs/<Blog>/theme-layouts.xml, theme-classic.html   ← the blog's theme
    Takeout/Blogger/Blogs/<Blog>/settings.csv     ← the blog's settings
    Takeout/Blogger/Comments/feed.atom            ← comments the account wrote (no posts)

A folder import reports these as skipped, with the reason, instead of failing on them: they
are a normal part of what a reader has, not broken articles. Pure functions; thread-safe.
"""

from __future__ import annotations

import re
from pathlib import Path

THEME = "a Blogger theme, not posts"
SETTINGS = "Blogger settings, not posts"
TAKEOUT_INDEX = "the Takeout archive's index page, not an article"
COMMENTS_ONLY = "only comments, no posts"

# Companion files listed by a folder scan although their suffix is not an article format.
COMPANION_NAMES = frozenset({"settings.csv"})
_THEME_NAME = re.compile(r"^theme-[\w-]+\.(?:xml|html?)$", re.IGNORECASE)
# Blogger's layout templates (b: and data: tags) and its classic templates (<$BlogItemBody$>).
_THEME_MARKUP = re.compile(
    r"xmlns:b=['\"]http://www\.google\.com/2005/gml/b['\"].*<b:(?:skin|section|widget)"
    r"|<\$Blog\w+\$>|<Blogger>",
    re.IGNORECASE | re.DOTALL,
)


def companion_reason(path: Path, head: str) -> str | None:
    """Why the file at `path` (starting with `head`) holds no articles, or None if it may."""
    name = path.name.lower()
    if name in COMPANION_NAMES:
        return SETTINGS
    if name == "archive_browser.html":
        return TAKEOUT_INDEX
    if _THEME_NAME.match(name) or _THEME_MARKUP.search(head):
        return THEME
    return None
