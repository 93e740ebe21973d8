"""pack: the welcome pack for the police and crime commissioner.

``alignkit pack PLAN CSP...`` introduces every partnership in the force area (LGA guide,
chapter 7: a joint "brochure" with each CSP, its key contacts, priorities, calendar of
meetings and document production timetable), with how each priority aligns to the plan.
``build_pack`` makes the data; FORMATS holds one renderer per format, ``WelcomePack -> str``.
"""

from __future__ import annotations

from collections.abc import Callable

from .html import pack_html
from .markdown import pack_markdown
from .model import WelcomePack, build_pack

FORMATS: dict[str, Callable[[WelcomePack], str]] = {
    "markdown": pack_markdown,
    "html": pack_html,
}

__all__ = ["FORMATS", "WelcomePack", "build_pack", "pack_html", "pack_markdown"]
