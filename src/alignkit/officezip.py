"""Office Open XML files (.xlsx, .docx) made reproducible and recognisable as alignkit's.

openpyxl and python-docx write each zip entry with the current time, and core properties
(created, modified) from the clock of the machine; the same report written twice would
differ. ``reproducible`` rewrites the package: every entry dated from the injected as-of
day, in a fixed order, with core properties from that day, and extended properties naming
alignkit as the application. That last is how alignkit knows a workbook or document it
may replace is its own (see registry.OFFICE): once an officer edits and saves it in Excel
or Word, the application is theirs, and the file is replaced only with --force.

Only the standard library: no alignkit module, and no office library, is imported here.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

APPLICATION = "alignkit"
"""The extended properties' Application of every Office file alignkit writes."""

APP_PART = "docProps/app.xml"
CORE_PART = "docProps/core.xml"

_FIRST = ("[Content_Types].xml", "_rels/.rels")
"""Entries written first, as Office writes them; then the document's own folder, then the
rest, each in name order. Tools that sniff a file's type (`file`, mail gateways) look for
the document's folder near the start of the zip."""

_DOCUMENT_FOLDERS = ("word/", "xl/")

_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application></Properties>"
)
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/'
    'dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/'
    'XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>alignkit</dc:creator>'
    "<cp:lastModifiedBy>alignkit</cp:lastModifiedBy>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>'
)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (a YAML string may: "\\x01"): no Office file can."""


def printable(text: str) -> str:
    """``text`` with what XML cannot hold shown as \ufffd, rather than a crash or a file
    Office refuses to open."""
    return _NOT_XML.sub("\ufffd", text)


def _order(name: str) -> tuple[int, str]:
    if name in _FIRST:
        return (_FIRST.index(name), name)
    return (len(_FIRST) + (0 if name.startswith(_DOCUMENT_FOLDERS) else 1), name)


def reproducible(package: bytes, day: dt.date, title: str) -> bytes:
    """``package`` rewritten so the same content always gives the same bytes.

    Entries in a fixed order, each dated ``day`` at midnight (zip dates have no time zone,
    so none can creep in), with the same compression and attributes; docProps/core.xml and
    docProps/app.xml replaced by alignkit's own, dated ``day`` and titled ``title``.
    """
    when = dt.datetime(day.year, day.month, day.day)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = {
        APP_PART: _APP.format(application=APPLICATION),
        CORE_PART: _CORE.format(title=escape(title), when=stamp),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        names = sorted(source.namelist(), key=_order)
        # Both libraries write these parts (and list them in [Content_Types].xml); a part
        # added here unlisted would make Office call the file damaged.
        assert set(parts) <= set(names), names
        with zipfile.ZipFile(out, "w") as target:
            for name in names:
                data = parts[name].encode("utf-8") if name in parts else source.read(name)
                info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 0
                target.writestr(info, data, compresslevel=6)
    return out.getvalue()
