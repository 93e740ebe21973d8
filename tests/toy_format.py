"""A toy report format, registered by tests to show that a new format is one module and
one line in alignkit.registry.DOCUMENTS."""

from __future__ import annotations

from alignkit.assess import CheckResult


def render_toy(result: CheckResult) -> str:
    return f"toy report: {len(result.csps)} CSP, {len(result.findings)} findings (alignkit)\n"


def render_broken(result: CheckResult) -> str:
    raise RuntimeError("a bug inside a renderer")


def render_toy_zip(result: CheckResult) -> bytes:
    """A binary toy: a zip whose member names its maker, as an Office file's properties do."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        info = zipfile.ZipInfo("maker.txt", date_time=(2026, 11, 22, 0, 0, 0))
        package.writestr(info, f"made by toy alignkit: {len(result.csps)} CSP\n")
    return out.getvalue()
