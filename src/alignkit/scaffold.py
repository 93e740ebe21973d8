"""`alignkit init`: the files a force area's shared repository starts from.

Everything a partnership needs on day one: a plan and one CSP file to copy, the
configuration, a GitHub Actions workflow, a pre-commit configuration, editor settings
that map the JSON Schemas (copied in, so completion works offline). An existing file is
never overwritten: init only ever adds what is missing.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import AlignkitError
from .schemas import generated_files

REPOSITORY = "https://github.com/alignkit/alignkit"
"""Where the pre-commit hook and the workflow install alignkit from."""

_SAFE_NAME = re.compile(r"^[A-Za-z][A-Za-z &'.-]{0,60}$")

# Package file -> path in the new repository.
_FILES = {
    "plan.yaml": "plan.yaml",
    "csp.yaml": "csps/example-csp.yaml",
    "alignkit.toml": "alignkit.toml",
    "workflow.yml": ".github/workflows/alignkit.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "vscode-settings.json": ".vscode/settings.json",
    "gitignore": ".gitignore",
}

SCHEMAS_USED = ("police-and-crime-plan.schema.json", "community-safety-partnership.schema.json")


class ScaffoldError(AlignkitError):
    """The scaffold cannot be written (exit code 2)."""


@dataclass(frozen=True)
class Outcome:
    path: str
    written: bool


def _template(name: str) -> str:
    return (importlib.resources.files("alignkit") / "data" / "init" / name).read_text("utf-8")


def _dates(today: dt.date) -> dict[str, str]:
    """Dates for the templates that are current on ``today``: a plan from this financial
    year to at least 2028/29 (PCC terms end in May 2028), and a waiver example that expires
    at the end of the next financial year, not one already past."""
    first = today.year - (today.month < 4)
    last = max(first + 2, 2028)
    return {
        "{plan_years}": f"{first}-{last + 1}",
        "{plan_period}": f"{first}/{(first + 1) % 100:02d}-{last}/{(last + 1) % 100:02d}",
        "{waiver_expires}": f"{first + 2}-03-31",
    }


def planned_files(force_area: str, today: dt.date | None = None) -> dict[str, str]:
    """Path in the repository -> content, for everything init writes.

    ``today`` (injected for tests) sets the example dates, so a new repository never starts
    with a plan that has ended or a waiver that has expired."""
    if not _SAFE_NAME.match(force_area):
        raise ScaffoldError(
            f"{force_area!r}: give the force area as plain words, e.g. 'Devon and Cornwall'"
        )
    values = {
        "{force_area}": force_area,
        "{version}": __version__,
        "{repository}": REPOSITORY,
        "{install}": f"alignkit @ git+{REPOSITORY}@v{__version__}",
        **_dates(today or dt.date.today()),
    }
    files: dict[str, str] = {}
    for source, target in _FILES.items():
        text = _template(source)
        for key, value in values.items():
            text = text.replace(key, value)
        files[target] = text
    schemas = generated_files()
    for name in SCHEMAS_USED:
        files[f"schemas/{name}"] = schemas[name]
    return files


def scaffold(folder: Path, force_area: str) -> list[Outcome]:
    """Write every missing file under ``folder``; report each as written or kept."""
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder} is a file; give a folder for the new repository")
    outcomes: list[Outcome] = []
    for relative, content in planned_files(force_area).items():
        target = folder / relative
        if target.exists() or target.is_symlink():
            outcomes.append(Outcome(relative, written=False))
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # 'x': fail rather than replace a file that appeared since the check above.
            with target.open("x", encoding="utf-8", newline="\n") as stream:
                stream.write(content)
        except FileExistsError:
            outcomes.append(Outcome(relative, written=False))
            continue
        except OSError as exc:
            raise ScaffoldError(f"cannot write {target}: {exc.strerror or exc}") from None
        outcomes.append(Outcome(relative, written=True))
    return outcomes
