"""Name the publication an article came from, given its URL."""

from __future__ import annotations

from urllib.parse import urlsplit

# Hosts the translated blog draws on most; anything else falls back to its tidy host name.
KNOWN_PUBLICATIONS = {
    "foreignaffairs.com": "Foreign Affairs",
    "foreignpolicy.com": "Foreign Policy",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "economist.com": "The Economist",
    "theatlantic.com": "The Atlantic",
    "newyorker.com": "The New Yorker",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "AP News",
    "bloomberg.com": "Bloomberg",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "project-syndicate.org": "Project Syndicate",
    "nationalinterest.org": "The National Interest",
    "thediplomat.com": "The Diplomat",
    "warontherocks.com": "War on the Rocks",
    "scmp.com": "South China Morning Post",
    "brookings.edu": "Brookings",
    "cfr.org": "Council on Foreign Relations",
    "time.com": "Time",
    "newsweek.com": "Newsweek",
    "theconversation.com": "The Conversation",
    "aeon.co": "Aeon",
}

_HOST_PREFIXES = ("www.", "m.", "amp.", "edition.")


def tidy_host(url: str) -> str | None:
    """The URL's host in lower case without "www." and the like, or None when it has none."""
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    return host or None


def publication_for_url(url: str | None) -> str | None:
    """ "Foreign Affairs" for https://www.foreignaffairs.com/…; the tidy host for unknown sites."""
    if not url:
        return None
    host = tidy_host(url)
    if host is None:
        return None
    for known, name in KNOWN_PUBLICATIONS.items():
        if host == known or host.endswith("." + known):
            return name
    return host
