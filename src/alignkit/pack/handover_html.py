"""The handover pack as one self-contained HTML page (no scripts, nothing loaded)."""

from __future__ import annotations

from ..markup import html_environment
from .handover import HandoverPack


def handover_html(pack: HandoverPack) -> str:
    return html_environment().get_template("handover.html.j2").render(h=pack)


__all__ = ["handover_html"]
