"""Convert a BERT-family sentence-embedding checkpoint to a ``bert`` GGUF.

Same contract as the GPT-2 path in :mod:`converters.api`: anticipated failures are
:class:`~converters.errors.ConversionError` with a sentence for the user, the output appears
atomically (temporary file beside it, checked, then renamed) and nothing partial is left
behind. ``f32``/``f16`` are written by gguf-py; other types go through llama.cpp's quantizer
from an F16 intermediate, like the chat models.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

import ggufcheck
from translatable import msg

from ..errors import BadInputError, InvalidGGUFError
from ..llama_quantizer import fallback_warning, llama_quantize
from ..quant_types import QUANT_TYPES, quant_type
from ..tensor_readers import file_sha256, fsize
from ..version import CONVERTER_VERSION
from .source import FORMAT, SentenceCheckpoint, open_sentence_checkpoint
from .tensors import build_bert_plan
from .vocab import WordPieceVocab, load_wordpiece
from .writer import write_bert_gguf

ProgressCallback = Callable[[float, str], None]


@dataclass(frozen=True)
class EmbeddingSummary:
    source: str
    format: str
    """Always ``"sentence-bert"``."""
    n_layer: int
    n_head: int
    n_embd: int
    """The embedding dimension."""
    n_ff: int
    n_params: int
    vocab_size: int
    context_length: int
    """Learned positions (the most tokens llama.cpp may ever see)."""
    max_seq_length: int | None
    """Where sentence-transformers truncates input (``sentence_bert_config.json``)."""
    pooling: str
    normalize: bool
    lowercase: bool
    tokenizer_source: str
    checkpoint_bytes: int
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["notes"] = list(self.notes)
        return d


@dataclass(frozen=True)
class EmbeddingConversionResult:
    output: str
    qtype: str
    file_type: int
    size_bytes: int
    seconds: float
    n_tensors: int
    tensor_types: dict[str, int]
    source_sha256: str
    summary: EmbeddingSummary
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["summary"] = self.summary.to_dict()
        d["notes"] = list(self.notes)
        return d


def _noop(_fraction: float, _message: str) -> None:
    pass


def _summary(ckpt: SentenceCheckpoint) -> tuple[EmbeddingSummary, list, WordPieceVocab]:
    shapes = ckpt.reader.shapes()
    plan = build_bert_plan(ckpt.hparams, shapes)
    n_rows = plan[0].out_shape[0]  # token_embd.weight comes first
    vocab = load_wordpiece(ckpt.model_dir if (ckpt.model_dir / "vocab.txt").is_file()
                           or (ckpt.model_dir / "tokenizer.json").is_file() else ckpt.path, n_rows)
    hp = ckpt.hparams
    summary = EmbeddingSummary(
        source=str(ckpt.path),
        format=FORMAT,
        n_layer=hp.n_layer,
        n_head=hp.n_head,
        n_embd=hp.n_embd,
        n_ff=hp.n_ff,
        n_params=sum(t.n_elements for t in plan),
        vocab_size=len(vocab.tokens),
        context_length=hp.n_positions,
        max_seq_length=ckpt.max_seq_length,
        pooling=ckpt.pooling,
        normalize=ckpt.normalize,
        lowercase=vocab.lowercase,
        tokenizer_source=vocab.source,
        checkpoint_bytes=fsize(ckpt.weight_files),
        notes=tuple(ckpt.notes + vocab.notes),
    )
    return summary, plan, vocab


def inspect_embedding(src: str | os.PathLike) -> EmbeddingSummary:
    """Describe an embedding checkpoint without converting it (headers and small JSON files only)."""
    ckpt = open_sentence_checkpoint(src)
    try:
        return _summary(ckpt)[0]
    finally:
        ckpt.close()


def _temp_path(folder: Path, stem: str, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)


def _checked(path: Path) -> ggufcheck.GGUFInfo:
    try:
        return ggufcheck.check(path)
    except ggufcheck.GGUFCheckError as exc:
        raise InvalidGGUFError(str(exc)) from exc


def convert_embedding(
    src: str | os.PathLike,
    out: str | os.PathLike,
    qtype: str = "f16",
    *,
    name: str | None = None,
    progress: ProgressCallback | None = None,
) -> EmbeddingConversionResult:
    """Convert the sentence-embedding checkpoint ``src`` to a GGUF at ``out``, atomically."""
    t0 = time.perf_counter()
    report = progress or _noop
    qt = quant_type(qtype)
    out = Path(out).expanduser()
    if out.is_dir():
        raise BadInputError(msg("output {out} is a folder; give a file name such as model.gguf", out=out))
    if not out.parent.is_dir():
        raise BadInputError(msg("output folder {parent} does not exist", parent=out.parent))
    report(0.0, "reading checkpoint")
    ckpt = open_sentence_checkpoint(src)
    temps: list[Path] = []
    try:
        summary, plan, vocab = _summary(ckpt)
        notes = list(summary.notes)
        report(0.03, f"found BERT sentence encoder: {summary.n_layer} layers, {summary.n_embd} dimensions, "
                     f"{summary.pooling} pooling, {summary.vocab_size} WordPiece tokens")
        hasher = ThreadPoolExecutor(max_workers=1)
        sha_future = hasher.submit(file_sha256, ckpt.weight_files)
        hasher.shutdown(wait=False)

        def provenance() -> dict[str, str]:
            return {
                "chatdesk.source.format": FORMAT,
                "chatdesk.source.file": ckpt.weight_files[0].name,
                "chatdesk.source.sha256": sha_future.result(),
                "chatdesk.converter.version": CONVERTER_VERSION,
                "chatdesk.tokenizer.kind": "wordpiece",
            }

        final_tmp = _temp_path(out.parent, out.name, ".partial")
        temps.append(final_tmp)
        direct = not qt.via_llama
        first = final_tmp if direct else _temp_path(out.parent, out.name, ".f16.partial")
        if not direct:
            temps.append(first)
        write_bert_gguf(
            first,
            ckpt=ckpt,
            plan=plan,
            vocab=vocab,
            name=name or ckpt.default_name,
            file_type=qt.file_type if direct else QUANT_TYPES["f16"].file_type,
            matrix_dtype=np.dtype(np.float32 if qt.name == "f32" else np.float16),
            provenance=provenance,
            progress=report,
            progress_span=(0.1, 0.9 if direct else 0.6),
        )
        if not direct:
            _checked(first)
            report(0.62, f"quantizing to {qt.name} with llama.cpp")
            warning = fallback_warning(llama_quantize(first, final_tmp, qt.file_type))
            if warning:
                notes.append(f"llama.cpp: {warning}")
            first.unlink(missing_ok=True)
        report(0.95, "checking the written file")
        info = _checked(final_tmp)
        os.replace(final_tmp, out)
        temps.clear()
        report(1.0, f"wrote {out.name} ({info.size_bytes / 1e6:.1f} MB, {qt.name})")
        return EmbeddingConversionResult(
            output=str(out),
            qtype=qt.name,
            file_type=int(info.file_type) if info.file_type is not None else qt.file_type,
            size_bytes=info.size_bytes,
            seconds=round(time.perf_counter() - t0, 3),
            n_tensors=info.n_tensors,
            tensor_types=info.type_histogram(),
            source_sha256=sha_future.result(),
            summary=summary,
            notes=tuple(notes),
        )
    finally:
        for p in temps:
            try:
                p.unlink()
            except FileNotFoundError:
                pass
        ckpt.close()
