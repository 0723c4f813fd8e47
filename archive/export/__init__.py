"""Excerpts with citations, written as Markdown, HTML, text and Web Annotation JSON."""
