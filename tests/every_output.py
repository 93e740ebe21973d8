"""Every document alignkit makes, in every format of the output registry, written through
the command line: for tests that read what a user would get from each."""

from __future__ import annotations

from pathlib import Path

from alignkit.registry import DOCUMENTS
from conftest import run
from office import readable

AS_OF = "2026-11-22"


def every_output(plan: str = "plan.yaml", csps: str = "csps", as_of: str = AS_OF) -> dict[str, str]:
    """Every document in every format, written through the command line."""
    made = {}
    commands = {
        "report": ["check"],
        "calendar": ["calendar"],
        "pack": ["pack"],
        "handover": ["pack", "--for", "successor"],
        "summary": ["summary"],
    }
    arguments = {kind: [*command, plan, csps] for kind, command in commands.items()}
    # The diff compares the documents with a report of themselves: an empty diff.
    base = run("check", plan, csps, "--as-of", as_of, "--format", "json").stdout
    Path("base-report.json").write_text(base, encoding="utf-8")
    arguments["diff"] = ["diff", "base-report.json", "--plan", plan, "--csps", csps]
    for kind, document in DOCUMENTS.items():
        for name, fmt in document.formats.items():
            target = ("-o", f"{kind}.{fmt.extension}") if fmt.binary else ()
            result = run(*arguments[kind], "--as-of", as_of, "--format", name, *target)
            assert result.exit_code in (0, 1), (kind, name, result.stderr)
            made[f"{kind}.{name}"] = readable(Path(target[1])) if target else result.stdout
    return made
