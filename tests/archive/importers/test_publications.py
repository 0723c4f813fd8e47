"""Publication names from source URLs."""

from __future__ import annotations

import pytest

from archive.importers.publications import publication_for_url, tidy_host


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.foreignaffairs.com/russia/europes-next-war", "Foreign Affairs"),
        ("HTTPS://WWW.FOREIGNAFFAIRS.COM/x", "Foreign Affairs"),
        ("https://edition.cnn.com/2025/x", "cnn.com"),
        ("https://www.bbc.co.uk/news/x", "BBC"),
        ("https://opinion.nytimes.com/x", "The New York Times"),
        ("https://m.example-news.org/a/b", "example-news.org"),
        ("http://localhost:8000/post", "localhost"),
    ],
)
def test_publication_for_url(url: str, name: str) -> None:
    assert publication_for_url(url) == name


def test_no_url_or_no_host_gives_none() -> None:
    assert publication_for_url(None) is None
    assert publication_for_url("") is None
    assert publication_for_url("not a url") is None
    assert tidy_host("https://www.example.com/") == "example.com"
    assert tidy_host("https://www.com/") == "www.com"  # never strips down to a bare suffix
