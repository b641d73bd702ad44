"""Store failures, each carrying a sentence a user can act on."""

from __future__ import annotations

import sqlite3

from translatable import msg


class StoreError(RuntimeError):
    """A database problem, with a human-readable message."""


class DatabaseLockedError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


def humanize(exc: BaseException, path: object = None) -> StoreError:
    """Translate an SQLAlchemy/sqlite3 error into a StoreError with an actionable message."""
    original = getattr(exc, "orig", exc)
    text = str(original).lower()
    # " (path)" after "database", or nothing: where is a param, so one template serves both.
    where = f" ({path})" if path else ""
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(msg(
            "The conversation database{where} is locked by another program. "
            "Close other copies of ChatDesk or tools using it, then try again. Nothing was lost.", where=where
        ))
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return DiskFullError(msg(
            "The disk holding the conversation database{where} is full. "
            "Free some space; your text stays in the window until it can be saved.", where=where
        ))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(msg(
            "The conversation database{where} cannot be written (read-only or unreachable). "
            "Check the folder's permissions or choose another with --data-dir.", where=where
        ))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(msg(
            "The conversation database{where} is damaged or is not a ChatDesk database. "
            "Restore a copy from the backups folder, or start with another --data-dir.", where=where
        ))
    return StoreError(msg("Database error{where}: {error}", where=where, error=str(original)))


def store_exceptions() -> tuple[type[BaseException], ...]:
    """The driver errors that ``humanize`` translates (SQLAlchemy is imported only by then)."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    return (OperationalError, DBAPIError, sqlite3.Error)
