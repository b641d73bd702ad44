"""One model's evaluation: perplexity, speed, memory and, given a reference, KL and top-1 agreement.

The phases run in this order so each figure measures what it claims:

1. load the model (the GGUF is checked in Python first: some malformed files abort llama.cpp);
2. the perplexity pass over llama-perplexity's windows (``windows``), timed: prompt-processing
   tokens/s is every window token over the time spent in ``llama_decode``;
3. generation speed: a short prompt, then tokens decoded one at a time;
4. peak RSS is read *here*, before any reference model is loaded into the same process;
5. the model file's SHA-256 (after the timing, so hashing a large file does not slow it);
6. the comparison with a reference, window by window: the same token ids through both models.

``evaluate`` runs in-process and reports progress through a callback; ``chatdesk.evaluation.child``
wraps it in the JSON-lines protocol for a separate process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from chatdesk.engine.gguf_check import LEARNED_POSITION_ARCHS, GGUFSummary
from chatdesk.evaluation.errors import EvaluationCancelled, EvaluationError
from chatdesk.evaluation.llama_context import EvalContext
from chatdesk.evaluation.references import (
    CheckpointReference,
    is_gguf,
    open_checkpoint_reference,
    source_sha256,
    summarize,
)
from chatdesk.evaluation.results import (
    Comparison,
    EvaluationResult,
    ModelFacts,
    file_sha256,
    peak_rss_bytes,
    provenance,
)
from chatdesk.evaluation.scoring import DivergenceTotals, NLLTotals, log_softmax, token_nll
from chatdesk.evaluation.texts import EvalText
from chatdesk.evaluation.windows import DEFAULT_N_BATCH, MIN_CTX, WindowPlan, plan_windows
from translatable import msg

DEFAULT_CTX = 512  # llama-perplexity's default
DEFAULT_GEN_TOKENS = 128
ROW_BLOCK = 64  # rows per log-softmax block in comparisons (bounds memory for large vocabularies)

Progress = Callable[[dict[str, Any]], None]

# Share of the progress bar each phase takes.
_SPANS = {"load": (0.0, 0.05), "perplexity": (0.05, 0.7), "generation": (0.7, 0.78), "hash": (0.78, 0.82),
          "compare": (0.82, 1.0)}


@dataclass(frozen=True)
class Options:
    n_ctx: int | None = None
    """Window size; None: 512, or the model's trained context if that is smaller."""
    n_batch: int = DEFAULT_N_BATCH
    threads: int | None = None
    """None: the physical cores other programs leave free, re-checked as it runs (as chat does,
    ``chatdesk.engine.cpu_share``); a number: exactly that many threads."""
    gen_tokens: int = DEFAULT_GEN_TOKENS
    max_chunks: int | None = None
    reference: str | None = None
    """A GGUF or a checkpoint (folder / ckpt.pt) to compare against."""
    reference_tokenizer: str | None = None
    candidates: tuple[str, ...] = ()
    """Other GGUFs that may be this model's higher-precision source (same ``chatdesk.source.sha256``)."""
    check_cache: str | None = None
    """``model-checks.json`` of the data folder, to skip re-parsing GGUF metadata."""


def _never() -> bool:
    return False


class _Reporter:
    def __init__(self, progress: Progress | None, should_abort: Callable[[], bool]) -> None:
        self._progress = progress
        self._abort = should_abort

    def __call__(self, phase: str, done: int, total: int, message: str, **extra: Any) -> None:
        if self._abort():
            raise EvaluationCancelled()
        if self._progress is None:
            return
        lo, hi = _SPANS[phase]
        frac = lo + (hi - lo) * (done / total if total else 1.0)
        self._progress({"phase": phase, "done": done, "total": total, "progress": round(frac, 4),
                        "message": message, **extra})


def default_threads() -> int:
    from chatdesk.engine.llama_engine import physical_cores

    return physical_cores()


def evaluate(model_path: str | os.PathLike[str], text: EvalText, options: Options = Options(),
             progress: Progress | None = None, should_abort: Callable[[], bool] = _never) -> EvaluationResult:
    report = _Reporter(progress, should_abort)
    if options.n_batch < 1:
        raise EvaluationError(msg("The batch size must be positive, not {batch}.", batch=options.n_batch))
    cache = Path(options.check_cache) if options.check_cache else None
    summary = summarize(model_path, cache)
    n_ctx = _choose_ctx(summary, options.n_ctx)
    notes: list[str] = []
    if n_ctx > summary.context_length:
        notes.append(f"--ctx {n_ctx} exceeds the {summary.context_length} tokens the model was trained on")
    threads = options.threads or default_threads()
    reference = _resolve_reference(summary, options, cache)

    report("load", 0, 1, f"loading {Path(summary.path).name}")
    n_seq = max(1, options.n_batch // n_ctx)
    t_load, cpu0 = time.perf_counter(), time.process_time()
    share = options.threads is None
    ctx = EvalContext(summary.path, n_ctx, n_seq, min(options.n_batch, n_seq * n_ctx), threads, should_abort, share_cpu=share)
    try:
        load_seconds = time.perf_counter() - t_load
        report("load", 1, 1, f"loaded {Path(summary.path).name}")
        t0 = time.perf_counter()
        tokens = ctx.tokenize(text.data)
        plan = plan_windows(len(tokens), n_ctx, options.n_batch, options.max_chunks)
        totals, decode_s = _perplexity_pass(ctx, plan, tokens, report)
        seconds = time.perf_counter() - t0
        cpu_seconds = time.process_time() - cpu0

        n_prompt = max(1, min(32, n_ctx // 4))
        n_gen = max(0, min(options.gen_tokens, n_ctx - n_prompt, len(tokens) - n_prompt))
        gen_rate = None
        if n_gen:
            report("generation", 0, 1, f"timing generation of {n_gen} tokens")
            _, gen_s = ctx.time_generation(tokens, n_prompt, n_gen)
            gen_rate = n_gen / gen_s if gen_s > 0 else None
            report("generation", 1, 1, f"generation: {gen_rate or 0:.1f} tokens/s")
        peak = peak_rss_bytes()

        report("hash", 0, 1, "computing the model file's SHA-256")
        sha = file_sha256(summary.path, should_abort)
        report("hash", 1, 1, "hashed the model file")

        comparison = None
        if reference is not None:
            comparison = _compare(ctx, plan, tokens, text, summary, reference, options, threads, should_abort, report)
            notes.extend(comparison.notes)
        threads_used = sorted(ctx.threads_used)
    finally:
        ctx.close()

    return EvaluationResult(
        model=ModelFacts(
            path=summary.path, name=summary.name, sha256=sha, size_bytes=summary.size_bytes,
            architecture=summary.architecture, file_type=summary.file_type, n_params=summary.n_params,
            n_vocab=summary.n_vocab, context_length=summary.context_length, source_sha256=source_sha256(summary),
        ),
        text={"name": text.name, "path": text.path, "sha256": text.sha256, "characters": text.characters,
              "bytes": len(text.data)},
        n_ctx=n_ctx, n_batch=plan.n_batch, n_seq=plan.n_seq, n_chunks=plan.n_chunks,
        text_tokens=len(tokens), tokens=totals.count,
        perplexity=totals.perplexity, perplexity_error=totals.perplexity_error, mean_nll=totals.mean_nll,
        bits_per_token=totals.bits_per_token, bits_per_byte=totals.bits_per_byte,
        seconds=round(seconds, 4), load_seconds=round(load_seconds, 4), cpu_seconds=round(cpu_seconds, 4),
        prompt_tokens_per_s=plan.n_chunks * n_ctx / decode_s if decode_s > 0 else 0.0,
        gen_tokens=n_gen, gen_tokens_per_s=gen_rate, peak_rss_bytes=peak,
        comparison=comparison, provenance={**provenance(threads), "threads_auto": share, "threads_used": threads_used},
        notes=tuple(notes),
    )


def _choose_ctx(summary: GGUFSummary, requested: int | None) -> int:
    if requested is None:
        return min(DEFAULT_CTX, summary.context_length)
    if requested < MIN_CTX:
        raise EvaluationError(msg("A context of {ctx} tokens is too small to score anything; use --ctx {min_ctx} or more.",
                                   ctx=requested, min_ctx=MIN_CTX))
    if requested > summary.context_length and summary.architecture in LEARNED_POSITION_ARCHS:
        raise EvaluationError(msg(
            "{file} has learned positions for only {trained} tokens, so --ctx {ctx} cannot be evaluated; "
            "use --ctx {trained} or less.", file=Path(summary.path).name, trained=summary.context_length, ctx=requested,
        ))
    return requested


def _perplexity_pass(ctx: EvalContext, plan: WindowPlan, tokens: list[int], report: _Reporter) -> tuple[NLLTotals, float]:
    totals = NLLTotals()
    decode_s = 0.0
    done = 0
    report("perplexity", 0, plan.n_chunks, f"{plan.n_chunks} windows of {plan.n_ctx} tokens")
    for group in plan.groups():
        t = time.perf_counter()
        logits = ctx.window_logits(plan, tokens, group)
        decode_s += time.perf_counter() - t
        for chunk, rows in zip(group, logits):
            targets = np.asarray(plan.targets(tokens, chunk), dtype=np.int64)
            nbytes = sum(ctx.piece_bytes(int(tok)) for tok in targets)
            totals.add(token_nll(rows[: plan.scored_per_chunk], targets), nbytes)
        done += len(group)
        report("perplexity", done, plan.n_chunks, f"window {done}/{plan.n_chunks}: perplexity {totals.perplexity:.4f}",
               perplexity=round(totals.perplexity, 6))
    return totals, decode_s


# ----------------------------------------------------------------------------- comparison
@dataclass(frozen=True)
class _Reference:
    path: str
    summary: GGUFSummary | None  # None: a checkpoint


def _resolve_reference(summary: GGUFSummary, options: Options, cache: Path | None) -> _Reference | None:
    from chatdesk.evaluation.references import pick_reference

    if options.reference:
        ref = Path(options.reference).expanduser()
        if not ref.exists():
            raise EvaluationError(msg("The reference {path} does not exist.", path=str(ref)))
        if is_gguf(ref):
            ref_summary = summarize(ref, cache)  # the model itself is allowed: a self-check gives KL 0
            return _Reference(ref_summary.path, ref_summary)
        return _Reference(str(ref.resolve()), None)
    if source_sha256(summary) is None:
        return None  # not converted by ChatDesk: no way to tell which other GGUF is its source
    candidates = []
    for c in options.candidates:
        try:
            candidates.append(summarize(c, cache))
        except EvaluationError:
            continue
    best = pick_reference(summary, candidates)
    return _Reference(best.path, best) if best is not None else None


def _compare(ctx: EvalContext, plan: WindowPlan, tokens: list[int], text: EvalText, summary: GGUFSummary,
             reference: _Reference, options: Options, threads: int, should_abort: Callable[[], bool],
             report: _Reporter) -> Comparison:
    t0 = time.perf_counter()
    if reference.summary is not None:
        return _compare_gguf(ctx, plan, tokens, text, reference.summary, threads, should_abort, report, t0)
    report("compare", 0, plan.n_chunks, f"loading the checkpoint {Path(reference.path).name}")
    ref = open_checkpoint_reference(reference.path, options.reference_tokenizer)
    try:
        return _compare_checkpoint(ctx, plan, tokens, summary, ref, report, t0)
    finally:
        ref.close()


def _accumulate(div: DivergenceTotals, ref_nll: NLLTotals, ref_rows: np.ndarray, model_rows: np.ndarray,
                targets: np.ndarray) -> None:
    for lo in range(0, len(targets), ROW_BLOCK):
        hi = min(lo + ROW_BLOCK, len(targets))
        lp_ref = log_softmax(ref_rows[lo:hi])
        lp_model = log_softmax(model_rows[lo:hi])
        div.add(lp_ref, lp_model)
        ref_nll.add(-lp_ref[np.arange(hi - lo), targets[lo:hi]])


def _compare_gguf(ctx: EvalContext, plan: WindowPlan, tokens: list[int], text: EvalText, ref_summary: GGUFSummary,
                  threads: int, should_abort: Callable[[], bool], report: _Reporter, t0: float) -> Comparison:
    name = Path(ref_summary.path).name
    if ref_summary.n_vocab != ctx.n_vocab:
        raise EvaluationError(msg(
            "{reference} has {reference_vocab} tokens but {model} has {model_vocab}: they are not the same "
            "model, so their distributions cannot be compared.",
            reference=name, reference_vocab=ref_summary.n_vocab, model=ctx.path.name, model_vocab=ctx.n_vocab,
        ))
    report("compare", 0, plan.n_chunks, f"loading the reference {name}")
    with EvalContext(ref_summary.path, plan.n_ctx, plan.n_seq, plan.n_batch, threads, should_abort,
                     share_cpu=ctx.share_cpu) as ref:
        if ref.tokenize(text.data) != tokens:
            raise EvaluationError(msg("{reference} tokenizes the text differently from {model}: they are not the same model.",
                                       reference=name, model=ctx.path.name))
        div, ref_nll = DivergenceTotals(), NLLTotals()
        done = 0
        for group in plan.groups():
            ref_logits = ref.window_logits(plan, tokens, group)
            model_logits = ctx.window_logits(plan, tokens, group)
            for chunk, r_rows, m_rows in zip(group, ref_logits, model_logits):
                targets = np.asarray(plan.targets(tokens, chunk), dtype=np.int64)
                n = plan.scored_per_chunk
                _accumulate(div, ref_nll, r_rows[:n], m_rows[:n], targets)
            done += len(group)
            report("compare", done, plan.n_chunks, f"window {done}/{plan.n_chunks}: KL {div.kl_mean:.5f}")
    sha = file_sha256(ref_summary.path, should_abort)
    return Comparison(
        kind="gguf", path=ref_summary.path, name=ref_summary.name, sha256=sha, file_type=ref_summary.file_type,
        positions=div.count, kl_divergence=div.kl_mean, kl_p99=div.kl_quantile(0.99), kl_max=div.kl_max,
        top1_agreement=div.top1_agreement, reference_perplexity=ref_nll.perplexity, n_vocab_compared=ctx.n_vocab,
        seconds=round(time.perf_counter() - t0, 4),
    )


def _compare_checkpoint(ctx: EvalContext, plan: WindowPlan, tokens: list[int], summary: GGUFSummary,
                        ref: CheckpointReference, report: _Reporter, t0: float) -> Comparison:
    notes: list[str] = []
    if plan.n_ctx > ref.n_ctx:
        raise EvaluationError(msg("The checkpoint {name} has positions for only {n_ctx} tokens; use --ctx {n_ctx} or less.",
                                   name=ref.name, n_ctx=ref.n_ctx))
    converted_from = source_sha256(summary)
    if converted_from is None:
        notes.append(f"{Path(summary.path).name} does not record which checkpoint it was converted from")
    elif converted_from != ref.sha256:
        notes.append(f"{Path(summary.path).name} was converted from another checkpoint than {ref.name} (SHA-256 differs)")
    # Columns both share: the checkpoint's real token rows (nanoGPT pads its embedding; the converter
    # drops the padding and may append control tokens with zero rows that the checkpoint lacks).
    n_cmp = min(ref.n_vocab, ctx.n_vocab)
    if n_cmp < ctx.n_vocab:
        notes.append(f"compared over the {n_cmp} tokens the checkpoint has (the GGUF has {ctx.n_vocab})")
    bos = ctx.bos if ctx.add_bos else None
    div, ref_nll = DivergenceTotals(), NLLTotals()
    done = 0
    for group in plan.groups():
        model_logits = ctx.window_logits(plan, tokens, group)
        for chunk, m_rows in zip(group, model_logits):
            n = plan.scored_per_chunk
            ref_rows = ref.logits(plan.window(tokens, chunk, bos))[plan.first : plan.first + n, :n_cmp]
            targets = np.asarray(plan.targets(tokens, chunk), dtype=np.int64)
            if int(targets.max()) >= n_cmp:
                raise EvaluationError(msg("The text uses tokens the checkpoint {name} does not have: it is not this model's source.",
                                           name=ref.name))
            _accumulate(div, ref_nll, ref_rows, np.ascontiguousarray(m_rows[:n, :n_cmp]), targets)
        done += len(group)
        report("compare", done, plan.n_chunks, f"window {done}/{plan.n_chunks}: KL {div.kl_mean:.5f}")
    return Comparison(
        kind="checkpoint", path=ref.path, name=ref.name, sha256=ref.sha256, file_type="checkpoint (float32 forward)",
        positions=div.count, kl_divergence=div.kl_mean, kl_p99=div.kl_quantile(0.99), kl_max=div.kl_max,
        top1_agreement=div.top1_agreement, reference_perplexity=ref_nll.perplexity, n_vocab_compared=n_cmp,
        seconds=round(time.perf_counter() - t0, 4), notes=tuple(notes),
    )
