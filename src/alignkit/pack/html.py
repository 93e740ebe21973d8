"""The welcome pack as one self-contained HTML page that prints as a booklet.

Its words are the pack's view (pack/view.py), which the Markdown pack prints too.
On screen: an overview and a section per partnership. In print: the overview, then each
partnership on a page of its own. No scripts and no external files, so it can be emailed,
opened offline or printed; text from the YAML files is escaped by the template engine.
"""

from __future__ import annotations

from ..markup import html_environment
from . import view
from .model import WelcomePack


def _view(pack: WelcomePack) -> dict[str, object]:
    return {
        "p": pack,
        "total": len(pack.partnerships),
        "names": {x.id: x.name for x in pack.partnerships},
        "view": view.pack_view(pack),
        "section": view.SECTION,
        "columns": view.COLUMNS,
        "say": view.SAY,
        "event_words": view.EVENT_WORDS,
        "status": view.STATUS,
        "taking_part": view.TAKING_PART,
        "facts": view.facts,
        "tier": view.tier,
        "best_objective": view.best_objective,
        "welsh": pack.welsh,
    }


def pack_html(pack: WelcomePack) -> str:
    template = html_environment().get_template("pack.html.j2")
    return template.render(_view(pack))


__all__ = ["pack_html"]
