"""Loading a row the caller knows exists: a claimed document, its batch, a content's processor."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

M = TypeVar("M")


def existing(session: Session, model: type[M], key: Any) -> M:
    """``session.get`` for a row that must be there (a lease or a foreign key says so); a missing one is a
    bug or a concurrent delete, raised as ``LookupError`` rather than passed on as None."""
    found = session.get(model, key)
    if found is None:
        raise LookupError(f"{model.__name__} {key!r} does not exist")
    return found
