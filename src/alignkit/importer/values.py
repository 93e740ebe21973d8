"""Turn what a cell holds into the value the document expects.

Excel gives dates as dates, but officers also type them as text (31/03/2027) and a lost
cell format shows them as serial numbers (46477); a CSV file has only text. All of these
are read as the one date they can mean. Anything that cannot be read is passed on as it
is, so the document's own validation reports it, at the cell, with its usual code.
"""

from __future__ import annotations

import datetime as dt
import re

from .layout import Column, normalise
from .table import CellValue

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 after Excel's 1900 leap-day bug
_MAC_EPOCH = dt.date(1904, 1, 1)
_SERIAL = re.compile(r"^\d{5}(\.0+)?$")
_UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_WORDY_FORMATS = ("%d %B %Y", "%d %b %Y")
_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}


def text_of(value: CellValue) -> str | None:
    """The cell as text; None when it is empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").strip()
    return text or None


_PLAUSIBLE_SERIALS = range(30_000, 120_000)  # 1982 to 2228: other numbers are not dates


def _from_serial(serial: float, epoch_1904: bool) -> str | None:
    if int(serial) not in _PLAUSIBLE_SERIALS:
        return None
    day = (_MAC_EPOCH if epoch_1904 else _EXCEL_EPOCH) + dt.timedelta(days=int(serial))
    return day.isoformat()


def date_of(value: CellValue, epoch_1904: bool) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(value, epoch_1904) or text_of(value)
    text = text_of(value)
    if text is None:
        return None
    if _SERIAL.match(text):
        return _from_serial(float(text), epoch_1904) or text
    if m := _UK_DATE.match(text):  # day first: alignkit is for England and Wales
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        except ValueError:
            return text
    for form in _WORDY_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    return text


def convert(value: CellValue, column: Column, epoch_1904: bool = False) -> object:
    """The value for ``column``, or None when the cell is empty."""
    if column.shape == "date":
        return date_of(value, epoch_1904)
    if column.shape == "yes-no":
        if isinstance(value, bool):
            return value
        text = text_of(value)
        if text is None:
            return None
        word = text.casefold()
        return True if word in _YES | {"1"} else False if word in _NO | {"0"} else text
    text = text_of(value)
    if text is None:
        return None
    if column.shape == "lines":
        return [line.strip() for line in text.split("\n") if line.strip()]
    if column.shape == "ids":
        return [part for part in re.split(r"[\s,;]+", text) if part]
    if column.shape == "choice":
        word = normalise(text).replace(" ", "-")
        return word if word in column.choices else text
    return text
