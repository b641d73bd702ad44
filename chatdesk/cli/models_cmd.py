"""``chatdesk models``: the model library from a terminal (list, add, download, remove, default).

A thin layer over ``chatdesk.library``: each library error is already a sentence for the user and
becomes one line on stderr. A download runs on a worker thread so that Ctrl+C only sets the
library's cancel Event: the partial file is kept and the same command resumes it later, as it
does after the process was killed.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from typing import Any

from chatdesk.cli.common import JSON_LINES_HELP, CommandError, add_data_dir, print_json_line


def register(sub: argparse._SubParsersAction) -> None:
    m = sub.add_parser("models", help="list, search, add, download and remove models")
    msub = m.add_subparsers(dest="models_command", required=True)

    ls = msub.add_parser("list", help="every model in the library")
    add_data_dir(ls)
    ls.add_argument("--json", action="store_true", help=JSON_LINES_HELP.format(what="model, with every field"))
    ls.set_defaults(run=run_list)

    se = msub.add_parser("search", help="search Hugging Face for GGUF models by words",
                         description="Search Hugging Face for GGUF model repositories whose id contains every word, "
                                     "with their GGUF files, sizes and quantizations.")
    add_data_dir(se)
    se.add_argument("words", nargs="+", help="words the repository id must contain, e.g. qwen instruct")
    se.add_argument("--language", choices=["zh", "en"], help="only repositories tagged with this language")
    se.add_argument("--sort", choices=["downloads", "recent"], default="downloads",
                    help="most downloaded first (default) or most recently updated first")
    se.add_argument("--limit", type=int, default=10, help="at most this many repositories (1-100, default 10)")
    se.add_argument("--json", action="store_true", help=JSON_LINES_HELP.format(what="repository: repo_id, downloads, files..."))
    se.set_defaults(run=run_search)

    a = msub.add_parser("add", help="add a GGUF file from disk (it stays where it is)")
    add_data_dir(a)
    a.add_argument("path")
    a.set_defaults(run=run_add)

    d = msub.add_parser("download", help="download a GGUF from Hugging Face (resumes an interrupted download)")
    add_data_dir(d)
    d.add_argument("repo_id", help="a repository id (owner/name) or a Hugging Face address")
    d.add_argument("filename", nargs="?", help="the GGUF file (default: the Q4_K_M one, else the smallest)")
    d.add_argument("--revision", help="branch, tag or commit (default: main)")
    d.add_argument("--progress-json", action="store_true", help="machine-readable progress, one JSON object per line on stdout")
    d.set_defaults(run=run_download)

    f = msub.add_parser("files", help="list the GGUF files of a Hugging Face repository")
    add_data_dir(f)
    f.add_argument("repo_id")
    f.add_argument("--revision")
    f.add_argument("--json", action="store_true", help=JSON_LINES_HELP.format(what="GGUF file (with repo_id and commit)"))
    f.set_defaults(run=run_files)

    s = msub.add_parser("scan", help="add the GGUF models in your Hugging Face cache (no network)")
    add_data_dir(s)
    s.add_argument("--cache-dir", help="the hub cache folder (default: HF_HUB_CACHE, else ~/.cache/huggingface/hub)")
    s.set_defaults(run=run_scan)

    r = msub.add_parser("remove", help="remove a model from the library")
    add_data_dir(r)
    r.add_argument("id")
    r.add_argument("--delete-file", action="store_true",
                   help="also delete a file of your own (files ChatDesk downloaded or converted are always deleted)")
    r.set_defaults(run=run_remove)

    df = msub.add_parser("default", help="show or set the model new chats use")
    add_data_dir(df)
    df.add_argument("id", nargs="?")
    df.set_defaults(run=run_default)

    from chatdesk.cli import import_cmd  # File → Import checkpoint… without the window

    import_cmd.register(msub)


def _catalog() -> Any:
    from chatdesk import paths
    from chatdesk.library import Catalog, LibraryError

    try:
        paths.ensure_data_dir()
        cat = Catalog.open()
    except (LibraryError, paths.DataDirError) as exc:
        raise CommandError(str(exc)) from exc
    for warning in cat.warnings:
        print(f"chatdesk models: {warning}", file=sys.stderr)
    return cat


def _library_call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    from chatdesk.library import LibraryError

    try:
        return fn(*args, **kwargs)
    except LibraryError as exc:
        raise CommandError(str(exc)) from exc


def run_list(args: argparse.Namespace) -> int:
    cat = _catalog()
    default_id = cat.default().id
    entries = cat.entries()
    if args.json:
        for e in entries:
            print_json_line({**e.to_json(), "missing": e.missing, "problem": e.problem, "default": e.id == default_id})
        return 0
    for e in entries:
        print(_line(e, e.id == default_id))
        if e.conversion:
            print(f"    {_conversion(e.conversion)}")
    return 0


def _conversion(c: dict[str, Any]) -> str:
    parts = [f"converted from {c.get('source_file') or c.get('source_format') or 'a checkpoint'}"]
    if c.get("source_sha256"):
        parts.append(f"sha256 {str(c['source_sha256'])[:12]}…")
    if c.get("training_step") is not None:
        parts.append(f"step {c['training_step']}")
    if c.get("val_loss") is not None:
        parts.append(f"val loss {c['val_loss']:.4f}")
    return ", ".join(parts)


def run_search(args: argparse.Namespace) -> int:
    from chatdesk.library.hub_search import search_models

    if not 1 <= args.limit <= 100:
        raise CommandError(f"--limit must be from 1 to 100, not {args.limit}.")
    hits = _library_call(search_models, " ".join(args.words), language=args.language, sort=args.sort, limit=args.limit)
    if args.json:
        for hit in hits:
            print_json_line(hit.to_json())
        return 0
    if not hits:
        lang = f" tagged {args.language}" if args.language else ""
        print(f"No GGUF repositories{lang} match \u201c{' '.join(args.words)}\u201d.")
        return 0
    for hit in hits:
        langs = f"  [{', '.join(hit.languages)}]" if hit.languages else ""
        print(f"{hit.repo_id}  ({hit.downloads:,} downloads){langs}")
        for f in hit.files:
            parts = f"  ({f.parts} parts)" if f.parts > 1 else ""
            print(f"    {f.filename:<56} {f.quantization or '?':<8} {_size(f.size)}{parts}")
        if hit.files_error:
            print(f"    (files not listed: {hit.files_error})")
    return 0


def _line(e: Any, is_default: bool) -> str:
    mark = "*" if is_default else " "
    if e.is_remote:
        what = f"remote {e.remote_model} at {e.remote_url}"
    else:
        parts = [e.architecture or "?", _params(e.parameters), e.quantization or "?",
                 f"ctx {e.context_length}" if e.context_length else "", _size(e.file_size)]
        what = ", ".join(p for p in parts if p)
    state = "  [MISSING]" if e.missing else ("  [UNUSABLE]" if e.problem else "")
    origin = f"  from {e.repo_id}" if e.repo_id else ""
    return f"{mark} {e.id:<32} {e.name}  ({what})  {e.source}{origin}{state}"


def run_add(args: argparse.Namespace) -> int:
    cat = _catalog()
    known = cat.entry_for_path(args.path)
    if known is not None:
        print(f"{known.path} is already in the library as \u201c{known.id}\u201d ({known.name}); nothing was added.")
        return 0
    entry = _library_call(cat.add_file, args.path)
    print(f"Added {entry.name} as \u201c{entry.id}\u201d ({entry.path}).")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    cat = _catalog()
    removal = _library_call(cat.remove, args.id, delete_file=args.delete_file)
    e = removal.entry
    if removal.file_deleted:
        print(f"Removed \u201c{e.id}\u201d and deleted {e.path}.")
    elif e.path:
        print(f"Removed \u201c{e.id}\u201d from the library; the file {e.path} was kept (--delete-file deletes it).")
    else:
        print(f"Removed \u201c{e.id}\u201d from the library.")
    return 0


def run_default(args: argparse.Namespace) -> int:
    cat = _catalog()
    if args.id:
        entry = _library_call(cat.set_default, args.id)
        print(f"New chats will use {entry.name} (\u201c{entry.id}\u201d).")
    else:
        entry = cat.default()
        print(f"{entry.id}\t{entry.name}")
    return 0


def run_scan(args: argparse.Namespace) -> int:
    cat = _catalog()
    before = {e.id for e in cat.entries()}
    found = _library_call(cat.sync_hf_cache, args.cache_dir)
    new = [e for e in found if e.id not in before]
    for e in found:
        print(_line(e, False))
    for warning in cat.warnings:
        print(f"chatdesk models: skipped {warning}", file=sys.stderr)
    print(f"{len(found)} GGUF model(s) in the Hugging Face cache, {len(new)} new in the library.")
    return 0


def run_files(args: argparse.Namespace) -> int:
    from chatdesk.library.hub import describe_listing, list_gguf_files, parse_hub_reference

    ref = _library_call(parse_hub_reference, args.repo_id)
    listing = _library_call(list_gguf_files, ref.repo_id, args.revision or ref.revision)
    if args.json:
        for item in describe_listing(listing):
            print_json_line({"repo_id": listing.repo_id, "commit": listing.commit, **item})
        return 0
    for f in listing.files:
        parts = f"  ({f.parts} parts)" if f.parts > 1 else ""
        print(f"{f.filename:<56} {f.quantization or '?':<8} {_size(f.size)}{parts}")
    if not listing.files:
        print(f"{listing.repo_id} has no GGUF files.")
    return 0


def run_download(args: argparse.Namespace) -> int:
    from chatdesk.library import DownloadCancelled, LibraryError
    from chatdesk.library.download import download_model
    from chatdesk.library.hub import list_gguf_files, parse_hub_reference, pick_file

    cat = _catalog()
    ref = _library_call(parse_hub_reference, args.repo_id)
    filename = args.filename or ref.filename
    revision = args.revision or ref.revision
    if not filename:
        filename = _library_call(pick_file, _library_call(list_gguf_files, ref.repo_id, revision), ref.quantization).filename
    reporter = _JsonProgress() if args.progress_json else _HumanProgress()
    cancel = threading.Event()
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def work() -> None:
        try:
            outcome["entry"] = download_model(ref.repo_id, filename, revision=revision, catalog=cat,
                                              on_progress=reporter, cancel=cancel)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which reports or re-raises it
            outcome["error"] = exc
        finally:
            finished.set()

    threading.Thread(target=work, name="download", daemon=True).start()
    # Ctrl+C pauses the download even when this process was started with SIGINT ignored (a job
    # started in the background by a script inherits that): Python's own handler is put in place.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    # Wait on an Event, not Thread.join: a Ctrl+C that interrupts join() can leave the thread marked
    # as finished while it still runs (seen with CPython 3.11), and the result would be lost.
    try:
        while not finished.wait(0.2):
            pass
    except KeyboardInterrupt:
        cancel.set()
        print("chatdesk models: stopping the download at the next bytes that arrive; what has arrived is kept.",
              file=sys.stderr, flush=True)
        finished.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    reporter.finish()
    err = outcome.get("error")
    if isinstance(err, DownloadCancelled):
        if args.progress_json:
            _emit({"error": str(err), "kind": err.kind, "partial_bytes": err.partial_bytes})
        raise CommandError(f"{err}", 130)
    if isinstance(err, LibraryError):
        if args.progress_json:
            _emit({"error": str(err), "kind": getattr(err, "kind", "library"), "partial_bytes": getattr(err, "partial_bytes", 0)})
        raise CommandError(str(err))
    if err is not None:
        raise err
    entry = outcome["entry"]
    if args.progress_json:
        _emit({"done": True, "id": entry.id, "path": entry.path, "sha256": entry.sha256})
    else:
        print(f"Downloaded {entry.repo_id}/{entry.repo_filename} as \u201c{entry.id}\u201d ({entry.path}).")
    return 0


def _emit(obj: dict[str, Any]) -> None:
    print(json.dumps(obj), flush=True)


class _JsonProgress:
    def __call__(self, p: Any) -> None:
        _emit({"progress": round(p.fraction, 4) if p.fraction is not None else None, "bytes_done": p.bytes_done,
               "total": p.total, "resumed_from": p.resumed_from, "speed_bps": p.speed_bps, "eta_s": p.eta_s,
               "phase": p.phase})

    def finish(self) -> None:
        pass


class _HumanProgress:
    """One updating line on a terminal; a line every few seconds when stderr is a file or pipe."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self._last = 0.0
        self._width = 0

    def __call__(self, p: Any) -> None:
        now = time.monotonic()
        final = p.phase in ("done", "verifying")
        if not final and now - self._last < (0.25 if self.tty else 2.0) and p.phase != "checking":
            return
        self._last = now
        pct = f" ({100 * p.fraction:.0f}%)" if p.fraction is not None else ""
        speed = f"  {_size(int(p.speed_bps))}/s" if p.speed_bps else ""
        eta = f"  {_duration(p.eta_s)} left" if p.eta_s is not None and p.phase == "downloading" else ""
        resumed = f"  resumed at {_size(p.resumed_from)}" if p.resumed_from else ""
        label = {"checking": "checking the part kept", "verifying": "verifying", "done": "done"}.get(p.phase, p.filename)
        text = f"{label}: {_size(p.bytes_done)} / {_size(p.total)}{pct}{speed}{eta}{resumed}"
        if self.tty:
            sys.stderr.write("\r" + text.ljust(self._width))
            self._width = len(text)
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.tty and self._width:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


def _params(n: int) -> str:
    if not n:
        return ""
    return f"{n / 1e9:.1f}B params" if n >= 1e9 else f"{n / 1e6:.0f}M params"


def _duration(s: float) -> str:
    s = int(round(s))
    if s >= 3600:
        return f"{s // 3600} h {s % 3600 // 60} min"
    if s >= 60:
        return f"{s // 60} min {s % 60} s"
    return f"{s} s"
