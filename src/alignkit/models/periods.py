"""Plan periods as officers write them.

Partnership and police and crime plans run over UK financial years (1 April to
31 March), so the short forms officers use every day are accepted alongside ISO dates:

- ``2025/26``                   -> 1 April 2025 to 31 March 2026
- ``2025/26-2027/28``           -> 1 April 2025 to 31 March 2028
- ``2025-2029``                 -> 1 April 2025 to 31 March 2029 (financial years)
- ``2025-04-01 to 2026-03-31``  or ``2025-04-01/2026-03-31`` (ISO 8601 interval)
- a mapping ``{start: 2025-04-01, end: 2026-03-31}``
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .common import PlanDate

_FY = r"(\d{4})\s*/\s*(\d{2}|\d{4})"
_FY_ONE = re.compile(rf"^{_FY}$")
_FY_RANGE = re.compile(rf"^{_FY}\s*(?:-|–|—|to)\s*{_FY}$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*(?:-|–|—|to)\s*(\d{4})$")
_ISO = r"(\d{4}-\d{2}-\d{2})"
_ISO_RANGE = re.compile(rf"^{_ISO}\s*(?:/|to|–|—|\s-\s)\s*{_ISO}$")

PERIOD_PATTERN = (
    r"^\s*(\d{4}\s*/\s*\d{2,4}(\s*(-|–|—|to)\s*\d{4}\s*/\s*\d{2,4})?"
    r"|\d{4}\s*(-|–|—|to)\s*\d{4}"
    r"|\d{4}-\d{2}-\d{2}\s*(/|to|–|—|\s-\s)\s*\d{4}-\d{2}-\d{2})\s*$"
)

PERIOD_HINT = (
    "write a financial year such as 2025/26, a range such as 2025/26-2027/28, "
    "or ISO dates such as 2025-04-01 to 2028-03-31"
)


def _financial_year_start(first: str, second: str) -> int:
    """Return the starting year of 'YYYY/YY' or 'YYYY/YYYY', rejecting slips like '2025/27'."""
    start = int(first)
    expected = start + 1 if len(second) == 4 else (start + 1) % 100
    if int(second) != expected:
        raise PydanticCustomError(
            "period_format",
            "'{value}' is not a financial year: the second year must follow the first "
            "(e.g. {example})",
            {"value": f"{first}/{second}", "example": f"{start}/{(start + 1) % 100:02d}"},
        )
    return start


def parse_period_text(text: str) -> dict[str, Any]:
    """Turn one of the accepted period spellings into ``{start, end}``."""
    value = text.strip()
    if m := _FY_ONE.match(value):
        start = _financial_year_start(m[1], m[2])
        return {"start": date(start, 4, 1), "end": date(start + 1, 3, 31)}
    if m := _FY_RANGE.match(value):
        first = _financial_year_start(m[1], m[2])
        last = _financial_year_start(m[3], m[4])
        return {"start": date(first, 4, 1), "end": date(last + 1, 3, 31)}
    if m := _YEAR_RANGE.match(value):
        return {"start": date(int(m[1]), 4, 1), "end": date(int(m[2]), 3, 31)}
    if m := _ISO_RANGE.match(value):
        return {"start": m[1], "end": m[2]}
    raise PydanticCustomError(
        "period_format",
        "'{value}' is not a period alignkit understands",
        {"value": value},
    )


def _period_json_schema(schema: dict[str, Any]) -> None:
    """Let editors accept both the text forms and the {start, end} mapping."""
    mapping = dict(schema)
    description = mapping.pop("description", None)
    title = mapping.pop("title", "Period")
    schema.clear()
    schema.update(
        {
            "title": title,
            "description": description,
            "anyOf": [
                {
                    "type": "string",
                    "pattern": PERIOD_PATTERN,
                    "description": "A financial year (2025/26), a range of them "
                    "(2025/26-2027/28 or 2025-2029), or ISO dates (2025-04-01 to 2028-03-31).",
                },
                mapping,
            ],
        }
    )


class Period(BaseModel):
    """A span of time, first and last day included."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_period_json_schema)

    start: PlanDate = Field(description="First day of the period (YYYY-MM-DD).")
    end: PlanDate = Field(description="Last day of the period (YYYY-MM-DD).")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return parse_period_text(data)
        return data

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError(
                "period_order",
                "the period ends ({end}) before it starts ({start})",
                {"start": self.start.isoformat(), "end": self.end.isoformat()},
            )
        return self

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def label(self) -> str:
        """Human form: '2025/26' style when it is whole financial years, else ISO dates."""
        if (
            (self.start.month, self.start.day) == (4, 1)
            and (self.end.month, self.end.day) == (3, 31)
            and self.end.year > self.start.year
        ):
            first = f"{self.start.year}/{(self.start.year + 1) % 100:02d}"
            if self.end.year == self.start.year + 1:
                return first
            return f"{first}-{self.end.year - 1}/{self.end.year % 100:02d}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"
