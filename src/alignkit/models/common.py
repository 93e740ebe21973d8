"""Building blocks shared by both document kinds."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Free text that must say something (an empty title helps nobody)."""

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


class Contact(Document):
    """A person to contact."""

    name: Text = Field(description="Full name.")
    role: Text | None = Field(None, description="Job title or role, e.g. Community Safety Manager.")
    organisation: Text | None = Field(None, description="Organisation they work for.")
    email: Email | None = None
    phone: Text | None = Field(None, description="Telephone number as it should be shown.")
