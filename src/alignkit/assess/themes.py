"""The assessment's view of the matching vocabulary: which themes a text mentions."""

from __future__ import annotations

from collections.abc import Callable, Collection

ThemeReader = Callable[[str], Collection[str]]
"""Text -> the community-safety themes it mentions (from the matching vocabulary)."""
