"""``python -m chatdesk.evaluation``: one model's evaluation in its own process, as JSON lines.

A separate process keeps a llama.cpp abort (a malformed file, an out-of-memory) away from the
window or the terminal command, lets the peak RSS describe one model, and makes Cancel a signal:
SIGTERM (or SIGINT) sets a flag that llama.cpp's abort callback and every phase boundary check,
so the child stops within one graph evaluation, prints a ``cancelled`` line and exits with status
143 (130 for SIGINT). The child writes no files, so nothing is left behind. The protocol is
described in the package docstring (``chatdesk.evaluation``).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any, NoReturn

from chatdesk.evaluation.errors import EvaluationCancelled, EvaluationError
from translatable import msg, text_of, to_data

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


def emit_error(error: str, exit_code: int) -> None:
    """The ``error`` line: the English sentence, plus its template and params (``translatable``)
    so the window can show it in its own language."""
    emit("error", error=error, exit_code=exit_code, **to_data(error))


def emit(event: str, **fields: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **fields}, ensure_ascii=False, allow_nan=False) + "\n")
    sys.stdout.flush()


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m chatdesk.evaluation", description="Evaluate one GGUF model; JSON lines on stdout.")
    p.add_argument("model", help="the GGUF model file")
    p.add_argument("--text", help="UTF-8 text file (default: the built-in English + Chinese sample)")
    p.add_argument("--ctx", type=int, default=None, help="window size in tokens (default 512, or the model's context if smaller)")
    p.add_argument("--batch", type=int, default=2048, help="logical batch size (llama-perplexity's default 2048)")
    p.add_argument("--threads", type=int, default=None, help="CPU threads (default: physical cores)")
    p.add_argument("--gen-tokens", type=int, default=128, help="tokens for the generation-speed measurement (0: skip)")
    p.add_argument("--chunks", type=int, default=None, help="evaluate at most this many windows")
    p.add_argument("--reference", help="a higher-precision GGUF or the original checkpoint to compare against")
    p.add_argument("--reference-tokenizer", help="tokenizer for a nanoGPT checkpoint without meta.pkl")
    p.add_argument("--candidate", action="append", default=[],
                   help="a GGUF that may be this model's higher-precision source (repeatable)")
    p.add_argument("--check-cache", help="model-checks.json cache of GGUF verdicts")
    return p


class _CancelFlag:
    """Set from a signal handler; read by llama.cpp's abort callback and between phases."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.signum: int | None = None

    def __call__(self) -> bool:
        return self._event.is_set()

    def handle(self, signum: int, _frame: object) -> None:
        self.signum = signum
        self._event.set()

    def install(self) -> None:
        signal.signal(signal.SIGTERM, self.handle)
        signal.signal(signal.SIGINT, self.handle)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    cancel = _CancelFlag()
    cancel.install()
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as exc:
        emit_error(msg("bad arguments: {error}", error=str(exc)), EXIT_BAD_INPUT)
        return EXIT_BAD_INPUT
    try:
        return _run(args, cancel)
    except EvaluationCancelled:
        return _cancelled(cancel)
    except EvaluationError as exc:
        if cancel():
            return _cancelled(cancel)
        emit_error(text_of(exc), exc.code)
        return exc.code
    except MemoryError:
        emit_error(msg("The evaluation ran out of memory. Try a smaller --ctx or --batch."), EXIT_FAILED)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - unexpected: keep the traceback for a bug report, still answer in JSON
        import traceback

        traceback.print_exc()
        emit_error(msg("internal error: {kind}: {error}", kind=type(exc).__name__, error=str(exc)), EXIT_FAILED)
        return EXIT_FAILED


def _cancelled(cancel: _CancelFlag) -> int:
    code = EXIT_SIGINT if cancel.signum == signal.SIGINT else EXIT_SIGTERM
    emit("cancelled", exit_code=code)
    return code


def _run(args: argparse.Namespace, cancel: _CancelFlag) -> int:
    from chatdesk.evaluation.evaluate import Options, evaluate
    from chatdesk.evaluation.texts import load_text

    emit("start", protocol=1, model=args.model)
    text = load_text(args.text)
    options = Options(
        n_ctx=args.ctx, n_batch=args.batch, threads=args.threads, gen_tokens=max(0, args.gen_tokens),
        max_chunks=args.chunks, reference=args.reference, reference_tokenizer=args.reference_tokenizer,
        candidates=tuple(args.candidate), check_cache=args.check_cache,
    )
    if args.threads is not None and args.threads < 1:
        raise EvaluationError(msg("--threads must be at least 1, not {threads}.", threads=args.threads))
    result = evaluate(args.model, text, options, progress=lambda p: emit("progress", **p), should_abort=cancel)
    if cancel():
        raise EvaluationCancelled()
    emit("result", result=result.to_dict())
    return EXIT_OK
