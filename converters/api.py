"""Public Python API: :func:`inspect`, :func:`convert`, :func:`verify`.

The desktop app's "Import checkpoint…" dialog calls :func:`inspect` to show
what was found, then runs the CLI (``python -m converters.cli --progress-json``)
in a child process, which calls :func:`convert`. All anticipated failures are
:class:`~converters.errors.ConversionError` with a user-facing message, and
``convert`` never leaves a partial output file behind.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

import ggufcheck

from .bert import (
    EmbeddingConversionResult,
    EmbeddingSummary,
    EmbeddingVerifyReport,
    convert_embedding,
    inspect_embedding,
    looks_like_bert,
    verify_embedding,
)
from .errors import BadInputError, ConversionError, InvalidGGUFError, MissingDependencyError
from .gguf_output import Provenance, write_gguf
from .llama_quantizer import fallback_warning, llama_quantize
from .quant_types import QUANT_TYPES, estimate_bytes, fallback_tensors, quant_type
from .reference_forward import ReferenceGPT2
from .sources import Checkpoint, open_checkpoint
from .tensor_map import PlannedTensor, build_plan, canonical_name, is_dropped_buffer
from .tensor_readers import file_sha256, fsize
from .version import CONVERTER_VERSION
from .vocab import estimate_vocab_kv_bytes

ProgressCallback = Callable[[float, str], None]


@dataclass(frozen=True)
class CheckpointSummary:
    source: str
    format: str
    """``"hf-gpt2"`` or ``"nanogpt"``."""
    n_layer: int
    n_head: int
    n_embd: int
    n_ff: int
    n_params: int
    vocab_size: int
    """Tokens in the GGUF (including an appended ``<|endoftext|>``)."""
    checkpoint_vocab_rows: int
    context_length: int
    tokenizer: str
    """``"bpe"`` or ``"char"``."""
    tokenizer_source: str
    training_step: int | None
    val_loss: float | None
    checkpoint_bytes: int
    estimated_bytes: dict[str, int]
    """Estimated GGUF size for every output type."""
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["notes"] = list(self.notes)
        return d


@dataclass(frozen=True)
class ConversionResult:
    output: str
    qtype: str
    file_type: int
    size_bytes: int
    seconds: float
    n_tensors: int
    tensor_types: dict[str, int]
    """GGUF tensor type -> count, read back from the written file."""
    fallback_tensors: tuple[str, ...]
    """Weights whose row length does not fit the block size of ``qtype``."""
    source_sha256: str
    summary: CheckpointSummary
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["summary"] = self.summary.to_dict()
        d["fallback_tensors"] = list(self.fallback_tensors)
        d["notes"] = list(self.notes)
        return d


@dataclass(frozen=True)
class VerifyReport:
    gguf: str
    file_type: int | None
    n_prompts: int
    n_positions: int
    max_abs_diff: float
    mean_abs_diff: float
    max_abs_logit: float
    top1_agreement: float
    tokenization_match: bool | None
    """Whether llama.cpp tokenized the prompts exactly like the source tokenizer (None: not checked)."""
    passed: bool
    min_top1: float
    details: tuple[dict, ...] = field(default=())

    def to_dict(self) -> dict:
        d = asdict(self)
        d["details"] = list(self.details)
        return d


# ----------------------------------------------------------------- helpers

def checked_gguf(path: str | os.PathLike) -> ggufcheck.GGUFInfo:
    """The shared GGUF validator, its refusal turned into the converter's own error type."""
    try:
        return ggufcheck.check(path)
    except ggufcheck.GGUFCheckError as exc:
        raise InvalidGGUFError(str(exc)) from exc


def _noop(_fraction: float, _message: str) -> None:
    pass


def _plan(ckpt: Checkpoint, context: int | None = None) -> list[PlannedTensor]:
    vocab = ckpt.vocab()
    return build_plan(
        ckpt.hparams,
        ckpt.layout,
        ckpt.reader.shapes(),
        untied_head=ckpt.untied_head,
        allow_missing_bias=ckpt.allow_missing_bias,
        vocab_rows=vocab.model_rows,
        vocab_zero_rows=vocab.zero_rows,
        context_rows=context,
    )


def _summary(ckpt: Checkpoint, plan: list[PlannedTensor]) -> CheckpointSummary:
    vocab = ckpt.vocab()
    tensors = [(t.gguf_name, t.out_shape) for t in plan]
    kv = estimate_vocab_kv_bytes(vocab)
    ctx = next(t.out_shape[0] for t in plan if t.gguf_name == "position_embd.weight")
    hp = ckpt.hparams
    return CheckpointSummary(
        source=str(ckpt.path),
        format=ckpt.format,
        n_layer=hp.n_layer,
        n_head=hp.n_head,
        n_embd=hp.n_embd,
        n_ff=hp.n_ff,
        n_params=hp.n_params(n_vocab=vocab.model_rows, untied_head=ckpt.untied_head),
        vocab_size=len(vocab.tokens),
        checkpoint_vocab_rows=hp.n_vocab,
        context_length=ctx,
        tokenizer=vocab.kind,
        tokenizer_source=vocab.source,
        training_step=ckpt.iter_num,
        val_loss=ckpt.best_val_loss,
        checkpoint_bytes=fsize(ckpt.weight_files),
        estimated_bytes={name: estimate_bytes(q, tensors, not ckpt.untied_head, kv) for name, q in QUANT_TYPES.items()},
        notes=tuple(ckpt.notes + vocab.notes),
    )


def _context(ckpt: Checkpoint, context: int | None) -> int | None:
    if context is None:
        return None
    if isinstance(context, bool) or not isinstance(context, int) or context < 1:
        raise BadInputError(f"context length must be a positive integer, got {context!r}")
    if context > ckpt.hparams.n_ctx:
        raise BadInputError(
            f"context length {context} exceeds the model's {ckpt.hparams.n_ctx} learned positions "
            "(GPT-2 cannot attend beyond its position table)"
        )
    return context


# ----------------------------------------------------------------- inspect

def inspect(src: str | os.PathLike, tokenizer: str | os.PathLike | None = None) -> CheckpointSummary | EmbeddingSummary:
    """Describe a checkpoint without converting it (reads headers, not weights).

    A BERT sentence-embedding folder gets an :class:`EmbeddingSummary` (converters.bert).
    """
    if looks_like_bert(src):
        return inspect_embedding(src)
    ckpt = open_checkpoint(src, tokenizer)
    try:
        return _summary(ckpt, _plan(ckpt))
    finally:
        ckpt.close()


# ----------------------------------------------------------------- convert

def _temp_path(folder: Path, stem: str, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)


def convert(
    src: str | os.PathLike,
    out: str | os.PathLike,
    qtype: str = "q8_0",
    *,
    tokenizer: str | os.PathLike | None = None,
    name: str | None = None,
    context: int | None = None,
    progress: ProgressCallback | None = None,
) -> ConversionResult | EmbeddingConversionResult:
    """Convert ``src`` to a GGUF at ``out``, atomically.

    Data goes to a temporary file beside ``out`` and is renamed into place only
    after our own structural check of the finished file; on any failure every
    temporary file is removed and ``out`` is left untouched. A BERT
    sentence-embedding folder is converted by :func:`converters.bert.convert_embedding`.
    """
    if looks_like_bert(src):
        if context is not None or tokenizer is not None:
            raise BadInputError("--context and --tokenizer apply to GPT-2 checkpoints only; an embedding model "
                                "keeps its own tokenizer and learned positions")
        return convert_embedding(src, out, qtype, name=name, progress=progress)
    t0 = time.perf_counter()
    report = progress or _noop
    qt = quant_type(qtype)
    out = Path(out).expanduser()
    if out.is_dir():
        raise BadInputError(f"output {out} is a folder; give a file name such as model.gguf")
    if not out.parent.is_dir():
        raise BadInputError(f"output folder {out.parent} does not exist")
    report(0.0, "reading checkpoint")
    ckpt = open_checkpoint(src, tokenizer)
    temps: list[Path] = []
    try:
        ctx = _context(ckpt, context)
        plan = _plan(ckpt, ctx)
        summary = _summary(ckpt, plan)
        vocab = ckpt.vocab()
        notes = list(summary.notes)
        ctx_len = summary.context_length
        if ctx_len % 256:
            notes.append(
                f"context length {ctx_len} is not a multiple of 256: llama.cpp pads n_ctx to 256, so the app "
                f"must itself keep prompt + reply within {ctx_len} tokens"
            )
        report(0.03, f"found {summary.format} model: {summary.n_layer} layers, {summary.n_embd} wide, "
                     f"{summary.n_params:,} parameters, {summary.tokenizer} tokenizer with {summary.vocab_size} tokens")
        hasher = ThreadPoolExecutor(max_workers=1)  # hashing overlaps tokenizer/metadata work
        sha_future = hasher.submit(file_sha256, ckpt.weight_files)
        hasher.shutdown(wait=False)
        matrices = [(t.gguf_name, t.out_shape) for t in plan if t.is_matrix]
        fallback = fallback_tensors(qt, matrices)
        if fallback:
            rows = sorted({s[-1] for n, s in matrices if n in fallback})
            n_proj = 4 * ckpt.hparams.n_layer
            msg = (f"fallback quantization: {len(fallback)} of {n_proj} projection matrices have rows of "
                   f"{', '.join(map(str, rows))} values, not a multiple of {qt.block}, so llama.cpp stores them "
                   f"as {qt.fallback} (or similar) instead of {qt.nominal}")
            notes.append(msg)
            report(0.09, msg)
        def provenance() -> Provenance:
            return Provenance(
                source_format=ckpt.format,
                source_sha256=sha_future.result(),
                source_file=ckpt.path.name,
                converter_version=CONVERTER_VERSION,
                tokenizer_kind=vocab.kind,
                iter_num=ckpt.iter_num,
                best_val_loss=ckpt.best_val_loss,
            )

        gguf_name = name or ckpt.default_name
        final_tmp = _temp_path(out.parent, out.name, ".partial")
        temps.append(final_tmp)
        direct = not qt.via_llama
        first = final_tmp if direct else _temp_path(out.parent, out.name, ".f16.partial")
        if not direct:
            temps.append(first)
        write_gguf(
            first,
            hparams=ckpt.hparams,
            context_length=ctx_len,
            plan=plan,
            reader=ckpt.reader,
            vocab=vocab,
            name=gguf_name,
            file_type=qt.file_type if direct else QUANT_TYPES["f16"].file_type,
            matrix_dtype=np.dtype(np.float32 if qt.name == "f32" else np.float16),
            provenance=provenance,
            progress=report,
            progress_span=(0.1, 0.9 if direct else 0.6),
        )
        if not direct:
            checked_gguf(first)  # never hand llama.cpp a file we have not checked
            report(0.62, f"quantizing to {qt.name} with llama.cpp")
            log = llama_quantize(first, final_tmp, qt.file_type)
            warning = fallback_warning(log)
            if warning:
                notes.append(f"llama.cpp: {warning}")
            first.unlink(missing_ok=True)
        report(0.95, "checking the written file")
        info = checked_gguf(final_tmp)
        os.replace(final_tmp, out)
        temps.clear()
        result = ConversionResult(
            output=str(out),
            qtype=qt.name,
            file_type=int(info.file_type) if info.file_type is not None else qt.file_type,
            size_bytes=info.size_bytes,
            seconds=round(time.perf_counter() - t0, 3),
            n_tensors=info.n_tensors,
            tensor_types=info.type_histogram(),
            fallback_tensors=tuple(fallback),
            source_sha256=sha_future.result(),
            summary=summary,
            notes=tuple(notes),
        )
        report(1.0, f"wrote {out.name} ({info.size_bytes / 1e6:.1f} MB, {qt.name})")
        return result
    finally:
        for p in temps:
            try:
                p.unlink()
            except FileNotFoundError:
                pass
        ckpt.close()


# ----------------------------------------------------------------- verify

DEFAULT_PROMPTS = (
    "The quick brown fox jumps over the lazy dog. It was a bright cold day in April,\n"
    "and the clocks were striking thirteen.",
    "def add(a, b):\n    return a + b   # spaces   and\ttabs\n\n",
    "床前明月光，疑是地上霜。举头望明月，低头思故乡。",
    "Emoji 😀🎉 and accents: café, naïve, Ünïcödé — 42 + 3.14 = 45.14!",
)
MIN_TOP1 = {0: 0.99, 1: 0.98, 7: 0.9}


def _source_token_ids(ckpt: Checkpoint, prompt: str) -> list[int] | None:
    vocab = ckpt.vocab()
    if vocab.stoi is not None:
        return [vocab.stoi[c] for c in prompt if c in vocab.stoi]
    try:
        from tokenizers import Tokenizer  # noqa: PLC0415
    except ImportError:
        return None
    if vocab.tokenizer_json is not None:
        tok = Tokenizer.from_file(str(vocab.tokenizer_json))
    else:
        from tokenizers import decoders, models, pre_tokenizers  # noqa: PLC0415

        folder = Path(ckpt.tokenizer_path)
        folder = folder if folder.is_dir() else folder.parent
        tok = Tokenizer(models.BPE.from_file(str(folder / "vocab.json"), str(folder / "merges.txt")))
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tok.decoder = decoders.ByteLevel()
    return tok.encode(prompt, add_special_tokens=False).ids


def load_source_weights(ckpt: Checkpoint) -> dict[str, np.ndarray]:
    return {
        name: ckpt.reader.read(name)
        for name in ckpt.reader.shapes()
        if not is_dropped_buffer(canonical_name(name))
    }


def verify(
    src: str | os.PathLike,
    gguf_path: str | os.PathLike,
    prompts: Sequence[str] | None = None,
    *,
    tokenizer: str | os.PathLike | None = None,
) -> VerifyReport:
    """Compare llama.cpp's logits on ``gguf_path`` with a forward pass of the source weights."""
    gguf_path = Path(gguf_path)
    info = checked_gguf(gguf_path)  # raises before llama.cpp could abort on a bad file
    try:
        from llama_cpp import Llama  # noqa: PLC0415
    except ImportError:
        raise MissingDependencyError("verification needs llama-cpp-python (pip install llama-cpp-python)") from None
    ckpt = open_checkpoint(src, tokenizer)
    try:
        vocab = ckpt.vocab()
        if info.n_vocab != len(vocab.tokens):
            raise BadInputError(
                f"{gguf_path.name} has {info.n_vocab} tokens but {ckpt.path.name} with its tokenizer gives "
                f"{len(vocab.tokens)}; they are not the same model"
            )
        ref = ReferenceGPT2(load_source_weights(ckpt), ckpt.hparams, ckpt.layout, ckpt.untied_head)
        ctx = info.context_length
        llm = Llama(model_path=str(gguf_path), n_ctx=ctx, n_batch=min(512, ctx), logits_all=True, verbose=False)
        n_cmp = vocab.model_rows
        diffs, tops, details = [], [], []
        max_logit = 0.0
        tok_match: bool | None = True
        used = 0
        for prompt in (prompts or DEFAULT_PROMPTS):
            ids = llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=False)[:ctx]
            expected_ids = _source_token_ids(ckpt, prompt)
            if expected_ids is None:
                tok_match = None
            elif tok_match is not None and expected_ids[:ctx] != ids:
                tok_match = False
            if not ids:
                continue
            used += 1
            llm.reset()
            llm.eval(ids)
            got = np.asarray(llm.scores[: len(ids), :n_cmp], dtype=np.float32)
            want = ref.logits(ids)[:, :n_cmp]
            d = np.abs(got - want)
            agree = got.argmax(-1) == want.argmax(-1)
            diffs.append(d)
            tops.append(agree)
            max_logit = max(max_logit, float(np.abs(want).max()))
            details.append({"n_tokens": len(ids), "max_abs_diff": float(d.max()), "top1_agreement": float(agree.mean())})
        llm.close()
        if not used:
            raise BadInputError("none of the prompts produced any tokens with this vocabulary")
        all_d = np.concatenate([d.ravel() for d in diffs])
        all_top = np.concatenate(tops)
        ft = info.file_type
        min_top1 = MIN_TOP1.get(int(ft) if ft is not None else -1, 0.5)
        top1 = float(all_top.mean())
        return VerifyReport(
            gguf=str(gguf_path),
            file_type=ft,
            n_prompts=used,
            n_positions=int(all_top.size),
            max_abs_diff=float(all_d.max()),
            mean_abs_diff=float(all_d.mean()),
            max_abs_logit=max_logit,
            top1_agreement=top1,
            tokenization_match=tok_match,
            passed=top1 >= min_top1 and tok_match is not False,
            min_top1=min_top1,
            details=tuple(details),
        )
    finally:
        ckpt.close()


__all__ = [
    "CheckpointSummary", "ConversionResult", "VerifyReport", "inspect", "convert", "verify",
    "EmbeddingSummary", "EmbeddingConversionResult", "EmbeddingVerifyReport", "convert_embedding",
    "inspect_embedding", "verify_embedding",
    "ConversionError", "BadInputError", "QUANT_TYPES",
]
