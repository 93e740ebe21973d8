"""The welcome and handover packs as Word documents, to edit and send.

Made from the packs' Markdown (pack/markdown.py, pack/handover_markdown.py), read back with
markdown-it (which rich already brings): the Word document then says exactly what the
Markdown and HTML packs say, and a section added to the Markdown reaches Word with no
second copy of its words. The Markdown's title becomes the document's title, its `##`
headings Heading 1, `###` Heading 2 and so on; its tables become Word tables whose header
row repeats on every page, with a table of contents field before the first section.
"""

from __future__ import annotations

import datetime as dt

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..wordfile import Row, Span, WordDocument
from .handover import HandoverPack
from .handover_markdown import handover_markdown
from .markdown import pack_markdown
from .model import WelcomePack


def _spans(inline: Token) -> list[Span]:
    """An inline token's text as spans: **bold** and `code` kept, escapes undone."""
    spans: list[Span] = []
    bold = False
    for child in inline.children or []:
        if child.type == "strong_open":
            bold = True
        elif child.type == "strong_close":
            bold = False
        elif child.type == "code_inline":
            spans.append((child.content, bold, True))
        elif child.type in ("softbreak", "hardbreak"):
            spans.append(("\n", bold, False))
        elif child.content:
            spans.append((child.content, bold, False))
    return spans


def _plain(spans: list[Span]) -> str:
    return "".join(text for text, _, _ in spans)


class _Reader:
    """Walks the Markdown's tokens, writing each block to the Word document."""

    def __init__(self) -> None:
        self.word = WordDocument()
        self.title = ""
        self.heading = 0
        self.in_list = 0
        self.in_table = False
        self.contents = False
        self.rows: list[Row] = []
        self.cells: list[list[Span]] = []

    def token(self, token: Token) -> None:
        kind = token.type
        if kind == "heading_open":
            self.heading = int(token.tag[1:])
        elif kind == "bullet_list_open":
            self.in_list += 1
        elif kind == "bullet_list_close":
            self.in_list -= 1
        elif kind == "table_open":
            self.in_table = True
        elif kind == "tr_close":
            self.rows.append(self.cells)
            self.cells = []
        elif kind == "table_close":
            self.word.table(self.rows[0], self.rows[1:])
            self.rows, self.in_table = [], False
        elif kind == "inline":
            self.inline(token)

    def inline(self, token: Token) -> None:
        spans = _spans(token)
        if self.heading:
            level, self.heading = self.heading, 0
            if level == 1:
                self.title = _plain(spans)
                self.word.title(self.title)
                return
            if not self.contents:
                self.contents = True
                self.word.contents()
            self.word.heading(_plain(spans), level - 1)
        elif self.in_table:
            self.cells.append(spans)
        elif self.in_list:
            self.word.bullet(spans)
        else:
            self.word.paragraph(spans)


def word_from_markdown(markdown: str, day: dt.date) -> bytes:
    """One of alignkit's Markdown documents as a Word document's bytes."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    reader = _Reader()
    for token in parser.parse(markdown):
        reader.token(token)
    return reader.word.to_bytes(day, reader.title)


def pack_docx(pack: WelcomePack) -> bytes:
    return word_from_markdown(pack_markdown(pack), pack.as_of)


def handover_docx(pack: HandoverPack) -> bytes:
    return word_from_markdown(handover_markdown(pack), pack.as_of)


__all__ = ["handover_docx", "pack_docx", "word_from_markdown"]
