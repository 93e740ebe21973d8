"""Find which model (and field) a pydantic error location refers to.

Used to offer 'did you mean' among the keys allowed at that exact place, and to quote a
field's description as a hint.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The BaseModel classes an annotation can hold, looking through Optional, list, Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (list, tuple, Union, types.UnionType):
        found: list[type[BaseModel]] = []
        for arg in typing.get_args(annotation):
            found.extend(_models_in(arg))
        return found
    return []


def model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model whose fields are valid at ``loc`` (a path of keys and list indexes)."""
    current: type[BaseModel] | None = root
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue  # list index: same item type
        field = current.model_fields.get(part)
        if field is None:
            return None
        models = _models_in(field.annotation)
        current = models[0] if models else None
    return current


def field_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> FieldInfo | None:
    """The field definition for the last key in ``loc``, if it is a known field."""
    keys = [i for i, part in enumerate(loc) if isinstance(part, str)]
    if not keys:
        return None
    last = keys[-1]
    parent = model_at(root, loc[:last])
    if parent is None:
        return None
    name = loc[last]
    assert isinstance(name, str)
    return parent.model_fields.get(name)
