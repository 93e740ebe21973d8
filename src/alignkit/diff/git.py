"""Reading a git revision of the force area's repository without checking it out.

`git ls-tree` lists the files a revision holds under the plan's and partnerships' paths
and `git cat-file --batch` reads them all in one process; they are written to a
temporary folder laid out as the repository is, so the same pipeline assesses them. The
working tree, the index and HEAD are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ..errors import AlignkitError


class GitError(AlignkitError):
    """git is missing, or a revision cannot be read (exit code 2)."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed: give BASE as a JSON report instead")
    return subprocess.run(
        [git, "-C", str(root), *args],
        input=stdin,
        capture_output=True,
        check=False,
        # A prompt for credentials or a pager would hang a CI job.
        env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"},
    )


def repository_root(folder: Path) -> Path | None:
    """The top of the git working tree (or worktree) holding ``folder``, or None."""
    if shutil.which("git") is None:
        return None
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        return None
    return Path(os.fsdecode(done.stdout).strip())


def commit_of(root: Path, revision: str) -> str | None:
    """The commit ``revision`` names in the repository at ``root``, or None."""
    if not revision or revision.startswith("-"):
        return None  # never read as an option of git's
    done = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if done.returncode != 0:
        return None
    return done.stdout.decode("ascii").strip()


def materialise(root: Path, commit: str, paths: Sequence[str], folder: Path) -> list[str]:
    """Write the files ``commit`` holds under ``paths`` (relative to ``root``) into
    ``folder`` at the same relative paths; returns the paths written. A path the commit
    does not hold (a file this change adds) is simply absent."""
    listed = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths)
    if listed.returncode != 0:
        raise GitError(f"cannot list the files of {commit[:12]}: {listed.stderr.decode().strip()}")
    blobs: list[tuple[str, str]] = []
    for entry in listed.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_name = entry.partition(b"\t")
        mode, kind, oid = meta.decode("ascii").split()
        if kind == "blob" and mode != "120000":  # files, not symbolic links
            blobs.append((oid, os.fsdecode(raw_name)))
    if not blobs:
        return []
    read = _git(root, "cat-file", "--batch", stdin="".join(f"{o}\n" for o, _ in blobs).encode())
    if read.returncode != 0:
        raise GitError(f"cannot read the files of {commit[:12]}: {read.stderr.decode().strip()}")
    out = read.stdout
    at = 0
    for _, name in blobs:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        content = out[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1
        target = folder.joinpath(*name.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return [name for _, name in blobs]
