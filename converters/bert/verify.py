"""Check a converted embedding GGUF against the source weights: ``chatdesk-convert --verify``.

The reference is a plain numpy forward pass of the checkpoint's own weights (embeddings, the
encoder layers, the model's pooling, L2 norm), so verification needs neither torch nor
transformers. Each sentence is tokenized by llama.cpp and, where the ``tokenizers`` package and a
``tokenizer.json`` are there, by the original tokenizer too, and the two id lists are compared.
The vectors are compared by cosine similarity: F32 and F16 files must reach 0.999 on every
sentence, quantized files 0.99 (docs/converting.md has measured figures). The test suite does
the stronger check against transformers itself.
"""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from translatable import msg

from ..errors import BadInputError, MissingDependencyError
from .source import SentenceCheckpoint, open_sentence_checkpoint
from .tensors import _canonical

DEFAULT_SENTENCES = (
    "The quick brown fox jumps over the lazy dog.",
    "Employees must submit travel expenses within two weeks.",
    "床前明月光，疑是地上霜。举头望明月，低头思故乡。",
    "Café owners in Zürich serve crème brûlée — 42% more than last year!",
    "",
)
MIN_COSINE = {0: 0.999, 1: 0.999}  # general.file_type: F32, F16
MIN_COSINE_QUANTIZED = 0.99
_erf = np.frompyfunc(math.erf, 1, 1)


@dataclass(frozen=True)
class EmbeddingVerifyReport:
    gguf: str
    file_type: int | None
    n_texts: int
    min_cosine: float
    mean_cosine: float
    tokenization_match: bool | None
    """Whether llama.cpp tokenized every text exactly like the source tokenizer (None: not checked)."""
    passed: bool
    threshold: float
    details: tuple[dict, ...] = field(default=())

    def to_dict(self) -> dict:
        d = asdict(self)
        d["details"] = list(self.details)
        return d


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.asarray(_erf(x / math.sqrt(2.0)), dtype=np.float64))


class ReferenceBert:
    """The sentence encoder in numpy (float64), from the checkpoint's tensors."""

    def __init__(self, ckpt: SentenceCheckpoint) -> None:
        self.hp = ckpt.hparams
        self.pooling = ckpt.pooling
        self.w = {_canonical(k): ckpt.reader.read(k).astype(np.float64)
                  for k, s in ckpt.reader.shapes().items()
                  if not _canonical(k).startswith(("pooler.", "cls.")) and _canonical(k) != "embeddings.position_ids"}

    def embed(self, ids: list[int]) -> np.ndarray:
        w, hp = self.w, self.hp
        n, d, h = len(ids), hp.n_embd, hp.n_head
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
        if "embeddings.token_type_embeddings.weight" in w:
            x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], hp.layer_norm_eps)
        for i in range(hp.n_layer):
            p = f"encoder.layer.{i}."

            def lin(x, name, p=p):
                return x @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q, k, v = (lin(x, f"attention.self.{t}").reshape(n, h, d // h).transpose(1, 0, 2)
                       for t in ("query", "key", "value"))
            s = q @ k.transpose(0, 2, 1) / math.sqrt(d // h)
            s = np.exp(s - s.max(-1, keepdims=True))
            ctx = ((s / s.sum(-1, keepdims=True)) @ v).transpose(1, 0, 2).reshape(n, d)
            x = _layer_norm(x + lin(ctx, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], hp.layer_norm_eps)
            f = lin(_gelu(lin(x, "intermediate.dense")), "output.dense")
            x = _layer_norm(x + f, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], hp.layer_norm_eps)
        vec = x.mean(0) if self.pooling == "mean" else x[0] if self.pooling == "cls" else x[-1]
        return vec / (np.linalg.norm(vec) or 1.0)


def _source_ids(ckpt: SentenceCheckpoint, text: str) -> list[int] | None:
    path = ckpt.model_dir / "tokenizer.json"
    if not path.is_file():
        path = ckpt.path / "tokenizer.json"
    try:
        from tokenizers import Tokenizer  # noqa: PLC0415
    except ImportError:
        return None
    if not path.is_file():
        return None
    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return list(tok.encode(text).ids)


def verify_embedding(src: str | os.PathLike, gguf_path: str | os.PathLike,
                     sentences: tuple[str, ...] | list[str] | None = None) -> EmbeddingVerifyReport:
    """Compare llama.cpp's vectors for ``gguf_path`` with a numpy forward pass of ``src``."""
    from ..api import checked_gguf  # noqa: PLC0415  (api imports this package)

    gguf_path = Path(gguf_path)
    info = checked_gguf(gguf_path)
    try:
        from llama_cpp import Llama  # noqa: PLC0415
    except ImportError:
        raise MissingDependencyError(msg('verification needs llama-cpp-python (pip install llama-cpp-python)')) from None
    ckpt = open_sentence_checkpoint(src)
    try:
        if info.n_vocab != ckpt.hparams.n_vocab:
            raise BadInputError(msg('{name} has {n_vocab} tokens but {name2} has {n_vocab2}; they are not the same model', name=gguf_path.name, n_vocab=info.n_vocab, name2=ckpt.path.name, n_vocab2=ckpt.hparams.n_vocab))
        ref = ReferenceBert(ckpt)
        limit = ckpt.max_seq_length or ckpt.hparams.n_positions
        ctx = int(info.context_length)
        llm = Llama(model_path=str(gguf_path), embedding=True, n_ctx=ctx, n_batch=ctx, n_ubatch=ctx, verbose=False)
        cos, details = [], []
        match: bool | None = True
        for text in sentences or DEFAULT_SENTENCES:
            ids = llm.tokenize(text.encode("utf-8"), add_bos=True, special=False)
            if len(ids) > limit:  # truncation is the app's business (and tested there); compare whole texts
                continue
            want_ids = _source_ids(ckpt, text)
            if want_ids is None:
                match = None
            elif match is not None and want_ids != ids:
                match = False
            got = np.asarray(llm.embed(text, normalize=True, truncate=False), dtype=np.float64)
            c = float(got @ ref.embed(ids) / (np.linalg.norm(got) or 1.0))
            cos.append(c)
            details.append({"text": text[:40], "n_tokens": len(ids), "cosine": c})
        llm.close()
        if not cos:
            raise BadInputError(msg("every sentence is longer than the model's {limit} tokens; give shorter ones", limit=limit))
        ft = info.file_type
        threshold = MIN_COSINE.get(int(ft) if ft is not None else -1, MIN_COSINE_QUANTIZED)
        lowest = min(cos)
        return EmbeddingVerifyReport(
            gguf=str(gguf_path), file_type=ft, n_texts=len(cos), min_cosine=lowest,
            mean_cosine=float(np.mean(cos)), tokenization_match=match,
            passed=lowest >= threshold and match is not False, threshold=threshold, details=tuple(details),
        )
    finally:
        ckpt.close()
