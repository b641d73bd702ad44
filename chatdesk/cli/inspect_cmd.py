"""``chatdesk inspect MODEL``: attention, logit lens and layer contributions as JSON, headless.

The window's inspector without the window: one evaluation of a text (``--text``) or of a stored
reply's prompt + reply (``--conversation ID --message ID``) through ``chatdesk.inspection``, written
as the JSON documented in docs/inspection.md. MODEL is a GGUF path or a library id (``chatdesk
models list``). Progress goes to stderr; Ctrl+C cancels (exit 130) and leaves no file behind.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from chatdesk.cli.common import CommandError, add_data_dir, open_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "inspect",
        help="look inside a model: attention, logit lens and layer contributions for a text or a stored reply (JSON)",
        description="Evaluate a text, or a stored reply's prompt and reply, once with llama.cpp and write what every "
                    "layer did: attention weights, the logit lens and the residual stream's norms "
                    "(format: docs/inspection.md).",
    )
    add_data_dir(p)
    p.add_argument("model", metavar="MODEL", help="a GGUF file or a library id (chatdesk models list)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", help="the text to inspect")
    src.add_argument("--conversation", type=int, metavar="ID", help="the conversation of --message")
    p.add_argument("--message", type=int, metavar="ID", help="a model reply: inspect its prompt + reply tokens")
    p.add_argument("--layers", metavar="LIST", help="layers to include, e.g. 0,2,5-7 or -1 for the last (default: all)")
    p.add_argument("--top-k", type=int, default=5, help="predictions kept per position in the logit lens (default 5)")
    p.add_argument("--threads", type=int, help="CPU threads (default: physical cores)")
    p.add_argument("--json", required=True, metavar="OUT", help="write the inspection to OUT as one JSON document (docs/inspection.md; '-' for stdout)")
    p.set_defaults(run=run)


def parse_layers(spec: str | None, n_layer: int) -> list[int] | None:
    """``"0,2,5-7,-1"`` → sorted layer indexes (negative counts from the end); None for all."""
    if spec is None or spec.strip().lower() in ("", "all"):
        return None
    out: set[int] = set()

    def index(word: str) -> int:
        try:
            value = int(word)
        except ValueError:
            raise CommandError(f"--layers {spec}: “{word}” is not a layer number.") from None
        value = value + n_layer if value < 0 else value
        if not 0 <= value < n_layer:
            raise CommandError(f"--layers {spec}: the model has {n_layer} layers (0 to {n_layer - 1}).")
        return value

    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        lo, dash, hi = part[1:].partition("-") if part.startswith("-") else part.partition("-")
        if part.startswith("-"):
            lo = "-" + lo
        if dash:
            a, b = index(lo), index(hi)
            if a > b:
                raise CommandError(f"--layers {spec}: the range {part} is empty.")
            out.update(range(a, b + 1))
        else:
            out.add(index(lo))
    if not out:
        raise CommandError(f"--layers {spec}: no layer chosen.")
    return sorted(out)


def resolve_model(ref: str) -> Path:
    """A GGUF path as given, else a library entry by id or path (the resolver ``chatdesk ask`` uses)."""
    from chatdesk.library import Catalog, LibraryError

    path = Path(ref).expanduser()
    if path.is_file():
        return path.resolve()
    try:
        entry = Catalog.open().find(ref)
    except LibraryError as exc:
        if path.suffix.lower() == ".gguf" or "/" in ref or "\\" in ref:
            raise CommandError(f"The model file {ref} does not exist.") from exc
        raise CommandError(str(exc)) from exc
    if entry.is_remote:
        raise CommandError(f"{entry.name} runs on a remote server; only local GGUF models can be inspected.")
    if not entry.usable:
        raise CommandError(f"The model {entry.name} cannot be used: {entry.problem or 'its file is missing'}.")
    return Path(str(entry.path))


def run(args: argparse.Namespace) -> int:
    from chatdesk.inspection import InspectionCancelled, InspectionError, Inspector
    from chatdesk.inspection.export import write_json, write_json_file

    if args.conversation is not None and args.message is None:
        raise CommandError("--conversation needs --message ID (the reply to inspect).")
    if args.message is not None and args.conversation is None:
        raise CommandError("--message needs --conversation ID.")
    if args.top_k < 1:
        raise CommandError(f"--top-k must be at least 1, not {args.top_k}.")
    if args.threads is not None and args.threads < 1:
        raise CommandError(f"--threads must be at least 1, not {args.threads}.")
    if args.text is not None and not args.text.strip():
        raise CommandError("--text is empty: there is nothing to inspect.")
    model = resolve_model(args.model)
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        with Inspector(model, threads=args.threads) as inspector:
            layers = parse_layers(args.layers, inspector.facts.n_layer)
            notes: list[str] = []
            if args.text is not None:
                tokens, prompt_tokens = inspector.tokenize(args.text), None
                source: dict[str, Any] = {"kind": "text"}
            else:
                tokens, prompt_tokens, notes = _reply_tokens(inspector, args.conversation, args.message, model)
                source = {"kind": "reply", "conversation": args.conversation, "message": args.message}
            result = inspector.inspect(tokens, prompt_tokens=prompt_tokens, layers=layers, top_k=args.top_k,
                                       progress=_progress_printer(), cancel=stop)
        with result:
            for note in notes:
                print(f"chatdesk inspect: note: {note}", file=sys.stderr)
            extra = {"source": source, "notes": notes}
            if args.json == "-":
                write_json(result, sys.stdout, layers, extra)
            else:
                out = write_json_file(result, Path(args.json).expanduser(), layers, extra)
                print(f"Wrote the inspection of {result.n_tokens} tokens ({len(layers or result.attention_layers)} layers) "
                      f"to {out}", file=sys.stderr)
    except InspectionCancelled:
        return 130
    except InspectionError as exc:
        raise CommandError(str(exc), exc.code) from exc
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        raise CommandError(f"{exc.strerror or exc}{where}", 1) from exc
    finally:
        signal.signal(signal.SIGINT, previous)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    return 0


def _reply_tokens(inspector: Any, conversation: int, message: int, model: Path) -> tuple[list[int], int, list[str]]:
    """A stored reply's prompt + reply tokens, as the engine built them (``chatdesk.chat.reply_prompt``)."""
    from chatdesk.chat import FlowError
    from chatdesk.chat.reply_prompt import reply_tokens
    from chatdesk.engine.gguf_check import check_gguf
    from chatdesk.settings import load_settings

    summary = check_gguf(model)
    with open_store() as store:
        if store.get_conversation(conversation) is None:
            raise CommandError(f"There is no conversation {conversation} in this data folder.")
        try:
            return reply_tokens(store, conversation, message, str(model), chat_template=summary.chat_template,
                                tokenize=inspector.tokenize, special_text=inspector.special_text,
                                bos_token_id=summary.bos_token_id, eos_token_id=summary.eos_token_id,
                                prompt_format=load_settings().prompt_format_for(str(model)))
        except FlowError as exc:
            raise CommandError(str(exc)) from exc


def _progress_printer():
    interactive = sys.stderr.isatty()
    last = [-1]

    def show(p: Any) -> None:
        percent = int(p.fraction * 100)
        if percent == last[0]:
            return
        last[0] = percent
        line = f"inspect: [{percent:3d}%] {p.phase} {p.done}/{p.total}"
        if interactive:
            print("\r\033[K" + line, end="", file=sys.stderr, flush=True)
        elif percent % 10 == 0:
            print(line, file=sys.stderr, flush=True)

    return show
