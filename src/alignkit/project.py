"""One resolved project: `alignkit.toml` (or `[tool.alignkit]`) plus the command line.

Every command that reads the documents resolves its settings here, once, so `check`,
`calendar`, `pack`, `summary` and `baseline` see the same plan, partnerships, date,
thresholds, vocabulary, severities and waivers, and two documents of one run never
disagree. Command-line values win over the file; `origins` says where each came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from .config import Config, ThresholdSettings
from .errors import AlignkitError
from .load import Limits
from .models.common import EARLIEST_YEAR, LATEST_YEAR

COMMAND_LINE = "command line"


class ProjectError(AlignkitError):
    """The command line and the configuration do not make a usable project (exit code 2)."""


class Project(NamedTuple):
    """Everything one run needs to know, resolved."""

    config: Config
    plan: Path
    csps: tuple[Path, ...]
    as_of: dt.date
    fail_on: str
    vocabulary: tuple[Path, ...]
    origins: dict[str, str]
    """Setting name -> 'command line', the `file:line:column` it was set at, or 'default'."""

    @property
    def thresholds(self) -> ThresholdSettings | None:
        return self.config.settings.thresholds

    @property
    def limits(self) -> Limits:
        return self.config.limits

    @property
    def severity(self) -> dict[str, str]:
        return dict(self.config.settings.severity)

    def describe_origins(self) -> str:
        """'settings: plan from the command line, thresholds from alignkit.toml:7:1, …'."""
        return "settings: " + ", ".join(
            f"{name} from {'the ' if origin == COMMAND_LINE else ''}{origin}"
            for name, origin in self.origins.items()
        )

    def outputs(self) -> list[tuple[str, Path]]:
        """The reports the configuration writes on every run: (format, file)."""
        return [(o.format, self.config.resolve(o.path)) for o in self.config.settings.outputs]

    def protected(self) -> list[Path]:
        """Files no output may replace: the configuration and the vocabulary files (the
        documents are added by the pipeline, which knows which files it read)."""
        config = [self.config.path] if self.config.path is not None else []
        return [*config, *self.vocabulary]


def parse_as_of(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD date from the command line; ProjectError for anything else."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ProjectError(f"--as-of {value!r}: give a date as YYYY-MM-DD") from None
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        # The same bounds as dates in documents: date arithmetic must not run off the end.
        raise ProjectError(
            f"--as-of {value}: give a date between {EARLIEST_YEAR} and {LATEST_YEAR}"
        )
    return day


def _origin(config: Config, name: str, given: bool) -> str:
    if given:
        return COMMAND_LINE
    return config.where(name) if name in config.given else "default"


def resolve_project(
    config: Config,
    *,
    plan: Path | None = None,
    csps: Sequence[Path] = (),
    as_of: str | None = None,
    fail_on: str | None = None,
    vocabulary: Sequence[Path] = (),
    today: dt.date | None = None,
) -> Project:
    """The project for one command: command-line values first, then the file, then defaults."""
    settings = config.settings
    if plan is None:
        if settings.plan is None:
            raise ProjectError("give the plan file (or set 'plan' in alignkit.toml)")
        plan_path = config.resolve(settings.plan)
    else:
        plan_path = plan
    csp_paths = tuple(csps) or tuple(config.resolve(c) for c in settings.csps)
    if not csp_paths:
        raise ProjectError("give the CSP files or folders (or set 'csps' in alignkit.toml)")
    day = parse_as_of(as_of) or settings.as_of or today or dt.date.today()
    origins = {
        "plan": _origin(config, "plan", plan is not None),
        "csps": _origin(config, "csps", bool(csps)),
        "as_of": _origin(config, "as_of", as_of is not None),
        "fail_on": _origin(config, "fail_on", fail_on is not None),
        "vocabulary": _origin(config, "vocabulary", bool(vocabulary)),
        **{name: _origin(config, name, False) for name in ("thresholds", "severity", "waivers")},
    }
    return Project(
        config=config,
        plan=plan_path,
        csps=csp_paths,
        as_of=day,
        fail_on=fail_on or settings.fail_on or "error",
        vocabulary=(*(config.resolve(v) for v in settings.vocabulary), *vocabulary),
        origins=origins,
    )
