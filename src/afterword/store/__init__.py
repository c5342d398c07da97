"""The storage adapter: SQLAlchemy tables, Alembic migrations and repositories.

Nothing in the core imports this package; the use cases in :mod:`afterword.services` do.
"""
