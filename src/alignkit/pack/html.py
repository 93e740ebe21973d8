"""The welcome pack as one self-contained HTML page that prints as a booklet.

On screen: an overview and a section per partnership. In print: the overview, then each
partnership on a page of its own. No scripts and no external files, so it can be emailed,
opened offline or printed; text from the YAML files is escaped by the template engine.
"""

from __future__ import annotations

from ..markup import html_environment, listed
from ..words import STATUS_SYMBOL, plural
from .model import WelcomePack

STATUS = {
    "aligned": (STATUS_SYMBOL["aligned"], "Aligned"),
    "partial": (STATUS_SYMBOL["partial"], "Partly aligned"),
    "none": (STATUS_SYMBOL["none"], "No objective matches"),
}
"""Alignment of a priority: a word, with a symbol as a reminder, never colour alone."""

TAKING_PART = {True: ("✔", "Yes"), False: ("✘", "No"), None: ("", "Not recorded")}


def _view(pack: WelcomePack) -> dict[str, object]:
    total = len(pack.partnerships)
    return {
        "p": pack,
        "total": total,
        "names": {x.id: x.name for x in pack.partnerships},
        "tiers": listed([f"{n} {words}" for words, n in pack.tiers]),
        "heading_count": plural(total, "community safety partnership"),
        "status": STATUS,
        "taking_part": TAKING_PART,
        "welsh": pack.welsh,
    }


def pack_html(pack: WelcomePack) -> str:
    template = html_environment().get_template("pack.html.j2")
    return template.render(_view(pack))


__all__ = ["pack_html"]
