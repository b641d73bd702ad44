"""Write a ``gpt2`` GGUF with gguf-py, one tensor at a time.

We declare every tensor's shape and type up front (``add_tensor_info``),
write the header and metadata, and then stream the data: each tensor is
read from the checkpoint, transposed/trimmed per the plan, cast, written and
released before the next is read, so only one tensor is ever in memory.

Dtype policy (copied from the upstream converter, reference §1.3): 1-D
tensors, ``*_norm.weight`` and ``position_embd.weight`` are F32; the other
matrices take the requested F32 or F16.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import gguf
import numpy as np

from translatable import msg

from .errors import ConversionError
from .hparams import GPT2Hparams
from .tensor_map import PlannedTensor
from .vocab import GGUFVocab

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Provenance:
    source_format: str
    source_sha256: str
    source_file: str
    converter_version: str
    tokenizer_kind: str
    iter_num: int | None = None
    best_val_loss: float | None = None


def storage_dtype(t: PlannedTensor, matrix_dtype: np.dtype) -> np.dtype:
    if not t.is_matrix or t.gguf_name == "position_embd.weight" or t.gguf_name.endswith("_norm.weight"):
        return np.dtype(np.float32)
    return matrix_dtype


def materialize(t: PlannedTensor, reader, dtype: np.dtype) -> np.ndarray:
    """The final array for ``t``: read, transpose, trim rows, append zero rows, cast."""
    if t.source_name is None:
        return np.zeros(t.out_shape, dtype=dtype)
    arr = reader.read(t.source_name)
    if tuple(arr.shape) != t.source_shape:
        raise ConversionError(msg("{source_name}: read shape {shape} differs from header shape {source_shape}", source_name=t.source_name, shape=arr.shape, source_shape=t.source_shape))
    if t.transpose:
        arr = arr.T
    if t.take_rows is not None:
        arr = arr[: t.take_rows]
    out = np.empty(t.out_shape, dtype=dtype)
    n = arr.shape[0]
    out[:n] = arr  # one cast+copy (also makes the transpose contiguous)
    if t.zero_rows:
        out[n:] = 0
    del arr
    if out.shape != t.out_shape:  # pragma: no cover - guarded by the plan
        raise ConversionError(msg("{gguf_name}: produced {shape}, expected {out_shape}", gguf_name=t.gguf_name, shape=out.shape, out_shape=t.out_shape))
    return out


def write_gguf(
    path: Path,
    *,
    hparams: GPT2Hparams,
    context_length: int,
    plan: list[PlannedTensor],
    reader,
    vocab: GGUFVocab,
    name: str,
    file_type: int,
    matrix_dtype: np.dtype,
    provenance: Callable[[], Provenance],
    progress: Progress,
    progress_span: tuple[float, float] = (0.1, 0.9),
) -> None:
    w = gguf.GGUFWriter(str(path), "gpt2")
    try:
        w.add_name(name)
        w.add_context_length(int(context_length))
        w.add_embedding_length(int(hparams.n_embd))
        w.add_block_count(int(hparams.n_layer))
        w.add_feed_forward_length(int(hparams.n_ff))
        w.add_head_count(int(hparams.n_head))
        w.add_layer_norm_eps(float(hparams.layer_norm_eps))
        w.add_file_type(int(file_type))
        w.add_quantization_version(int(gguf.GGML_QUANT_VERSION))

        w.add_tokenizer_model("gpt2")
        w.add_tokenizer_pre("gpt-2")
        w.add_token_list(vocab.tokens)
        w.add_token_types([int(t) for t in vocab.token_types])
        w.add_token_merges(vocab.merges)
        w.add_bos_token_id(int(vocab.bos_id))
        w.add_eos_token_id(int(vocab.eos_id))
        w.add_add_bos_token(False)

        dtypes = [storage_dtype(t, matrix_dtype) for t in plan]
        for t, dt in zip(plan, dtypes):
            w.add_tensor_info(t.gguf_name, t.out_shape, dt, t.n_elements * dt.itemsize)

        # resolved last: the source hash is computed on another thread meanwhile
        prov = provenance()
        w.add_string("chatdesk.source.format", prov.source_format)
        w.add_string("chatdesk.source.file", prov.source_file)
        w.add_string("chatdesk.source.sha256", prov.source_sha256)
        w.add_string("chatdesk.converter.version", prov.converter_version)
        w.add_string("chatdesk.tokenizer.kind", prov.tokenizer_kind)
        if prov.iter_num is not None:
            w.add_uint64("chatdesk.training.iter_num", int(prov.iter_num))
        if prov.best_val_loss is not None:
            w.add_float32("chatdesk.training.best_val_loss", float(prov.best_val_loss))

        w.write_header_to_file()
        w.write_kv_data_to_file()
        w.write_ti_data_to_file()
        lo, hi = progress_span
        total = sum(t.n_elements for t in plan) or 1
        done = 0
        # Prepare tensor k+1 on a worker thread while tensor k is written: the
        # read/transpose/cast and the file write both release the GIL, and at
        # most two tensors are alive at once.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(materialize, plan[0], reader, dtypes[0]) if plan else None
            for k, (t, dt) in enumerate(zip(plan, dtypes)):
                assert pending is not None  # one future is queued per tensor of plan, and k < len(plan)
                arr = pending.result()
                pending = pool.submit(materialize, plan[k + 1], reader, dtypes[k + 1]) if k + 1 < len(plan) else None
                w.write_tensor_data(arr)
                del arr
                done += t.n_elements
                progress(lo + (hi - lo) * done / total, f"wrote {t.gguf_name} {list(t.out_shape)} {dt.name}")
    finally:
        w.close()
