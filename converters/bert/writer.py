"""Write a ``bert`` GGUF that llama.cpp runs in embedding mode, one tensor at a time.

Metadata llama.cpp's bert loader and WPM tokenizer read (src/models/bert.cpp, llama-vocab.cpp):
context length (= rows of the learned position table), width, layers, heads, FFN width,
``layer_norm_epsilon``, ``attention.causal = false``, ``pooling_type`` (mean 1, CLS 2, last 3),
``tokenizer.ggml.model = "bert"`` with its token types, ``token_type_count`` (must be > 0),
the normalizer flags, and the CLS (bos) / SEP / UNK / PAD / MASK ids with add-bos and add-sep
on. ChatDesk's own keys record where the file came from and how the original model was used
(``chatdesk.embedding.*``: pooling, normalisation, the length sentence-transformers truncated
at), which the app's embedder reads back.

Dtypes follow the upstream converter: 1-D tensors, norms, the position table and the token-type
table stay F32; the other matrices take F32 or F16.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import gguf
import numpy as np

from ..gguf_output import materialize
from ..tensor_map import PlannedTensor
from .source import SentenceCheckpoint
from .tensors import F32_ALWAYS
from .vocab import WordPieceVocab

POOLING_TYPES = {"mean": int(gguf.PoolingType.MEAN), "cls": int(gguf.PoolingType.CLS), "last": int(gguf.PoolingType.LAST)}


def storage_dtype(t: PlannedTensor, matrix_dtype: np.dtype) -> np.dtype:
    if not t.is_matrix or t.gguf_name in F32_ALWAYS or t.gguf_name.endswith("_norm.weight"):
        return np.dtype(np.float32)
    return matrix_dtype


def write_bert_gguf(
    path: Path,
    *,
    ckpt: SentenceCheckpoint,
    plan: list[PlannedTensor],
    vocab: WordPieceVocab,
    name: str,
    file_type: int,
    matrix_dtype: np.dtype,
    provenance: Callable[[], dict[str, str]],
    progress: Callable[[float, str], None],
    progress_span: tuple[float, float] = (0.1, 0.9),
) -> None:
    hp = ckpt.hparams
    w = gguf.GGUFWriter(str(path), "bert")
    try:
        w.add_name(name)
        w.add_context_length(int(hp.n_positions))
        w.add_embedding_length(int(hp.n_embd))
        w.add_block_count(int(hp.n_layer))
        w.add_feed_forward_length(int(hp.n_ff))
        w.add_head_count(int(hp.n_head))
        w.add_layer_norm_eps(float(hp.layer_norm_eps))
        w.add_causal_attention(False)
        w.add_pooling_type(gguf.PoolingType(POOLING_TYPES[ckpt.pooling]))
        w.add_file_type(int(file_type))
        w.add_quantization_version(int(gguf.GGML_QUANT_VERSION))

        w.add_tokenizer_model("bert")
        w.add_tokenizer_pre("default")
        w.add_token_list(vocab.tokens)
        w.add_token_types(vocab.token_types)
        w.add_token_type_count(int(hp.n_token_types))
        # gguf-py 0.19 has no constants for these two keys (llama-arch.cpp: LLM_KV_TOKENIZER_NORMALIZER_*)
        w.add_bool("tokenizer.ggml.normalizer.lowercase", bool(vocab.lowercase))
        w.add_bool("tokenizer.ggml.normalizer.strip_accents", bool(vocab.strip_accents))
        w.add_bos_token_id(int(vocab.cls_id))
        w.add_sep_token_id(int(vocab.sep_id))
        w.add_unk_token_id(int(vocab.unk_id))
        if vocab.pad_id is not None:
            w.add_pad_token_id(int(vocab.pad_id))
        if vocab.mask_id is not None:
            w.add_mask_token_id(int(vocab.mask_id))
        w.add_add_bos_token(True)
        w.add_add_sep_token(True)
        w.add_add_eos_token(False)

        dtypes = [storage_dtype(t, matrix_dtype) for t in plan]
        for t, dt in zip(plan, dtypes):
            w.add_tensor_info(t.gguf_name, t.out_shape, dt, t.n_elements * dt.itemsize)

        w.add_string("chatdesk.embedding.pooling", ckpt.pooling)
        w.add_bool("chatdesk.embedding.normalize", bool(ckpt.normalize))
        if ckpt.max_seq_length is not None:
            w.add_uint32("chatdesk.embedding.max_seq_length", int(ckpt.max_seq_length))
        for key, value in provenance().items():  # resolved last: the source hash runs on another thread
            w.add_string(key, value)

        w.write_header_to_file()
        w.write_kv_data_to_file()
        w.write_ti_data_to_file()
        lo, hi = progress_span
        total = sum(t.n_elements for t in plan) or 1
        done = 0
        with ThreadPoolExecutor(max_workers=1) as pool:  # read tensor k+1 while tensor k is written
            pending = pool.submit(materialize, plan[0], ckpt.reader, dtypes[0]) if plan else None
            for k, (t, dt) in enumerate(zip(plan, dtypes)):
                assert pending is not None  # one future is queued per tensor of plan, and k < len(plan)
                arr = pending.result()
                pending = pool.submit(materialize, plan[k + 1], ckpt.reader, dtypes[k + 1]) if k + 1 < len(plan) else None
                w.write_tensor_data(arr)
                del arr
                done += t.n_elements
                progress(lo + (hi - lo) * done / total, f"wrote {t.gguf_name} {list(t.out_shape)} {dt.name}")
    finally:
        w.close()
