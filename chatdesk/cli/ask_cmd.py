"""``chatdesk ask``: one reply from the terminal, stored exactly as the window would store it.

The same conversation flow as the window (``chatdesk.chat``): the user's turn is committed before
any model work, the reply is saved while it streams (so Ctrl+C or a crash keeps what was written)
and ends with the same provenance. The reply goes to stdout as it streams; the conversation and
message ids go to stderr, so ``--conversation ID`` can continue the chat and scripts can pipe the
text. Any failure exits non-zero with a sentence, the user's turn kept.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from chatdesk.cli.common import CommandError, add_data_dir, open_store
from chatdesk.cli.docs_cmd import add_embedding_options
from chatdesk.library.resolve import API_KEY_ENV


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ask",
        help="ask a model one question; the reply streams to stdout and both turns are stored",
        description="Ask a model; the reply streams to stdout and both turns are stored in the history.",
    )
    add_data_dir(p)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--model", metavar="PATH", help="a GGUF file (default: the conversation's model, else the library's default)")
    which.add_argument("--library-id", metavar="ID", help="a model from the library (chatdesk models list)")
    which.add_argument("--remote", metavar="URL", help="an OpenAI-compatible server's base URL (with or without /v1)")
    p.add_argument("--remote-model", metavar="ID", help="the model id on the --remote server")
    p.add_argument("--conversation", type=int, metavar="ID", help="continue this conversation (its id in the database)")
    p.add_argument("--max-tokens", type=int, help="longest reply, in tokens")
    p.add_argument("--temperature", type=float)
    p.add_argument("--seed", type=int, help="fixed seed (default: a fresh one per reply)")
    p.add_argument("--docs", action="append", metavar="NAME",
                   help="ground the reply in this document collection (repeatable); its sources follow the reply")
    p.add_argument("--sources", type=int, default=5, metavar="N", help="how many passages --docs may use (default 5)")
    p.add_argument("--attach", action="append", metavar="FILE",
                   help="attach a file (repeatable): read whole if it fits, else in parts or by retrieval")
    add_embedding_options(p)  # the embedding model --docs and long attachments search with
    p.add_argument("text", help="your message")
    p.epilog = f"A remote server's API key comes from a saved connection (chatdesk models) or ${API_KEY_ENV}."
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from chatdesk.chat import ConversationFlow, FlowError, ModelTarget, ReplyRecorder
    from chatdesk.engine import EngineError
    from chatdesk.settings import load_settings

    if args.remote_model and not args.remote:
        raise CommandError("--remote-model needs --remote URL.")
    if args.remote and not args.remote_model:
        raise CommandError("--remote needs --remote-model ID (the model's id on that server).")
    settings = load_settings()
    sampling = settings.sampling
    for name in ("max_tokens", "temperature", "seed"):
        value = getattr(args, name)
        if value is not None:
            sampling = replace(sampling, **{name: value})
    settings = replace(settings, sampling=sampling)

    if args.docs and args.attach:
        raise CommandError("--docs and --attach cannot be combined in one question; ask about the collection or the file.")
    attached = _read_attachments(args.attach or [])
    with open_store(must_exist=False) as store:
        if args.conversation is not None and store.get_conversation(args.conversation) is None:
            raise CommandError(f"There is no conversation {args.conversation} in this data folder.")
        source = _source(args, settings, store)
        flow = ConversationFlow(store, settings)
        target = ModelTarget(source.key, settings.prompt_format_for(source.key) if _is_local(source) else None)
        try:
            plan = flow.send(args.conversation, args.text, target)
        except FlowError as exc:
            raise CommandError(str(exc)) from exc
        if args.conversation is None:
            store.set_conversation_model(plan.conversation_id, source.key)
        if attached:
            _store_attachments(store, plan, attached)
        if _is_local(source):
            _warn_language(args.text, source.key)
        where = f"conversation {plan.conversation_id}, message {plan.reply.id}"
        recorder = ReplyRecorder(store, plan, on_save_error=lambda m: print(f"chatdesk ask: {m}", file=sys.stderr))
        if args.docs:
            try:
                plan = _grounded(args, plan, settings)
            except CommandError as exc:
                recorder.fail(str(exc))
                raise
            recorder.plan = plan
        try:
            engine, info = _load(source)
        except EngineError as exc:
            recorder.fail(str(exc))
            raise CommandError(f"{exc} Your message was kept ({where}).") from exc

        stop = threading.Event()
        previous = signal.signal(signal.SIGINT, lambda *_: stop.set())  # Ctrl+C stops the reply, keeps it
        if attached:
            try:
                plan = _with_attachments(args, store, plan, attached, engine, info, settings, stop)
            except CommandError as exc:
                signal.signal(signal.SIGINT, previous)
                engine.unload()
                recorder.fail(str(exc))
                raise
            recorder.plan = plan

        def show(piece: str) -> None:
            recorder.on_text(piece)
            sys.stdout.write(piece)
            sys.stdout.flush()

        try:
            try:
                result = engine.generate(plan.request, stop, show, recorder.on_token)
            except EngineError as exc:
                recorder.fail(str(exc))
                raise CommandError(f"{exc} Your message was kept ({where}).") from exc
            sha = store.file_sha256(info.path) if info.kind == "local" else None
            finished = recorder.finish(result, engine.info or info, sha)
        finally:
            signal.signal(signal.SIGINT, previous)
            engine.unload()
        sys.stdout.write("\n")
        sys.stdout.flush()
        if args.docs:
            _print_sources(plan)
        print(
            f"[{where}; {result.completion_tokens} tokens, {result.tokens_per_s:.1f} tok/s, {finished.status}]",
            file=sys.stderr,
        )
        if finished.save_error:
            raise CommandError(f"The reply could not be saved: {finished.save_error}")
        if result.error:
            raise CommandError(f"{result.error} The text so far was kept ({where}).")
        return 130 if result.stop_reason == "user" else 0


def _read_attachments(names: list[str]) -> list:
    """Every ``--attach`` file read and its text extracted before anything is stored."""
    from chatdesk.chat.attachments import AttachmentError, read_attachment

    out = []
    for name in names:
        path = Path(name).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"The file {name} cannot be read: {exc.strerror or exc}.") from exc
        try:
            out.append(read_attachment(path.name, data))
        except AttachmentError as exc:
            raise CommandError(str(exc)) from exc
    return out


def _store_attachments(store, plan, files) -> None:
    from chatdesk.store.attachments import NewAttachment, attach_files

    if plan.user is not None:
        attach_files(store, plan.user.id, [NewAttachment(f.name, f.data, f.extracted.kind) for f in files])


def _with_attachments(args, store, plan, files, engine, info, settings, stop):
    """Ground the reply in the attached files (``chat.attachments.ground_in_attachments``, as the
    window does): whole, in parts (progress on stderr) or by retrieval."""
    from chatdesk.chat import attachments as att
    from chatdesk.store.attachments import attachments_of, set_attachment_mode

    def said(chosen) -> None:
        print(f"chatdesk ask: attachments read {chosen.mode.replace('-', ' ')}"
              + (f" ({len(chosen.sections)} parts)" if chosen.sections else ""), file=sys.stderr, flush=True)
        if plan.user is not None:
            for a in attachments_of(store, [plan.user.id]).get(plan.user.id, []):
                set_attachment_mode(store, plan.user.id, a.ordinal, chosen.mode)

    def show(p) -> None:
        print(f"chatdesk ask: part {p.done}/{p.total} of {p.name} done", file=sys.stderr, flush=True)

    from chatdesk.cli.docs_cmd import open_embedder

    opened: list = []

    def embedder():
        opened.append(open_embedder(args)[0])
        return opened[-1]

    try:
        return att.ground_in_attachments(plan, files, question=args.text, engine=engine,
                                         n_ctx=getattr(info, "n_ctx", None) or settings.load.n_ctx, stop=stop,
                                         progress=show, open_embedder=embedder, on_mode=said)
    except att.AttachmentError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        for e in opened:
            if e is not None and hasattr(e, "close"):
                e.close()


def _grounded(args: argparse.Namespace, plan, settings):
    """The plan with its question grounded in the best passages of the ``--docs`` collections
    (``chat.doc_grounding``, the window's rule too)."""
    from chatdesk import paths
    from chatdesk.chat.doc_grounding import CollectionGrounder
    from chatdesk.cli.docs_cmd import embedding_choice
    from chatdesk.documents import DocumentsError
    from chatdesk.library import LibraryError
    from chatdesk.library.embedding_default import embedding_model_path

    keyword_only = bool(getattr(args, "keyword_only", False))
    try:
        model = None if keyword_only else embedding_model_path(embedding_choice(args))
    except LibraryError as exc:
        raise CommandError(f"{exc} (Use --keyword-only to search without an embedding model.)") from exc
    grounder = CollectionGrounder(paths.documents_index_path(), model, keyword_only=keyword_only)
    try:
        grounded = grounder.ground(plan, args.docs, question=args.text, n_ctx=settings.load.n_ctx, limit=args.sources)
    except DocumentsError as exc:
        raise CommandError(f"{exc} Your message was kept (conversation {plan.conversation_id}).") from exc
    finally:
        grounder.close()
    if grounded is plan or not dict(grounded.provenance_base).get("sources"):
        print("chatdesk ask: no passage in those collections matches; answering without sources.", file=sys.stderr)
    return grounded


def _print_sources(plan) -> None:
    from chatdesk.chat.grounding import format_sources, sources_of

    sources = sources_of(dict(plan.provenance_base))
    if sources:
        print("\nSources:")
        print(format_sources(sources))
    sys.stdout.flush()

def _warn_language(text: str, path: str) -> None:
    """Say on stderr, before the reply, when the model does not speak the message's language."""
    from chatdesk.library.languages import language_warning, model_languages
    from chatdesk.library.naming import display_name

    warning = language_warning(text, model_languages(path=path), display_name(path))
    if warning:
        print(f"chatdesk ask: {warning}", file=sys.stderr, flush=True)


def _is_local(source: object) -> bool:
    from chatdesk.engine.types import LocalSource

    return isinstance(source, LocalSource)


def _source(args: argparse.Namespace, settings, store):
    """Which model answers: the flag given, else the conversation's model, else the library default."""
    from chatdesk.engine.remote import normalize_base_url
    from chatdesk.engine.types import LocalSource, RemoteSource
    from chatdesk.library import Catalog, LibraryError
    from chatdesk.library.resolve import endpoint_id_for, source_for_entry

    if args.remote:
        try:
            base = normalize_base_url(args.remote)
        except ValueError as exc:  # its message already says what is wrong with the address
            raise CommandError(str(exc)) from exc
        return RemoteSource(base, args.remote_model, endpoint_id_for(base))
    if args.model:
        path = Path(args.model).expanduser()
        if not path.is_file():
            raise CommandError(f"The model file {args.model} does not exist.")
        return LocalSource(str(path.resolve()), settings.load)
    try:
        catalog = Catalog.open()
        if args.library_id:
            entry = catalog.get(args.library_id)
        else:
            conv = store.get_conversation(args.conversation) if args.conversation is not None else None
            wanted = conv.model_path if conv else None
            if wanted and "#" in wanted and wanted.startswith("http"):
                base, _, model = wanted.partition("#")
                return RemoteSource(base, model, endpoint_id_for(base))
            if wanted and Path(wanted).is_file():
                return LocalSource(wanted, settings.load)
            entry = catalog.default()
    except LibraryError as exc:
        raise CommandError(str(exc)) from exc
    try:
        return source_for_entry(entry, settings.load)
    except LibraryError as exc:
        raise CommandError(str(exc)) from exc


def _load(source):
    """Open the engine for ``source``: (engine, ModelInfo)."""
    from chatdesk import paths
    from chatdesk.engine.types import RemoteSource

    if isinstance(source, RemoteSource):
        from chatdesk.engine.remote import RemoteEngine
        from chatdesk.library.resolve import api_key_for

        engine = RemoteEngine(api_key_for)
        return engine, engine.load(source)
    from chatdesk.engine.llama_engine import LlamaEngine

    engine = LlamaEngine(paths.model_checks_path())
    return engine, engine.load_source(source)
