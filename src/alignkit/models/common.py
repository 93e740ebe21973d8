"""Building blocks shared by both document kinds."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
URL_PATTERN = r"^https?://\S+$"

Identifier = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=64, pattern=IDENTIFIER_PATTERN
    ),
    Field(
        description="A short reference such as P1 or northdown: letters, digits, '.', '_' or '-'.",
        examples=["P1"],
    ),
]

# C0 and C1 control characters other than tab and newline, and DEL. They cannot be typed,
# only pasted or written as YAML escapes ("\e[2J"), and in a report they can rewrite a
# terminal or hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_control_characters(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise PydanticCustomError(
            "text_control",
            "contains the control character U+{code}, which cannot be shown; remove it",
            {"code": f"{ord(found.group()):04X}"},
        )
    return value


PlainText = Annotated[str, AfterValidator(_no_control_characters)]
"""Any text that reaches a report, free of control characters (a vocabulary's labels)."""

Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_control_characters),
]
"""Free text that must say something (an empty title helps nobody)."""

WelshText = Annotated[
    Text,
    Field(description="The Welsh-language version, shown beside the English (lang cy)."),
]
"""A title or name in Welsh: every human format shows it beside the English."""

EARLIEST_YEAR, LATEST_YEAR = 1990, 2200


def empty_list() -> list[Any]:
    """A new empty list: the default of a list field.

    ``default_factory=list`` means the same, but pydantic reads a factory's signature when
    it builds a model, and a builtin's signature is parsed from its text with Python's
    tokenizer: half a millisecond for each of some twenty list fields, on every run.
    A Python function's signature is read at no cost."""
    return []


def _plausible_year(value: dt.date) -> dt.date:
    # PCCs date from 2012 and CSPs from 1998; a year far outside that is a typo, and
    # date arithmetic on it (the next election, a year on) would run off the calendar.
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise PydanticCustomError(
            "date_range",
            "the year {year} looks like a typo: alignkit accepts {earliest} to {latest}",
            {"year": value.year, "earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_text(value: object) -> object:
    # pydantic would read '2025' or '1767225600' as a Unix time: a mistyped date would
    # silently become another one. Only YYYY-MM-DD is a date here.
    if isinstance(value, str) and not _ISO_DATE.match(value.strip()):
        raise PydanticCustomError("date_format", "write it as YYYY-MM-DD")
    return value.strip() if isinstance(value, str) else value


PlanDate = Annotated[dt.date, BeforeValidator(_iso_text), AfterValidator(_plausible_year)]
"""A date in a plan document: YYYY-MM-DD, in a plausible year."""

Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN),
    Field(description="An email address.", examples=["community.safety@example.gov.uk"]),
]

Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=URL_PATTERN),
    Field(description="A web address starting http:// or https://."),
]


class Document(BaseModel):
    """Base for everything read from YAML: unknown keys are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_optional_is_absent(cls, data: Any) -> Any:
        # `description: ''` is how a spreadsheet export or a script writes "no description";
        # for an optional field it means the same as leaving the key out. A required
        # field (a title) must still say something.
        if not isinstance(data, dict):
            return data
        fields = cls.model_fields
        return {
            key: None
            if isinstance(value, str)
            and not value.strip()
            and key in fields
            and not fields[key].is_required()
            else value
            for key, value in data.items()
        }


class Contact(Document):
    """A person to contact."""

    name: Text = Field(description="Full name.")
    role: Text | None = Field(None, description="Job title or role, e.g. Community Safety Manager.")
    organisation: Text | None = Field(None, description="Organisation they work for.")
    email: Email | None = None
    phone: Text | None = Field(None, description="Telephone number as it should be shown.")
