"""Command line: ``chatdesk`` opens the window; ``backup``, ``export`` and ``import`` work headless.

Qt is imported only when the window is opened, so the headless commands start fast and run on
machines without a display.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chatdesk import __version__, paths

SUBCOMMANDS = ("backup", "export", "import")


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chatdesk", description="Offline desktop chat with local GPT models.")
    p.add_argument("--data-dir", help="keep all ChatDesk data (database, models, settings) in this folder")
    p.add_argument("--model", help="a GGUF model file to chat with (default: the bundled SmolLM2)")
    p.add_argument("--version", action="version", version=f"ChatDesk {__version__}")
    p.epilog = "Other commands: chatdesk backup | export | import  (see chatdesk COMMAND --help)"
    return p


def _tool_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chatdesk")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("backup", help="make a consistent copy of the conversation database")
    b.add_argument("--data-dir")
    b.add_argument("-o", "--output", required=True)
    e = sub.add_parser("export", help="export conversations as transcripts")
    e.add_argument("--data-dir")
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--conversation", type=int, action="append", help="conversation id (repeatable)")
    which.add_argument("--all", action="store_true")
    e.add_argument("--format", choices=["md", "json", "html", "txt"], required=True)
    e.add_argument("-o", "--output", required=True)
    i = sub.add_parser("import", help="import conversations from a ChatDesk JSON transcript")
    i.add_argument("--data-dir")
    i.add_argument("file")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        args = _tool_parser().parse_args(argv)
        if args.data_dir:
            paths.set_data_dir(args.data_dir)
        return _run_tool(args)
    args = _gui_parser().parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if args.model and not Path(args.model).expanduser().exists():
        print(f"ChatDesk: the model file {args.model} does not exist.", file=sys.stderr)
    from chatdesk.ui.app import run_gui

    return run_gui(model=str(Path(args.model).expanduser().resolve()) if args.model else None)


def _run_tool(args: argparse.Namespace) -> int:
    from chatdesk import archive
    from chatdesk.store import Store, StoreError

    try:
        if args.command == "import" and not Path(args.file).is_file():
            raise archive.ArchiveError(f"{args.file} does not exist or is not a file.")
        if not paths.database_path().exists() and args.command != "import":
            raise archive.ArchiveError(f"There is no ChatDesk database in {paths.data_dir()}.")
        paths.ensure_data_dir()
        store = Store(paths.database_path(), paths.backups_dir())
        try:
            if args.command == "backup":
                out = store.backup(Path(args.output))
                print(f"Backed up {paths.database_path()} to {out}")
            elif args.command == "export":
                n = archive.export_conversations(store, args.conversation if not args.all else None, args.format, Path(args.output))
                print(f"Exported {n} conversation(s) to {args.output}")
            else:
                report = archive.import_file(store, Path(args.file))
                print(report.summary())
        finally:
            store.close()
    except (archive.ArchiveError, StoreError, paths.DataDirError) as exc:
        print(f"chatdesk {args.command}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"chatdesk {args.command}: {exc.strerror or exc} ({getattr(exc, 'filename', '')})", file=sys.stderr)
        return 2
    return 0
