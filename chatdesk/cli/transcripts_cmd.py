"""``chatdesk backup | export | import``: copies of the database and transcripts, headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from chatdesk import paths
from chatdesk.cli.common import CommandError, add_data_dir, open_store


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="make a consistent copy of the conversation database")
    add_data_dir(b)
    b.add_argument("-o", "--output", required=True)
    b.set_defaults(run=run_backup)

    e = sub.add_parser("export", help="export conversations as transcripts")
    add_data_dir(e)
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--conversation", type=int, action="append", help="conversation id (repeatable)")
    which.add_argument("--all", action="store_true")
    e.add_argument("--format", choices=["md", "json", "html", "txt"], required=True)
    e.add_argument("-o", "--output", required=True)
    e.set_defaults(run=run_export)

    i = sub.add_parser("import", help="import conversations from a ChatDesk JSON transcript")
    add_data_dir(i)
    i.add_argument("file")
    i.set_defaults(run=run_import)


def run_backup(args: argparse.Namespace) -> int:
    with open_store() as store:
        out = store.backup(Path(args.output))
    print(f"Backed up {paths.database_path()} to {out}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from chatdesk import archive

    with open_store() as store:
        try:
            n = archive.export_conversations(store, args.conversation if not args.all else None, args.format, Path(args.output))
        except archive.ArchiveError as exc:
            raise CommandError(str(exc)) from exc
    print(f"Exported {n} conversation(s) to {args.output}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from chatdesk import archive

    if not Path(args.file).is_file():
        raise CommandError(f"{args.file} does not exist or is not a file.")
    with open_store(must_exist=False) as store:
        try:
            report = archive.import_file(store, Path(args.file))
        except archive.ArchiveError as exc:
            raise CommandError(str(exc)) from exc
    print(report.summary())
    return 0
