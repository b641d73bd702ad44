"""Command line: ``chatdesk`` opens the window; subcommands work headless.

Each subcommand lives in its own module here and registers itself with ``register(sub)``; the
module's heavy imports (engine, store, Qt-free flows) happen inside its ``run`` so that
``chatdesk --help`` and every command start fast and run on machines without a display.
Qt is imported only when the window is opened.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from chatdesk import __version__, paths
from chatdesk.cli import ask_cmd, docs_cmd, eval_cmd, inspect_cmd, models_cmd, search_cmd, serve_cmd, transcripts_cmd
from chatdesk.cli.common import CommandError, fail

# Modules that contribute subcommands, in the order ``--help`` lists them.
COMMAND_MODULES = [ask_cmd, search_cmd, models_cmd, eval_cmd, inspect_cmd, transcripts_cmd, docs_cmd, serve_cmd]


def tool_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The subcommands' parser and their names."""
    p = argparse.ArgumentParser(prog="chatdesk", description="ChatDesk's headless commands.")
    sub = p.add_subparsers(dest="command", required=True)
    for mod in COMMAND_MODULES:
        mod.register(sub)
    return p, set(sub.choices)


def command_names() -> set[str]:
    return tool_parser()[1]


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chatdesk", description="Offline desktop chat with local GPT models.")
    p.add_argument("--data-dir", help="keep all ChatDesk data (database, models, settings) in this folder")
    p.add_argument("--model", help="a GGUF model file to chat with (default: the bundled SmolLM2)")
    p.add_argument("--version", action="version", version=f"ChatDesk {__version__}")
    p.epilog = "Other commands: chatdesk " + " | ".join(sorted(command_names())) + "  (see chatdesk COMMAND --help)"
    return p


def _preload(module: str) -> None:
    """Import ``module`` on a background thread; the first real use then finds it loaded."""
    import importlib
    import threading

    threading.Thread(target=importlib.import_module, args=(module,), name=f"preload-{module}", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and not argv[0].startswith("-") and argv[0] in command_names():
        args = tool_parser()[0].parse_args(argv)
        if getattr(args, "data_dir", None):
            paths.set_data_dir(args.data_dir)
        try:
            return int(args.run(args) or 0)
        except CommandError as exc:
            return fail(args.command, str(exc), exc.code)
        except KeyboardInterrupt:
            return fail(args.command, "interrupted.", 130)
    args = _gui_parser().parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if args.model and not Path(args.model).expanduser().exists():
        print(f"ChatDesk: the model file {args.model} does not exist.", file=sys.stderr)
    # No cycle collection while the window's modules load: chatdesk.ui.app.gc_guard switches it off
    # anyway once Qt is up and freezes the start-up heap, and until then the collector ran 214 times
    # over the growing heap for 99-120 ms of CPU (benchmarks/startup.py's imports, 2-core machine;
    # all of it under the GIL the window, the database and the model load share), finding ~500
    # objects that now stay frozen with the rest.
    gc.disable()
    _preload("chatdesk.store.store")  # SQLAlchemy (~0.3 s) loads while Qt loads and the window is built
    from chatdesk.ui.app.startup import run_gui

    return run_gui(model=str(Path(args.model).expanduser().resolve()) if args.model else None)
