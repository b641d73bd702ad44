"""``chatdesk eval MODEL...``: perplexity, speed, memory and quantization cost, headless.

Each model is evaluated in its own child process (``python -m chatdesk.evaluation``, see that
package's docstring), one after another, so a llama.cpp abort cannot take the command down and
each peak-memory figure belongs to one model. Progress goes to stderr; results go to the database
(``chatdesk.store.evaluations``) and to stdout: a table, or with ``--json`` one JSON object per
model, one per line (with one model, the last line is its result).

A quantized model is compared with a higher-precision one automatically when ChatDesk converted
both from the same checkpoint (another MODEL on the command line or a GGUF in the data folder's
``models/``); ``--source`` names the reference explicitly: a GGUF, or the original checkpoint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from chatdesk import paths
from chatdesk.cli.common import JSON_LINES_HELP, CommandError, add_data_dir, open_store, print_json_line

EXIT_BAD_INPUT = 2


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser(
        "eval",
        help="measure models: perplexity, bits per token, speed, memory, KL against a higher-precision source",
        description="Evaluate GGUF models on a text (default: a built-in English + Chinese sample), with "
                    "llama-perplexity's windows, and store the results.",
    )
    add_data_dir(e)
    e.add_argument("models", nargs="+", metavar="MODEL", help="GGUF model file(s)")
    e.add_argument("--text", help="UTF-8 text file to evaluate on (at least 2 x ctx tokens)")
    e.add_argument("--ctx", type=int, help="window size in tokens (default 512, or the model's context if smaller)")
    e.add_argument("--threads", type=int,
                   help="exactly this many CPU threads (default: the physical cores other programs leave free, "
                        "re-checked as it runs, as chat does)")
    e.add_argument("--chunks", type=int, help="evaluate at most this many windows")
    e.add_argument("--source", metavar="MODEL_OR_CKPT",
                   help="reference for KL / top-1: a higher-precision GGUF, or the original checkpoint "
                        "(Hugging Face GPT-2 folder or nanoGPT ckpt.pt)")
    e.add_argument("--source-tokenizer", metavar="PATH", help="tokenizer of a nanoGPT checkpoint without meta.pkl")
    e.add_argument("--json", action="store_true", help=JSON_LINES_HELP.format(what="model's result"))
    e.add_argument("-o", "--output", metavar="FILE", help="also write the results to FILE.csv or FILE.json")
    e.set_defaults(run=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    from chatdesk.evaluation.errors import EvaluationError
    from chatdesk.evaluation.texts import load_text

    if args.ctx is not None and args.ctx < 1:
        raise CommandError(f"--ctx must be a positive number of tokens, not {args.ctx}.")
    if args.threads is not None and args.threads < 1:
        raise CommandError(f"--threads must be at least 1, not {args.threads}.")
    if args.output and Path(args.output).suffix.lower() not in (".csv", ".json"):
        raise CommandError(f"--output {args.output}: the file name must end in .csv or .json.")
    try:
        text = load_text(args.text)  # fail before starting any child for an unreadable text
    except EvaluationError as exc:
        raise CommandError(str(exc), exc.code) from exc
    if args.source and not Path(args.source).expanduser().exists():
        raise CommandError(f"The source {args.source} does not exist.")

    results: list[dict[str, Any]] = []
    worst = 0
    for model in args.models:
        outcome = _evaluate_one(model, args, text.path if args.text else None)
        if outcome.result is None:
            code = outcome.exit_code if outcome.exit_code in (1, 2) else 1
            if outcome.cancelled:
                raise KeyboardInterrupt
            print(f"chatdesk eval: {model}: {outcome.message()}", file=sys.stderr, flush=True)
            worst = max(worst, code)
            continue
        result = outcome.result
        with open_store(must_exist=False) as store:
            from chatdesk.store.evaluations import save_evaluation

            record = save_evaluation(store, result)
        results.append(result)
        if args.json:
            print_json_line({**result, "evaluation_id": record.id})
    if results and not args.json:
        _print_table(results)
    if results and args.output:
        _write_output(Path(args.output), results)
    return worst


def _candidates(model: str, models: list[str]) -> list[str]:
    """GGUFs that may be ``model``'s higher-precision source: the other models and the data folder's."""
    me = Path(model).expanduser().resolve()
    found = [str(Path(m).expanduser().resolve()) for m in models]
    folder = paths.models_dir()
    if folder.is_dir():
        found += [str(p.resolve()) for p in sorted(folder.glob("*.gguf"))]
    seen: set[str] = set()
    out = []
    for c in found:
        if c != str(me) and c not in seen and Path(c).is_file():
            seen.add(c)
            out.append(c)
    return out


def _evaluate_one(model: str, args: argparse.Namespace, text_path: str | None):
    from chatdesk.evaluation.launcher import child_arguments, run_child

    name = Path(model).name
    cache = paths.data_dir() / "model-checks.json" if paths.data_dir().is_dir() else None
    child_args = child_arguments(
        str(Path(model).expanduser()), text=text_path, ctx=args.ctx, threads=args.threads, chunks=args.chunks,
        reference=str(Path(args.source).expanduser()) if args.source else None,
        reference_tokenizer=args.source_tokenizer,
        candidates=[] if args.source else _candidates(model, args.models),
        check_cache=str(cache) if cache else None,
    )
    interactive = sys.stderr.isatty()

    def show(event: dict[str, Any]) -> None:
        if event.get("event") != "progress":
            return
        line = f"{name}: [{float(event.get('progress', 0)) * 100:5.1f}%] {event.get('message', '')}"
        if interactive:
            print("\r\033[K" + line, end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    try:
        return run_child(child_args, on_event=show)
    finally:
        if interactive:
            print(file=sys.stderr, flush=True)


def _fmt(value: Any, spec: str, suffix: str = "") -> str:
    return "-" if value is None else f"{value:{spec}}{suffix}"


def _print_table(results: list[dict[str, Any]]) -> None:
    from chatdesk.evaluation.export import flat_row
    from chatdesk.library.naming import display_name

    header = ("model", "type", "perplexity", "bits/token", "KL", "top-1", "prompt tok/s", "gen tok/s", "peak MB")
    rows = []
    for r in results:
        f = flat_row(r)
        ppl = _fmt(f["perplexity"], ".4f") + (f" ± {f['perplexity_error']:.4f}" if f["perplexity_error"] else "")
        rows.append((
            display_name(str(f["model_file"])), str(f["file_type"] or "?"), ppl,
            _fmt(f["bits_per_token"], ".4f"), _fmt(f["kl_divergence"], ".5f"),
            _fmt(None if f["top1_agreement"] is None else f["top1_agreement"] * 100, ".2f", "%"),
            _fmt(f["prompt_tokens_per_s"], ".1f"), _fmt(f["gen_tokens_per_s"], ".1f"),
            _fmt(None if f["peak_rss_bytes"] is None else f["peak_rss_bytes"] / 2**20, ".0f"),
        ))
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    first = results[0]
    print(f"text: {first['text']['name']} ({first['text_tokens']} tokens), n_ctx {first['n_ctx']}, "
          f"{first['n_chunks']} windows, {first['tokens']} scored tokens, "
          f"{_threads(first['provenance'])}, llama-cpp-python {first['provenance'].get('llama_cpp_python')}")
    for r in results:
        c = r.get("comparison")
        if c:
            print(f"{Path(r['model']['path']).name} compared with {Path(c['path']).name} ({c['file_type']}): "
                  f"reference perplexity {c['reference_perplexity']:.4f}, KL p99 {c['kl_p99']:.5f}")
        for note in r.get("notes") or ():
            print(f"note: {note}")


def _threads(prov: dict[str, Any]) -> str:
    used = prov.get("threads_used") or []
    if prov.get("threads_auto") and used:
        shown = str(used[0]) if len(used) == 1 else f"{used[0]}-{used[-1]}"
        return f"{shown} of {prov.get('threads')} threads (the free cores)"
    return f"{prov.get('threads')} threads"


def _write_output(path: Path, results: list[dict[str, Any]]) -> None:
    from chatdesk.evaluation.export import to_csv, to_json
    from chatdesk.transcripts.atomic import write_atomic
    from chatdesk.transcripts.errors import TranscriptError

    data = to_csv(results) if path.suffix.lower() == ".csv" else to_json(results)
    try:
        write_atomic(path, data.encode("utf-8"))
    except TranscriptError as exc:
        raise CommandError(str(exc), 1) from exc
    print(f"Wrote {len(results)} result(s) to {path}", file=sys.stderr)
