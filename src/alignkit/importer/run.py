"""What `alignkit import` does, apart from parsing options: read, report, write.

The command line maps the outcome to an exit code. Diagnostics and progress go to stderr;
stdout carries only the YAML document (when no --output is given).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from ..load import display_path
from ..models import CSP_KIND, PLAN_KIND
from ..output import to_stdout
from ..validate import load_document
from .build import Imported
from .cells import CellDiagnostic

KIND_NAMES = {"plan": PLAN_KIND, "csp": CSP_KIND, PLAN_KIND: PLAN_KIND, CSP_KIND: CSP_KIND}


class Outcome(Enum):
    DONE = "done"
    USAGE = "usage"
    """The command was used wrongly: nothing read or written (exit 2)."""
    INVALID = "invalid"
    """The spreadsheet or document has problems: they were listed, nothing written (exit 3)."""


class Refused(Exception):
    """A usage problem, said in one sentence."""


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")


def report(diagnostics: list[CellDiagnostic]) -> None:
    """Every problem as ``file.xlsx:Sheet!B7: CODE message`` with its hint, then a count."""
    for d in diagnostics:
        _say(f"{d.location()}: {d.code} {' '.join(d.message.split())}")
        if d.hint:
            _say("    hint: " + d.hint.replace("\n", "\n          "))
    count = len(diagnostics)
    _say(f"\n{count} problem{'s' if count != 1 else ''}; nothing was written.")


def check_target(target: Path, inputs: list[Path], force: bool) -> None:
    """Never write over an input; never replace an existing file without --force, nor a
    pipe or a device (`/dev/null`) even with it; an unusable path is a sentence."""
    try:
        info = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as exc:  # a name too long, a link loop
        raise Refused(f"cannot write {target}: {exc.strerror or exc}") from None
    same = info is not None and any(p.exists() and os.path.samefile(target, p) for p in inputs)
    if same or any(os.path.abspath(target) == os.path.abspath(p) for p in inputs):
        raise Refused(f"{target} is the input file; choose another output file")
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise Refused(f"{target} is a folder; give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise Refused(f"{target} is not a regular file (a pipe or a device); give a file name")
    if info is not None and not force:
        raise Refused(f"{target} already exists; choose another file, or give --force")


def write_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """Write via a temporary file beside ``target``: a half-written file must never be
    left behind where an officer would open it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(content: str, target: Path | None) -> None:
    """stdout, or ``target`` written atomically."""
    if target is None:
        to_stdout(content)
        return
    write_atomically(target, lambda path: path.write_text(content, encoding="utf-8"))


def import_to_yaml(
    spreadsheet: Path,
    output: Path | None,
    *,
    force: bool,
    kind: str | None,
    details: dict[str, str],
    encoding: str,
) -> Outcome:
    from . import document_yaml, import_spreadsheet

    suffix = spreadsheet.suffix.lower()
    if not spreadsheet.is_file():
        raise Refused(f"{spreadsheet}: no such file")
    if suffix not in (".xlsx", ".csv"):
        raise Refused(f"{spreadsheet}: give an .xlsx workbook or a .csv file")
    if suffix == ".csv":
        kind = _csv_kind(kind, details)
    elif kind or details:
        raise Refused(
            "--kind, --force-area, --id and --name are for CSV files; a workbook gives them "
            "in its Plan or Partnership sheet"
        )
    if output is not None:
        check_target(output, [spreadsheet], force)
    shown = display_path(spreadsheet)
    imported: Imported = import_spreadsheet(
        spreadsheet, shown, kind=kind, details=details, encoding=encoding
    )
    if imported.model is None or imported.diagnostics:
        report(imported.diagnostics)
        return Outcome.INVALID
    write_text(document_yaml(imported.model, shown, output), output)
    if output is not None:
        _say(f"wrote {output}: check it with `alignkit validate {output}`")
    return Outcome.DONE


def _csv_kind(kind: str | None, details: dict[str, str]) -> str:
    if kind is None:
        raise Refused("a CSV file holds only the rows: give --kind plan or --kind csp")
    needed = ["force_area", "title"] if kind == PLAN_KIND else ["id", "name", "force_area"]
    missing = [name for name in needed if name not in details]
    if missing:
        options = {"force_area": "--force-area", "title": "--name", "id": "--id", "name": "--name"}
        raise Refused(
            "a CSV file holds only the rows: give "
            + " and ".join(options[m] for m in missing)
            + (" (the plan's title)" if kind == PLAN_KIND else "")
        )
    return kind


def write_template(
    output: Path | None, *, force: bool, kind: str | None, source: Path | None
) -> Outcome:
    from .layout import LAYOUTS
    from .template import build_workbook

    if output is None or output.suffix.lower() != ".xlsx":
        raise Refused("--template writes a workbook: give --output FILE.xlsx")
    check_target(output, [source] if source else [], force)
    model = None
    if source is not None:
        if not source.is_file():
            raise Refused(f"{source}: no such file")
        document = load_document(source)
        if document.model is None or document.diagnostics:
            for d in document.diagnostics:
                _say(f"{d.location()}: {d.code} {d.message}")
            _say(f"\n{source} is not a valid document; nothing was written.")
            return Outcome.INVALID
        model = document.model
        if kind is not None and kind != model.kind:
            raise Refused(f"--kind says {kind}, but {source} is a {model.kind}")
        kind = model.kind
    if kind is None:
        raise Refused("say which template: --kind plan or --kind csp (or --from a document)")
    book = build_workbook(LAYOUTS[kind], model)
    write_atomically(output, book.save)
    _say(f"wrote {output}: fill it in, then run `alignkit import {output}`")
    return Outcome.DONE
