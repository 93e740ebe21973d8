"""The `alignkit` console script: Ctrl-C handled from the first moment.

The command line module imports typer and click, which takes a noticeable moment; an
interrupt then must print a sentence and exit 130, not a traceback. So the SIGINT handler
is installed here, before anything heavy is imported.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from types import FrameType, ModuleType

from .errors import Interrupted

EXIT_INTERRUPTED = 130
"""128 + SIGINT, as shells report an interrupted command."""


def interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted


PLUGIN_LOADER = "pydantic.plugin._loader"
NO_PLUGINS = ("__all__", "1", "true")
"""The values of PYDANTIC_DISABLE_PLUGINS with which pydantic loads no plugin at all."""


def skip_plugin_loader() -> None:
    """With every plugin off, give pydantic its plugin loader as what it then is: a
    function that returns no plugins.

    The loader's module imports importlib.metadata (and with it email, zipfile, csv,
    socket, tempfile: about 0.015 s, a tenth of what a check adds to importing its
    libraries) only to be able to scan entry points, which PYDANTIC_DISABLE_PLUGINS tells
    it not to do. pydantic imports nothing from it but ``get_plugins`` (a test reads
    pydantic's source to hold it to that); with any other setting, or once the real
    loader is loaded, pydantic's own loader is used."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in NO_PLUGINS:
        return
    if PLUGIN_LOADER in sys.modules:
        return
    loader = ModuleType(PLUGIN_LOADER, "No pydantic plugins: PYDANTIC_DISABLE_PLUGINS is set.")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[PLUGIN_LOADER] = loader


def _no_plugins() -> tuple[()]:
    return ()


def main() -> None:
    signal.signal(signal.SIGINT, interrupt)
    # One run of the command line makes hundreds of thousands of objects that live until
    # it ends (modules, documents, profiles, pairs, findings) and next to no reference
    # cycles: the cyclic collector only walks them again and again (a tenth of a large
    # force area's run, and its peak memory is the same without it). The process ends
    # when the run does, and frees everything then. In-process callers (tests, tools that
    # import alignkit) keep their collector: `collections_tuning` only tunes it there.
    gc.disable()
    # pydantic looks for plugins (observability hooks that watch every validation) among
    # the entry points of every installed package the first time a model is built: a
    # scan of the whole environment that costs more than validating a force area, and a
    # way for unrelated packages to change what a check does. alignkit validates with no
    # plugins; anyone who truly wants them can still set the variable themselves.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    skip_plugin_loader()
    try:
        from .cli import main as run

        run()
    except Interrupted:
        sys.stderr.write("alignkit: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
