"""A Word document an officer can edit, built with python-docx: the pieces the report and
the welcome pack share.

Real heading styles (so Word's navigation pane and its table of contents work), a table
of contents field Word fills in when the document is opened, tables whose header row
repeats on every page, cells shaded like the HTML page, A4 pages. Every string goes
through ``printable``, and the bytes are reproducible (officezip). python-docx is imported
only by this module, and this module only when a Word document is written.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .officezip import printable, reproducible
from .words import STATE_COLOURS

_TABLE_TEXT = Pt(9)

_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)
"""The elements that follow w:updateFields in word/settings.xml (ECMA-376 order): Word
calls a file whose settings are out of order damaged."""

Span = tuple[str, bool, bool]
"""A piece of text with its emphasis: (text, bold, monospace)."""
Text = str | Sequence[Span]
"""Plain text (a line break where it has one), or spans."""
Row = Sequence[Text]
"""One table row: the text of each cell."""

CONTENTS_PLACEHOLDER = (
    "Word fills in the contents when the document is opened (or right-click here and "
    "choose Update Field)."
)


class WordDocument:
    """A document being written, top to bottom."""

    def __init__(self) -> None:
        self.doc: DocumentObject = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(20))

    def turn(self, *, landscape: bool) -> None:
        """Start a new page, turned: a wide matrix is read across a landscape page."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        wide, tall = Mm(297), Mm(210)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (wide, tall) if landscape else (tall, wide)

    def title(self, text: str) -> None:
        self.doc.add_paragraph(printable(text), style="Title")

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(printable(text), level)

    def paragraph(self, text: Text, *, bold: bool = False, italic: bool = False) -> None:
        para = self.doc.add_paragraph()
        for run in _runs(para, text, bold=bold):
            run.italic = italic or None

    def bullet(self, text: Text) -> None:
        _runs(self.doc.add_paragraph(style="List Bullet"), text)

    def facts(self, facts: Sequence[tuple[str, str]]) -> None:
        """'Label: value' lines, the label in bold."""
        for label, value in facts:
            para = self.doc.add_paragraph()
            para.paragraph_format.space_after = Pt(0)
            para.add_run(printable(label) + ": ").bold = True
            para.add_run(printable(value))
        self.doc.add_paragraph()

    def contents(self, placeholder: str = CONTENTS_PLACEHOLDER) -> None:
        """A table of contents field (headings 1 and 2) that Word fills in on opening."""
        self.doc.add_paragraph("Contents", style="TOC Heading")
        para = self.doc.add_paragraph()
        for kind, text in (("begin", None), (None, r'TOC \o "1-2" \h \z \u'), ("separate", None)):
            run = para.add_run()._r
            if kind:
                mark = OxmlElement("w:fldChar")
                mark.set(qn("w:fldCharType"), kind)
                run.append(mark)
            else:
                code = OxmlElement("w:instrText")
                code.set(qn("xml:space"), "preserve")
                code.text = text
                run.append(code)
        para.add_run(placeholder).italic = True
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        para.add_run()._r.append(end)
        self._update_fields_on_open()

    def _update_fields_on_open(self) -> None:
        settings = self.doc.settings.element
        flag = OxmlElement("w:updateFields")
        flag.set(qn("w:val"), "true")
        after = [qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS]
        following = next((child for child in settings if child.tag in after), None)
        if following is None:
            settings.append(flag)
        else:
            following.addprevious(flag)

    def table(
        self,
        headers: Row,
        rows: Sequence[Row],
        shades: Sequence[Sequence[str | None]] | None = None,
        widths: Sequence[int] | None = None,
    ) -> None:
        """A table with its header row repeated on every page; ``shades`` names a key of
        STATE_COLOURS (or None) for each cell of each row; ``widths`` in millimetres."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        header = table.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(repeat)
        for cell, text in zip(header.cells, headers, strict=True):
            _write(cell, text, bold=True)
            _shade(cell, "DDEBF7", None)
        for r, values in enumerate(rows):
            cells = table.add_row().cells
            for c, (cell, text) in enumerate(zip(cells, values, strict=True)):
                key = shades[r][c] if shades else None
                _write(cell, text, bold=key == "gap")
                if key is not None:
                    _shade(cell, *STATE_COLOURS[key])
        if widths:
            # Word reads the cells' widths, LibreOffice the grid's: set both.
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=True):
                column.width = Mm(width)
            for row in table.rows:
                for cell, width in zip(row.cells, widths, strict=True):
                    cell.width = Mm(width)
        self.doc.add_paragraph()

    def to_bytes(self, day: dt.date, title: str) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return reproducible(out.getvalue(), day, title)


def _runs(para: Paragraph, text: Text, *, bold: bool = False) -> list[Run]:
    """Add ``text`` to the paragraph as runs; the runs."""
    spans = [(text, bold, False)] if isinstance(text, str) else text
    runs = []
    for piece, strong, mono in spans:
        run = para.add_run(printable(piece))
        run.bold = strong or bold or None
        if mono:
            run.font.name = "Consolas"
        runs.append(run)
    return runs


def _write(cell: _Cell, text: Text, *, bold: bool = False) -> None:
    for run in _runs(cell.paragraphs[0], text, bold=bold):
        run.font.size = _TABLE_TEXT


def _shade(cell: _Cell, fill: str, ink: str | None) -> None:
    """Shade the cell (and colour its text): the page's colours, never colour alone."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
    if ink is not None:
        for para in cell.paragraphs:
            for run in para.runs:
                run.font.color.rgb = RGBColor.from_string(ink)
