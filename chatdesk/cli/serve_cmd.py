"""``chatdesk serve``: ChatDesk's library as a local OpenAI-compatible server, without the window.

It prints one line, ``ChatDesk server ready at http://127.0.0.1:8765/v1``, once it accepts
connections (scripts wait for that line), and serves until SIGTERM or Ctrl+C, when requests in
flight end as ``stopped`` and stored replies are saved as stopped before it exits (code 0).
Listening beyond this computer (``--host 0.0.0.0``) needs an API key: ``--api-key-file F``, the key
kept in the keyring, or ``--new-key`` to create one (shown once). Settings the flags do not give
come from the Server panel's ``DATA_DIR/server.json``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from chatdesk.cli.common import CommandError, add_data_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the library's models through an OpenAI-compatible API on this computer",
        description="Serve ChatDesk's models to other programs through an OpenAI-compatible API "
        "(/v1/chat/completions, /v1/completions, /v1/embeddings, /v1/models).",
    )
    add_data_dir(p)
    p.add_argument("--host", help="address to listen on (default 127.0.0.1: this computer only)")
    p.add_argument("--port", type=int, help="port (default 8765; 0 picks a free one)")
    p.add_argument("--model", metavar="ID", help="load this library model before serving (and use it for model 'default')")
    p.add_argument("--api-key-file", metavar="F", help="file holding the API key clients must send (readable only by you)")
    p.add_argument("--new-key", action="store_true", help="create a new random API key, keep it in the keyring and print it once")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME", help="another Host name clients may use (repeatable)")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN", help="a browser origin allowed to call the API (repeatable)")
    p.add_argument("--threads", type=int, help="CPU threads for generation (default: the app's setting)")
    p.add_argument("--parallel", type=int, metavar="N", help="replies of one local model decoded together (default 4; 1: one at a time)")
    p.add_argument("--store-requests", action="store_true", help="keep each request as a conversation, marked with its client")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from chatdesk.server import LocalServer, ServerConfigError, load_server_settings
    from chatdesk.server import keys as server_keys
    from chatdesk.settings import load_settings

    settings = load_server_settings()
    changes: dict[str, Any] = {}  # ServerSettings field -> value, applied with dataclasses.replace
    if args.host:
        changes["host"] = args.host
    if args.port is not None:
        changes["port"] = args.port
    if args.model:
        changes["default_model"] = args.model
    if args.allow_host:
        changes["allowed_hosts"] = tuple(settings.allowed_hosts) + tuple(args.allow_host)
    if args.cors_origin:
        changes["cors_origins"] = tuple(settings.cors_origins) + tuple(args.cors_origin)
    if args.store_requests:
        changes["store_requests"] = True
    if args.parallel is not None:
        changes["parallel"] = args.parallel
    settings = replace(settings, **changes)
    app_settings = load_settings()
    if args.threads is not None:
        if args.threads < 1:
            raise CommandError("--threads must be at least 1.")
        app_settings = replace(app_settings, load=replace(app_settings.load, n_threads=args.threads))
    key: str | None
    try:
        if args.api_key_file:
            key = server_keys.read_key_file(args.api_key_file)
        elif args.new_key:
            key = server_keys.create_key()
            print(f"New API key (shown once; kept in the system keyring): {key}", file=sys.stderr, flush=True)
        else:
            key = server_keys.stored_key() if settings.on_lan else None
        settings = replace(settings, api_key=key)
        server = LocalServer(settings, app_settings)
    except ServerConfigError as exc:
        raise CommandError(str(exc)) from exc
    if args.model:
        from chatdesk.server.errors import APIError

        try:
            server.preload(args.model)
        except APIError as exc:
            server.close()
            raise CommandError(str(exc.message)) from exc

    def ready(url: str) -> None:
        print(f"ChatDesk server ready at {url}", flush=True)

    try:
        server.serve(on_ready=ready)
    except OSError as exc:
        raise CommandError(f"The server could not listen on {settings.host}:{settings.port}: {exc.strerror or exc}") from exc
    except SystemExit as exc:  # uvicorn exits this way when it cannot bind the address
        raise CommandError(f"The server could not listen on {settings.host}:{settings.port} (is the port in use?).") from exc
    return 0
