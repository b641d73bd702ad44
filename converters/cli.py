"""``chatdesk-convert``: command-line front end of :mod:`converters.api`.

With ``--progress-json`` every line on stdout is one JSON object, so the
desktop app can run ``python -m converters.cli`` as a child process and drive
a progress bar::

    {"progress": 0.42, "message": "wrote blk.3.ffn_up.weight ..."}
    {"progress": 1.0, "message": "verifying logits ...", "stage": "verify"}
    {"done": true, "output": "/path/model.gguf", "summary": {...}, "result": {...}}
    {"error": "human readable message", "exit_code": 2}

With ``--verify`` the done line carries ``verify`` (the report) or, when the check itself could
not run, ``verify_error`` (``{"error": sentence, "template": ..., "params": ...}``); the file is
written either way. ``converters.parity`` turns the report into the pass/fail sentence.

Exit codes: 0 success, 2 bad input (wrong/unsupported/corrupt checkpoint,
bad option), 1 conversion failure, 3 ``--verify`` ran but the file failed it (or could not be checked).
Anticipated failures never print a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from translatable import text_of, to_data

from .errors import ConversionError
from .parity import parity_sentence, parity_unavailable
from .quant_types import QUANT_TYPES

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_VERIFY_FAILED = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors through our channel (and JSON mode) instead of exiting."""

    def error(self, message: str):
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="chatdesk-convert",
        description="Convert a GPT-2 (Hugging Face) or nanoGPT checkpoint, or a BERT sentence-embedding "
                    "model (sentence-transformers folder: MiniLM, BGE, E5), to GGUF for ChatDesk.",
    )
    p.add_argument("src", help="HF GPT-2 folder (config.json + weights), nanoGPT ckpt.pt / out folder, or a "
                               "sentence-transformers BERT folder")
    p.add_argument("-o", "--output", help="output .gguf file (required unless --inspect)")
    p.add_argument("--type", default="q8_0", choices=list(QUANT_TYPES), help="output type (default q8_0)")
    p.add_argument("--tokenizer", help="tokenizer folder/file: tokenizer.json, vocab.json+merges.txt, or meta.pkl")
    p.add_argument("--name", help="model name stored in the GGUF (general.name)")
    p.add_argument("--context", type=int, help="context length to store (at most the model's learned positions)")
    p.add_argument("--verify", action="store_true", help="after converting, compare logits with the source model")
    p.add_argument("--inspect", action="store_true", help="print what was found as one JSON object; convert nothing")
    p.add_argument("--progress-json", action="store_true", help="machine-readable progress, one JSON object per line")
    return p


def _terminate_cleanly_on_sigterm():
    """Turn SIGTERM (e.g. ``QProcess.terminate()``) into KeyboardInterrupt.

    ``convert`` then removes its temporary files on the way out. SIGKILL cannot
    be caught; after one, ``.<output name>.*.partial`` files may remain in the
    output folder.
    """
    import signal  # noqa: PLC0415
    import threading  # noqa: PLC0415

    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(_signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    return lambda: signal.signal(signal.SIGTERM, previous)


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    json_mode = "--progress-json" in argv

    def fail(message: str, code: int) -> int:
        print(f"chatdesk-convert: error: {message}", file=sys.stderr)
        if json_mode:  # the template and params travel too, so the window can show it in its language
            _emit({"error": str(message), "exit_code": code, **to_data(message)})
        return code

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        if not json_mode:
            parser.print_usage(sys.stderr)
        return fail(str(exc), EXIT_BAD_INPUT)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)

    from . import api  # noqa: PLC0415  (keeps --help fast)

    restore = _terminate_cleanly_on_sigterm()
    try:
        return _run(args, fail, api)
    finally:
        restore()


def _run(args: argparse.Namespace, fail, api) -> int:
    """Do what the parsed options ask; every anticipated failure becomes ``fail(message, code)``."""
    try:
        if args.inspect:
            summary = api.inspect(args.src, tokenizer=args.tokenizer)
            print(json.dumps(summary.to_dict(), ensure_ascii=False))
            return EXIT_OK
        if not args.output:
            return fail("an output file is required: -o OUT.gguf", EXIT_BAD_INPUT)

        if args.progress_json:
            def progress(fraction: float, message: str) -> None:
                _emit({"progress": round(float(fraction), 4), "message": message})
        else:
            def progress(fraction: float, message: str) -> None:
                print(f"[{fraction * 100:5.1f}%] {message}", file=sys.stderr)

        result = api.convert(
            args.src, args.output, args.type,
            tokenizer=args.tokenizer, name=args.name, context=args.context, progress=progress,
        )
        for note in result.notes:
            print(f"note: {note}", file=sys.stderr)
        report = None
        verify_error: str | None = None
        code = EXIT_OK
        if args.verify and isinstance(result, api.EmbeddingConversionResult):
            progress(1.0, "verifying embeddings against the source model")
            report = api.verify_embedding(args.src, result.output)
            print(
                f"verify: cosine with the source model min {report.min_cosine:.6f}, mean {report.mean_cosine:.6f} "
                f"over {report.n_texts} texts (needs {report.threshold}), tokenization "
                f"{'matches' if report.tokenization_match else 'unchecked' if report.tokenization_match is None else 'DIFFERS'}"
                f" -> {'ok' if report.passed else 'FAILED'}",
                file=sys.stderr,
            )
            if not report.passed:
                code = EXIT_VERIFY_FAILED
        elif args.verify:
            if args.progress_json:  # the stage lets the window say it in its own words
                _emit({"progress": 1.0, "message": "verifying logits against the source model", "stage": "verify"})
            else:
                progress(1.0, "verifying logits against the source model")
            try:
                report = api.verify(args.src, result.output, tokenizer=args.tokenizer)
            except ConversionError as exc:  # the file was written; only the check could not run
                verify_error = text_of(exc)
                print(f"verify: {parity_unavailable(verify_error)}", file=sys.stderr)
                code = EXIT_VERIFY_FAILED
            else:
                print(
                    f"verify: max |Δlogit| {report.max_abs_diff:.3g} (logits up to {report.max_abs_logit:.3g}), "
                    f"top-1 agreement {report.top1_agreement:.1%} over {report.n_positions} positions, "
                    f"tokenization {'matches' if report.tokenization_match else 'unchecked' if report.tokenization_match is None else 'DIFFERS'}"
                    f" -> {'ok' if report.passed else 'FAILED'}",
                    file=sys.stderr,
                )
                print(parity_sentence(report.to_dict()), file=sys.stderr)
                if not report.passed:
                    code = EXIT_VERIFY_FAILED
        if args.progress_json:
            done = {"done": True, "output": result.output, "summary": result.summary.to_dict(),
                    "result": result.to_dict()}
            if report is not None:
                done["verify"] = report.to_dict()
            if verify_error is not None:
                done["verify_error"] = {"error": str(verify_error), **to_data(verify_error)}
            _emit(done)
        else:
            print(result.output)
        return code
    except ConversionError as exc:
        return fail(text_of(exc), exc.exit_code)
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_FAILED)
    except MemoryError:
        return fail("ran out of memory while converting", EXIT_FAILED)
    except Exception as exc:  # noqa: BLE001 - unexpected: keep the traceback for bug reports, still answer in JSON
        import traceback  # noqa: PLC0415

        traceback.print_exc()
        return fail(f"internal error: {type(exc).__name__}: {exc}", EXIT_FAILED)


if __name__ == "__main__":
    sys.exit(main())
