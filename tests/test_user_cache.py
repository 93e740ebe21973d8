"""The cache of compiled templates (issue 18): it makes pages quicker and never changes
them, and any trouble with it only means compiling again."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from alignkit import __version__
from alignkit.user_cache import ENVIRONMENT, cache_root, template_cache
from conftest import ROOT, run

WESSEX = ROOT / "examples" / "wessex"
HTML = (
    str(WESSEX / "plan.yaml"),
    str(WESSEX / "csps"),
    "--as-of",
    "2026-11-22",
    "--fail-on",
    "never",
    "--format",
    "html",
)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(ENVIRONMENT, str(folder))
    return folder


def _page() -> str:
    result = run("check", *HTML)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_pages_are_the_same_with_a_cold_a_warm_and_a_corrupt_cache(cache):
    cold = _page()
    kept = list((cache / f"templates-{__version__}").iterdir())
    assert kept, "the compiled templates are kept"
    assert _page() == cold
    for path in kept:  # garbage where the compiled code was
        path.write_bytes(b"j2 not really bytecode \x00\xff" * 10)
    assert _page() == cold
    for path in kept:
        path.write_bytes(b"")
    assert _page() == cold


def test_no_cache_when_turned_off(monkeypatch):
    monkeypatch.setenv(ENVIRONMENT, "")
    assert cache_root() is None and template_cache(__version__) is None


def test_the_default_folder_is_under_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv(ENVIRONMENT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "alignkit"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/not/allowed")
    assert cache_root() == Path.home() / ".cache" / "alignkit"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_folder_others_can_write_or_a_link_is_not_used(cache, tmp_path):
    folder = cache / f"templates-{__version__}"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert template_cache(__version__) is None
    assert _page()  # still works, compiling every time
    assert not list(folder.iterdir())
    folder.rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    folder.symlink_to(elsewhere)
    assert template_cache(__version__) is None


def test_a_full_or_read_only_cache_only_means_compiling_again(cache, monkeypatch):
    """Writing the compiled template fails (a full disk, a read-only folder): the page is
    made all the same."""
    import errno
    import tempfile

    from alignkit.words import template_environment

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", full)
    template = template_environment().get_template("report.html.j2")
    assert template.render  # compiled, though nothing could be kept
    assert not list((cache / f"templates-{__version__}").iterdir())


def test_a_cache_that_cannot_be_made_only_means_compiling_again(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, str(blocker / "cache"))
    assert template_cache(__version__) is None
    assert _page()
