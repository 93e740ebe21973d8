"""Configuration: `alignkit.toml`, or `[tool.alignkit]` in `pyproject.toml`.

A force area's shared repository keeps its settings in one file so that a bare
`alignkit check` does the same thing on every machine and in CI. The file is found by
walking up from the working directory (the dedicated file wins over pyproject.toml; a
pyproject.toml without the table is passed over); `--config PATH` names one directly.
Paths in the file are relative to the folder it is in.

Every problem is a ConfigError (exit code 2) at the file, line and column, with a
did-you-mean for misspelt keys.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from rapidfuzz import process

from ..codes import CODES
from ..errors import AlignkitError
from ..load import DEFAULT_LIMITS, Limits, display_path
from ..load.source import FORBIDDEN_CONTROL, SourceError, read_text
from ..models.common import PlanDate
from ..models.governance import GovernanceEvent
from ..registry import format_names
from .toml_positions import Positions, key_positions, locate

CONFIG_FILE = "alignkit.toml"
PYPROJECT = "pyproject.toml"

SeverityName = Literal["error", "warning", "info"]


class ConfigError(AlignkitError):
    """The configuration cannot be used (exit code 2)."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class _Strict(BaseModel):
    # Built when first used: a run with no configuration file reads only the defaults
    # (Settings.model_construct, below), and need not build validators it never calls.
    model_config = ConfigDict(extra="forbid", defer_build=True)


class ThresholdSettings(_Strict):
    """Scores at which a pair counts as aligned or partial (see docs/matching.md)."""

    aligned: int = Field(75, ge=1, le=100)
    partial: int = Field(40, ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> ThresholdSettings:
        if self.partial >= self.aligned:
            raise ValueError("'partial' must be below 'aligned'")
        return self


class LimitSettings(_Strict):
    """Resource limits for reading files (see docs/limits.md); raise them only for good reason."""

    file_size_mib: int = Field(10, ge=1, le=1024, description="Largest file read, in MiB.")
    aliases: int = Field(20, ge=0, le=10_000, description="YAML aliases in one file.")
    depth: int = Field(50, ge=5, le=1_000, description="Nesting depth of one file.")
    files: int = Field(2_000, ge=1, le=1_000_000, description="Documents in one run.")
    items: int = Field(
        100,
        ge=1,
        le=100_000,
        description="Objectives, priorities, meetings or any other list in one file.",
    )

    def limits(self) -> Limits:
        return Limits(
            max_bytes=self.file_size_mib * 1024 * 1024,
            max_aliases=self.aliases,
            max_depth=self.depth,
            max_files=self.files,
            max_items=self.items,
        )


class OutputSettings(_Strict):
    """A report to write on every run: its format and file."""

    format: str = Field(description="A format of the check's report (see docs/ci.md).")
    path: str = Field(min_length=1)
    outside_repository: bool = Field(
        False,
        description="Allow a path outside the folder of the configuration file (refused "
        "otherwise: a shared repository's file must not write over a contributor's files).",
    )

    @field_validator("format")
    @classmethod
    def _registered(cls, value: str) -> str:
        # Read from the output registry when validating, so a new format is accepted here
        # as soon as it is registered.
        names = format_names("report")
        if value not in names:
            raise ValueError(f"unknown format {value!r}: use one of {', '.join(names)}")
        return value


class Waiver(_Strict):
    """A finding the partnership accepts on the record: who, why and until when."""

    code: str = Field(pattern=r"^AK\d{3}$")
    csp: str | None = None
    priority: str | None = None
    objective: str | None = None
    reason: str = Field(min_length=1)
    approved_by: str | None = None
    expires: dt.date

    def target(self) -> str:
        parts = [f"{k} {v}" for k, v in self._targets().items() if v is not None]
        return ", ".join(parts) or "every target"

    def _targets(self) -> dict[str, str | None]:
        return {"csp": self.csp, "priority": self.priority, "objective": self.objective}

    def matches(
        self, code: str, csp: str | None, priority: str | None, objective: str | None
    ) -> bool:
        found = {"csp": csp, "priority": priority, "objective": objective}
        return code == self.code and all(
            wanted is None or found[name] == wanted for name, wanted in self._targets().items()
        )


class Settings(_Strict):
    """Everything `alignkit.toml` may set. Command-line options win over these."""

    plan: str | None = Field(None, description="The police and crime plan file.")
    csps: list[str] = Field([], description="CSP files or folders.")
    fail_on: Literal["error", "warning", "never"] | None = None
    as_of: PlanDate | None = None
    vocabulary: list[str] = Field([], description="Extra vocabulary files.")
    thresholds: ThresholdSettings | None = None
    limits: LimitSettings | None = None
    severity: dict[str, SeverityName] = Field({}, description="Finding code -> severity.")
    outputs: list[OutputSettings] = []
    waivers: list[Waiver] = []
    governance: list[GovernanceEvent] = Field(
        [],
        description="Governance events for this force area (e.g. the date its board takes "
        "over), added to alignkit's table or replacing an entry with the same id.",
    )

    @field_validator("severity")
    @classmethod
    def _known_codes(cls, value: dict[str, SeverityName]) -> dict[str, SeverityName]:
        unknown = sorted(code for code in value if code not in CODES)
        if unknown:
            raise ValueError(
                f"unknown finding code(s): {', '.join(unknown)} (see docs/findings.md)"
            )
        return value


@dataclass
class Config:
    """The settings read, where from, and which keys the file set (for `alignkit config`)."""

    settings: Settings = field(default_factory=Settings.model_construct)
    path: Path | None = None
    text: str = ""
    prefix: tuple[str, ...] = ()
    """("tool", "alignkit") for pyproject.toml, () for alignkit.toml."""
    given: frozenset[str] = frozenset()

    @property
    def limits(self) -> Limits:
        return self.settings.limits.limits() if self.settings.limits else DEFAULT_LIMITS

    @property
    def folder(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def resolve(self, value: str) -> Path:
        """A path from the file, relative to the file's folder (shown relative when it can)."""
        path = Path(value)
        if path.is_absolute() or self.path is None:
            return path
        joined = self.folder / path
        try:
            return joined.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return joined

    @property
    def shown(self) -> str:
        return _shown(self.path) if self.path else "(defaults)"

    @cached_property
    def positions(self) -> Positions:
        """Where every key of the file is; scanned once, read for each error and waiver."""
        return key_positions(self.text)

    def position(self, *loc: str | int, key: bool = True) -> tuple[int, int] | None:
        """(line, column) of a key (or its value) or table in the file, or None."""
        if self.path is None:
            return None
        return locate(self.positions, (*self.prefix, *loc), key=key)

    def where(self, *loc: str | int) -> str:
        """`file:line:column` of a key in the file (just the file when not found)."""
        position = self.position(*loc)
        return f"{self.shown}:{position[0]}:{position[1]}" if position else self.shown


def _shown(path: Path) -> str:
    try:
        return display_path(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, or a link loop
        return display_path(path)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest alignkit.toml, or pyproject.toml with [tool.alignkit], walking up."""
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        dedicated = candidate / CONFIG_FILE
        if dedicated.is_file():
            return dedicated
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


# `[tool.alignkit]`, `[tool.alignkit.thresholds]`, or `alignkit = ...` under [tool]: a
# pyproject.toml that says any of these means to configure alignkit, even if it is broken.
_MENTIONS_TABLE = re.compile(
    r"^\s*(?:\[+\s*tool\s*\.\s*alignkit\b|(?:tool\s*\.\s*)?alignkit\s*[.=])", re.M
)


def _has_table(pyproject: Path) -> bool:
    """Whether pyproject.toml configures alignkit; a file that means to but is not valid
    TOML counts (load_config then reports where), so a typo never silently drops it."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return _MENTIONS_TABLE.search(text) is not None
    tool = data.get("tool")
    return isinstance(tool, dict) and "alignkit" in tool


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


_AT_END = " (at end of document)"


def _toml_problem(shown: str, text: str, exc: tomllib.TOMLDecodeError) -> str:
    """`alignkit.toml:3:7: not valid TOML: Invalid value`, located like every other error."""
    message = str(exc)
    at = _TOML_AT.search(message)
    if at is not None:
        return f"{shown}:{at[1]}:{at[2]}: not valid TOML: {message[: at.start()]}"
    if message.endswith(_AT_END):
        lines = text.split("\n")
        where = f"{len(lines)}:{len(lines[-1]) + 1}"
        return f"{shown}:{where}: not valid TOML: {message.removesuffix(_AT_END)}"
    return f"{shown}: not valid TOML: {message}"


def _read(path: Path, shown: str) -> str:
    """The file's text, with the limits and checks a document gets (size, a regular file,
    UTF-8, no control characters): `--config` may name a pipe or a link to /dev/zero."""
    if path.is_dir():
        raise ConfigError([f"{shown}: is a folder; --config needs a file"])
    try:
        return read_text(path, shown, DEFAULT_LIMITS)
    except SourceError as exc:
        found = exc.diagnostic
        where = (
            f"{shown}:{found.position.line}:{found.position.column}" if found.position else shown
        )
        raise ConfigError([f"{where}: {found.message}"]) from None


def load_config(path: Path | None = None, *, search: bool = True) -> Config:
    """Read the configuration at ``path``, or the one found from the working directory.

    No file at all is fine: the defaults apply.
    """
    if path is None:
        path = find_config() if search else None
        if path is None:
            return Config()
    shown = _shown(path)
    try:
        text = _read(path, shown)
    except OSError as exc:  # a name too long, a link loop: before the file is even opened
        raise ConfigError([f"{shown}: cannot be read: {exc.strerror or exc}"]) from None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([_toml_problem(shown, text, exc)]) from None
    prefix: tuple[str, ...] = ()
    if path.name == PYPROJECT:
        prefix = ("tool", "alignkit")
        table = data.get("tool", {}).get("alignkit") if isinstance(data.get("tool"), dict) else None
        if not isinstance(table, dict):
            raise ConfigError([f"{shown}: has no [tool.alignkit] table"])
        data = table
    config = Config(path=path, text=text, prefix=prefix, given=frozenset(data))
    try:
        config.settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError([_problem(config, error) for error in exc.errors()]) from None
    problems = [*_control_characters(config, data), *_outside_outputs(config)]
    if problems:
        raise ConfigError(problems)
    return config


def _located(config: Config, loc: tuple[str | int, ...], message: str) -> str:
    position = config.position(*loc, key=False)
    where = f"{config.shown}:{position[0]}:{position[1]}" if position else config.shown
    return f"{where}: {'.'.join(str(p) for p in loc)}: {message}"


def _control_characters(config: Config, data: Any, loc: tuple[str | int, ...] = ()) -> list[str]:
    """Text from the file reaches every report (a waiver's reason, who approved it): the
    control characters refused in documents (a terminal escape, say) are refused here too."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _control_characters(config, v, (*loc, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _control_characters(config, v, (*loc, i))]
    if isinstance(data, str) and (found := FORBIDDEN_CONTROL.search(data)):
        return [
            _located(
                config,
                loc,
                f"control character U+{ord(found.group()):04X} in the text: remove it",
            )
        ]
    return []


def _outside_outputs(config: Config) -> list[str]:
    """[[outputs]] outside the configuration's folder are refused unless marked: a shared
    repository's file must not write over a contributor's files elsewhere (~/.bashrc)."""
    problems = []
    for index, output in enumerate(config.settings.outputs):
        if output.outside_repository:
            continue
        target = os.path.abspath(config.folder / output.path)
        if os.path.commonpath([target, os.path.abspath(config.folder)]) != os.path.abspath(
            config.folder
        ):
            problems.append(
                _located(
                    config,
                    ("outputs", index, "path"),
                    f"{output.path!r} is outside the folder of {config.shown}; write reports "
                    "inside the repository, or add outside_repository = true to this output",
                )
            )
    return problems


_KNOWN_KEYS: dict[str, type[BaseModel]] = {
    "": Settings,
    "thresholds": ThresholdSettings,
    "limits": LimitSettings,
    "outputs": OutputSettings,
    "waivers": Waiver,
    "governance": GovernanceEvent,
}


def _problem(config: Config, error: Any) -> str:
    loc = tuple(error["loc"])
    extra = error["type"] == "extra_forbidden"
    position = config.position(*loc, key=extra)
    shown = _shown(config.path) if config.path else "configuration"
    where = f"{shown}:{position[0]}:{position[1]}" if position else shown
    name = ".".join(str(part) for part in loc) or "(top level)"
    message = f"{where}: {name}: {error['msg']}"
    if extra:
        table = next((str(p) for p in loc[:-1] if isinstance(p, str)), "")
        model = _KNOWN_KEYS.get(table)
        if model is not None:
            guess = process.extractOne(str(loc[-1]), list(model.model_fields), score_cutoff=70)
            if guess:
                message += f" (did you mean '{guess[0]}'?)"
    return message
