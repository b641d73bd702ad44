"""``chatdesk docs``: document collections from a terminal, the same index the window's panel uses.

``add`` puts files and folders into a named collection and indexes what changed (per-file
progress on stderr, Ctrl+C cancels and the next run resumes); ``index`` brings collections up to
date again (or finishes an interrupted run); ``list`` shows collections and the files that could
not be indexed, with the reason; ``remove`` takes paths out of a collection or deletes it;
``search`` prints the best passages, ``--json`` as one object a line with ``path``, ``page``
(PDF, else null), ``start``, ``end``, ``score`` and ``text``.

Vectors come from ``--embedding-model`` (a library id or a GGUF file), else the search model
chosen in the window (File → Documents…, the ``embedding_model`` setting), else the built-in
model; ``--keyword-only`` indexes and searches without vectors.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from chatdesk.cli.common import JSON_LINES_HELP, CommandError, add_data_dir

DEFAULT_COLLECTION = "Documents"


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return n


def add_embedding_options(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--embedding-model", metavar="ID_OR_PATH",
                   help="an embedding model from the library, or a GGUF file (default: the one chosen in "
                        "File → Documents…, else the built-in one)")
    g.add_argument("--keyword-only", action="store_true", help="no vectors: keyword search only")


def register(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("docs", help="document collections: add, index, list, remove, search",
                       description="Search your own files: named collections of files and folders.")
    dsub = d.add_subparsers(dest="docs_command", required=True)

    a = dsub.add_parser("add", help="add files or folders to a collection and index them")
    add_data_dir(a)
    a.add_argument("paths", nargs="+", metavar="PATH")
    a.add_argument("--collection", default=DEFAULT_COLLECTION, help=f"the collection's name (default {DEFAULT_COLLECTION!r})")
    a.add_argument("--no-index", action="store_true", help="only add; index later with 'chatdesk docs index'")
    add_embedding_options(a)
    a.set_defaults(run=run_add)

    i = dsub.add_parser("index", help="index what changed (and finish an interrupted run)")
    add_data_dir(i)
    i.add_argument("--collection", action="append", help="only this collection (repeatable; default all)")
    add_embedding_options(i)
    i.set_defaults(run=run_index)

    ls = dsub.add_parser("list", help="collections, their files and what could not be indexed")
    add_data_dir(ls)
    ls.add_argument("--json", action="store_true", help=JSON_LINES_HELP.format(what="collection"))
    ls.set_defaults(run=run_list)

    r = dsub.add_parser("remove", help="remove paths from a collection, or the whole collection")
    add_data_dir(r)
    r.add_argument("collection", metavar="NAME")
    r.add_argument("paths", nargs="*", metavar="PATH", help="paths to take out (none: remove the collection)")
    r.set_defaults(run=run_remove)

    s = dsub.add_parser("search", help="the passages that best match a question")
    add_data_dir(s)
    s.add_argument("query", metavar="QUERY")
    s.add_argument("--collection", action="append", help="search only this collection (repeatable)")
    s.add_argument("--limit", type=_positive, default=5, help="how many passages (default 5)")
    s.add_argument("--mode", choices=("hybrid", "keyword", "vector"), default="hybrid")
    s.add_argument("--json", action="store_true", help=JSON_LINES_HELP.format(what="passage: path, page, start, end, score, text"))
    add_embedding_options(s)
    s.set_defaults(run=run_search)


# ---------------------------------------------------------------------- shared helpers
def open_index():
    from chatdesk import paths
    from chatdesk.documents import DocumentIndex, DocumentsError

    try:
        paths.ensure_data_dir()
        return DocumentIndex(paths.documents_index_path())
    except (DocumentsError, paths.DataDirError) as exc:
        raise CommandError(str(exc)) from exc


def embedding_choice(args: argparse.Namespace) -> str | None:
    """``--embedding-model``, else the window's choice (settings), else None (the built-in model):
    the window and the commands index and search one data folder with the same model."""
    given = getattr(args, "embedding_model", None)
    if given:
        return str(given)
    from chatdesk.settings import load_settings

    return load_settings().embedding_model or None


def open_embedder(args: argparse.Namespace) -> tuple[Any, str | None]:
    """``(embedder, model_id)`` for ``--embedding-model`` (a library id or a GGUF path, default the
    built-in model), or ``(None, None)`` with ``--keyword-only``."""
    if getattr(args, "keyword_only", False):
        return None, None
    from chatdesk.engine.embedder import Embedder
    from chatdesk.engine.errors import EngineError
    from chatdesk.library import LibraryError
    from chatdesk.library.embedding_default import embedding_model_path

    try:
        path = embedding_model_path(embedding_choice(args))
    except LibraryError as exc:
        raise CommandError(f"{exc} (Use --keyword-only to search without an embedding model.)") from exc
    if not path.is_file():
        raise CommandError(f"The embedding model {path} does not exist.")
    try:
        from chatdesk.library.embedding_default import embedding_model_id

        return Embedder(path), embedding_model_id(path)
    except EngineError as exc:
        raise CommandError(str(exc)) from exc


def _index_names(index, names: list[str], args: argparse.Namespace) -> int:
    from chatdesk.documents import DocumentsError, index_collection

    embedder, model = open_embedder(args)
    cancel = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.set())  # Ctrl+C: finish the file in hand, keep the rest
    failed = 0
    try:
        for name in names:
            def show(p, name=name) -> None:
                if p.outcome == "failed":
                    print(f"[{p.position}/{p.total}] {p.path}: not indexed: {p.message}", file=sys.stderr, flush=True)
                elif p.outcome == "indexed":
                    print(f"[{p.position}/{p.total}] {p.path}: {p.chunks} passages", file=sys.stderr, flush=True)

            try:
                report = index_collection(index, name, embedder=embedder, embed_model_id=model, progress=show, cancel=cancel)
            except DocumentsError as exc:
                raise CommandError(str(exc)) from exc
            failed += report.failed
            state = "cancelled; run 'chatdesk docs index' to finish" if report.cancelled else "up to date"
            print(f"{name}: {report.indexed} indexed, {report.unchanged} unchanged, {report.failed} not indexed, "
                  f"{report.removed} removed ({state}, {report.seconds:.1f} s)", file=sys.stderr, flush=True)
            if report.cancelled:
                return 130
    finally:
        signal.signal(signal.SIGINT, previous)
        if embedder is not None and hasattr(embedder, "close"):
            embedder.close()
    return 0


# ---------------------------------------------------------------------- subcommands
def run_add(args: argparse.Namespace) -> int:
    from chatdesk.documents import DocumentsError

    missing = [p for p in args.paths if not Path(p).expanduser().exists() and not Path(p).expanduser().is_symlink()]
    if missing:
        raise CommandError(f"No such file or folder: {', '.join(missing)}")
    with open_index() as index:
        try:
            index.add_paths(args.collection, [Path(p).expanduser() for p in args.paths])
        except DocumentsError as exc:
            raise CommandError(str(exc)) from exc
        if args.no_index:
            return 0
        return _index_names(index, [args.collection], args)


def run_index(args: argparse.Namespace) -> int:
    with open_index() as index:
        names = args.collection or index.collection_names()
        for name in names:
            if index.collection_id(name) is None:
                raise CommandError(f"There is no document collection named {name}.")
        return _index_names(index, names, args)


def run_list(args: argparse.Namespace) -> int:
    with open_index() as index:
        infos = index.collections()
        failures = {c.name: index.failures(c.name) for c in infos}
    if args.json:
        for c in infos:
            print(json.dumps({
                "name": c.name, "roots": list(c.roots), "files": c.files, "indexed": c.indexed, "failed": c.failed,
                "chunks": c.chunks, "needs_indexing": c.needs_indexing,
                "failures": [{"path": f.path, "reason": f.reason, "message": f.message} for f in failures[c.name]],
            }, ensure_ascii=False))
        return 0
    if not infos:
        print("No document collections yet. Add one with: chatdesk docs add PATH... --collection NAME")
        return 0
    for c in infos:
        state = " (indexing not finished: run 'chatdesk docs index')" if c.needs_indexing else ""
        print(f"{c.name}: {c.indexed} files indexed, {c.chunks} passages, {c.failed} not indexed{state}")
        for root in c.roots:
            print(f"  {root}")
        for f in failures[c.name]:
            print(f"  not indexed: {f.path}: {f.message}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from chatdesk.documents import DocumentsError

    with open_index() as index:
        try:
            if not args.paths:
                index.remove_collection(args.collection)
                print(f"Removed the collection {args.collection}.", file=sys.stderr)
                return 0
            removed = index.remove_paths(args.collection, [Path(p).expanduser() for p in args.paths])
        except DocumentsError as exc:
            raise CommandError(str(exc)) from exc
        if removed == 0:
            raise CommandError(f"None of those paths is in the collection {args.collection}; see 'chatdesk docs list'.")
        # Forget what is no longer reachable now, without reading any file.
        from chatdesk.documents.scan import scan

        cid = index.require(args.collection)
        index.link(cid, [f.path for f in scan(index.roots(args.collection))])
        index.prune()
        print(f"Removed {removed} path(s) from {args.collection}.", file=sys.stderr)
    return 0


def run_search(args: argparse.Namespace) -> int:
    from chatdesk.documents import DocumentsError, search

    if not args.query.strip():
        raise CommandError("the search query is empty; give words to look for.")
    embedder, _model = (None, None) if args.mode == "keyword" else open_embedder(args)
    try:
        with open_index() as index:
            try:
                hits = search(index, args.query, collections=args.collection, limit=args.limit, embedder=embedder, mode=args.mode)
            except DocumentsError as exc:
                raise CommandError(str(exc)) from exc
    finally:
        if embedder is not None and hasattr(embedder, "close"):
            embedder.close()
    if args.json:
        for h in hits:
            print(json.dumps(h.to_json(), ensure_ascii=False))
        return 0
    if not hits:
        print(f"No passages match {args.query!r}.")
        return 0
    for n, h in enumerate(hits, start=1):
        where = f", page {h.page}" if h.page is not None else ""
        print(f"{n}. {h.path}{where} [{h.start}-{h.end}]  score {h.score:.4f}")
        print("   " + " ".join(h.text.split())[:300])
    return 0
