"""Golden files: a report compared byte for byte with the one kept in tests/.

After an intended change, `ALIGNKIT_UPDATE_GOLDEN=1 make test` rewrites them; read the
diff before committing it, it is what users will see. The tool's version is written as
X.Y.Z so that a release does not change them.
"""

from __future__ import annotations

import os
from pathlib import Path

from alignkit import __version__


def _versionless(content: str) -> str:
    return content.replace(f"alignkit {__version__}", "alignkit X.Y.Z").replace(
        f'"{__version__}"', '"X.Y.Z"'
    )


def same_as_golden(path: os.PathLike[str], content: str | bytes) -> None:
    golden = Path(path)
    if isinstance(content, bytes):  # bytes where line endings matter (iCalendar's CRLF)
        content = _versionless(content.decode("utf-8")).encode("utf-8")
    else:
        content = _versionless(content).encode("utf-8")
    if os.environ.get("ALIGNKIT_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(content)
    assert golden.exists(), f"{golden} is missing: run with ALIGNKIT_UPDATE_GOLDEN=1 to create it"
    assert content == golden.read_bytes(), (
        f"{golden.name} differs from {golden}; if the change is intended, run the tests with "
        "ALIGNKIT_UPDATE_GOLDEN=1 and review the diff"
    )
