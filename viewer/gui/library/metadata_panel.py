"""The metadata panel: authors, publication, source URL (in full, selectable, copyable; opened
only when clicked), blog post number, imported date and related posts (archived ones open in
the reader, the others say they are not archived). Main thread only.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from archive.model import Article
from viewer.gui.reader.reader import ARTICLE_SCHEME, SafeTextBrowser


class MetadataPanel(QWidget):
    article_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.view = SafeTextBrowser(self)
        self.view.setObjectName("metadata")
        self.view.article_requested.connect(self.article_requested)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copy-url")
        self.copy_button.clicked.connect(self.copy_url)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy source URL"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._render()  # link colours are fixed when the HTML is parsed
        super().changeEvent(event)

    def show_article(self, article: Article | None) -> None:
        self.article = article
        self._render()

    def copy_url(self) -> None:
        if self.article is not None and self.article.source.url:
            QGuiApplication.clipboard().setText(self.article.source.url)

    def _render(self) -> None:
        article = self.article
        self.copy_button.setEnabled(bool(article and article.source.url))
        if article is None:
            self.view.setHtml("")
            return
        rows = [
            (self.tr("Authors"), html.escape(", ".join(article.authors)) or "—"),
            (self.tr("Publication"), html.escape(article.source.publication or "—")),
            (self.tr("Source"), _url_html(article.source.url)),
            (self.tr("Published"), html.escape(article.source.published or "—")),
            (self.tr("Blog post"), str(article.blog_post_number or "—")),
            (self.tr("Imported"), html.escape(_date(article.source.imported_at))),
        ]
        table = "".join(
            f"<tr><td style='color:gray;padding-right:8px'>{label}</td><td>{value}</td></tr>"
            for label, value in rows
        )
        related = "".join(f"<li>{self._related_html(post)}</li>" for post in article.related)
        heading = self.tr("Related posts")
        related_block = f"<p><b>{heading}</b></p><ul>{related}</ul>" if related else ""
        self.view.setHtml(f"<table cellspacing='2'>{table}</table>{related_block}")

    def _related_html(self, post: object) -> str:
        label = html.escape(f"{post.number} – {post.title}" if post.number else post.title)
        if post.article_id is not None:
            return f"<a href='{ARTICLE_SCHEME}:{post.article_id}'>{label}</a>"
        missing = html.escape(self.tr("not archived"))
        return f"{label} <i style='color:gray'>({missing})</i>"


def _url_html(url: str | None) -> str:
    if not url:
        return "—"
    # The whole URL stays visible (wrapping anywhere) so it can be read and selected.
    escaped = html.escape(url, quote=True)
    return f"<a href='{escaped}'>{escaped}</a>"


def _date(iso: str | None) -> str:
    if not iso:
        return "—"
    return iso.replace("T", " ")[:16]
