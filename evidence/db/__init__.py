"""Persistence: SQLAlchemy 2 models, engine/session factory, Alembic migrations."""

from evidence.db.session import Database, open_database

__all__ = ["Database", "open_database"]
