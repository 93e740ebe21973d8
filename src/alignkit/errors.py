"""The one base class of alignkit's expected errors.

Every error a user can cause (a bad path, configuration, vocabulary file or output
target) derives from AlignkitError, so the command line maps them all to a clear message
and an exit code in one place; anything else is a bug and reaches the crash guard.
"""

from __future__ import annotations


class AlignkitError(Exception):
    """Something the user can put right: reported as a sentence, never a traceback."""


class Interrupted(BaseException):
    """Ctrl-C: raised by alignkit's own SIGINT handler instead of KeyboardInterrupt, which
    click would turn into "Aborted!" and exit code 1 (the code for findings)."""
