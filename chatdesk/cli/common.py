"""What every headless command shares: the data folder, the store, and errors in words."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from chatdesk import paths

if TYPE_CHECKING:
    from chatdesk.store import Store


# Every ``--json`` of every subcommand prints JSON Lines: one JSON object per line, one line per
# item, UTF-8 (non-ASCII as is), flushed as it is printed so a pipe sees results as they come.
JSON_LINES_HELP = "print JSON Lines: one JSON object per {what}, one per line"


def print_json_line(obj: object) -> None:
    """One line of a ``--json`` output (see JSON_LINES_HELP)."""
    import json

    print(json.dumps(obj, ensure_ascii=False), flush=True)


class CommandError(RuntimeError):
    """A failure to report as one line on stderr and a non-zero exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def fail(command: str, message: str, code: int = 2) -> int:
    print(f"chatdesk {command}: {message}", file=sys.stderr, flush=True)
    return code


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", help=f"the ChatDesk data folder (default: ${paths.ENV_HOME}, else the platform's user data folder)"
    )


@contextmanager
def open_store(*, must_exist: bool = True) -> Iterator[Store]:
    """The data folder's database; store, path and disk errors become ``CommandError``."""
    from chatdesk.store import Store, StoreError

    if must_exist and not paths.database_path().exists():
        raise CommandError(f"There is no ChatDesk database in {paths.data_dir()}.")
    try:
        paths.ensure_data_dir()
        store = Store(paths.database_path(), paths.backups_dir())
    except (StoreError, paths.DataDirError) as exc:
        raise CommandError(str(exc)) from exc
    try:
        yield store
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        raise CommandError(f"{exc.strerror or exc}{where}") from exc
    finally:
        store.close()
