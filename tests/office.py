"""Reading the Office files alignkit writes (.xlsx, .docx) back as text, for tests that
look for words in every format."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

from alignkit.registry import DOCUMENTS

_TAG = re.compile(r"<[^>]+>")


def is_binary(kind: str, fmt: str) -> bool:
    return DOCUMENTS[kind].formats[fmt].binary


def office_text(data: bytes) -> str:
    """The text of every XML part of an Office file, tags removed, one part a line.

    Cell and paragraph boundaries become spaces, so a phrase that spans runs is still found
    within a part."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            if name.endswith((".xml", ".rels")):
                xml = package.read(name).decode("utf-8")
                parts.append(html.unescape(_TAG.sub(" ", xml)))
    return "\n".join(parts)


def readable(path: Path) -> str:
    """A written report as text, whatever its format."""
    data = path.read_bytes()
    return office_text(data) if data.startswith(b"PK\x03\x04") else data.decode("utf-8")
