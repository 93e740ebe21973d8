"""`alignkit baseline`: waivers for today's findings, to adopt alignkit in a repository
that already has some."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..assess.findings import Finding
from .waivers import UNWAIVABLE

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and every control character escaped, so
    no user text can end the string or the line."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04X}", escaped) + '"'


def _comment(text: str) -> str:
    """A TOML comment of one line: line breaks and control characters become spaces (a
    partnership name with a line break must not start a line of its own)."""
    return "# " + " ".join(_CONTROL.sub(" ", text).split())[:200]


def baseline_waivers(findings: Sequence[Finding], expires: dt.date) -> str:
    """[[waivers]] for every finding not already waived, errors and warnings only.

    The reason is a placeholder on purpose: a partnership adopting alignkit accepts
    today's findings for now, and has to say why before the waivers expire.
    """
    blocks: list[str] = []
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    for f in findings:
        key = (f.code, f.csp, f.priority, f.objective)
        if f.waived or f.severity == "info" or f.code in UNWAIVABLE or key in seen:
            continue
        seen.add(key)
        lines = ["[[waivers]]", f"code = {_toml_string(f.code)}"]
        for field in ("csp", "priority", "objective"):
            value = getattr(f, field)
            if value is not None:
                lines.append(f"{field} = {_toml_string(value)}")
        lines += [
            _comment(f"{f.location()}: {f.message}"),
            'reason = "TODO: say why this finding is accepted for now"',
            'approved_by = "TODO"',
            f"expires = {expires.isoformat()}",
        ]
        blocks.append("\n".join(lines))
    header = (
        f"# {len(blocks)} waivers for today's findings, expiring {expires.isoformat()}.\n"
        "# Paste them into alignkit.toml, then replace each TODO with the partnership's\n"
        "# reason and who approved it.\n"
    )
    return header + "\n\n".join(blocks) + ("\n" if blocks else "")
