"""The ``frameworks`` row of a catalog: the foreign key of batches, suggestions, reviews and snapshots."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from evidence.catalog import Catalog
from evidence.db.models import Framework


def ensure_framework(session: Session, catalog: Catalog) -> None:
    """Create the catalog's row on first use; every writer that keys a row by framework calls this first."""
    row = session.get(Framework, catalog.id)
    if row is not None:
        return
    try:  # concurrent first uploads race to create it; the loser just uses the winner's row
        with session.begin_nested():
            session.add(Framework(id=catalog.id, name=catalog.framework.name,
                                  catalog_version=catalog.framework.catalog_version))
    except IntegrityError:
        pass
