"""Which checkpoint tensor becomes which GGUF tensor for llama.cpp's ``bert`` graph.

Names follow gguf-py's own table for ``MODEL_ARCH.BERT`` (``gguf.get_tensor_name_map``), so we
agree with llama.cpp by construction. Checkpoints come with or without a ``bert.`` prefix and
old ones call LayerNorm parameters ``gamma``/``beta``. The pooler, the masked-LM head and the
``position_ids`` buffer are not part of a sentence embedding and are dropped; any other tensor
we do not know is refused rather than silently left out. HF ``nn.Linear`` weights are already
(out, in), the layout ggml expects, so nothing is transposed.
"""

from __future__ import annotations

import gguf

from translatable import msg

from ..errors import BadInputError
from ..tensor_map import PlannedTensor
from .source import BertHparams

_DROP_PREFIXES = ("pooler.", "cls.", "lm_head.")
_DROP_NAMES = ("embeddings.position_ids",)
F32_ALWAYS = ("position_embd.weight", "token_types.weight")


def _canonical(name: str) -> str:
    for prefix in ("0.auto_model.", "auto_model.", "model.", "bert."):
        if name.startswith(prefix):
            name = name[len(prefix):]
    if name.endswith(".gamma"):
        name = name[: -len(".gamma")] + ".weight"
    elif name.endswith(".beta"):
        name = name[: -len(".beta")] + ".bias"
    return name


def expected_shapes(hp: BertHparams, n_rows: int, with_token_types: bool) -> dict[str, tuple[int, ...]]:
    """The numpy shape llama.cpp's bert loader checks for each tensor we write."""
    e, f = hp.n_embd, hp.n_ff
    shapes: dict[str, tuple[int, ...]] = {
        "token_embd.weight": (n_rows, e),
        "position_embd.weight": (hp.n_positions, e),
        "token_embd_norm.weight": (e,),
        "token_embd_norm.bias": (e,),
    }
    if with_token_types:
        shapes["token_types.weight"] = (hp.n_token_types, e)
    for i in range(hp.n_layer):
        for part in ("attn_q", "attn_k", "attn_v", "attn_output"):
            shapes[f"blk.{i}.{part}.weight"] = (e, e)
            shapes[f"blk.{i}.{part}.bias"] = (e,)
        for part in ("attn_output_norm", "layer_output_norm"):
            shapes[f"blk.{i}.{part}.weight"] = (e,)
            shapes[f"blk.{i}.{part}.bias"] = (e,)
        shapes[f"blk.{i}.ffn_up.weight"] = (f, e)
        shapes[f"blk.{i}.ffn_up.bias"] = (f,)
        shapes[f"blk.{i}.ffn_down.weight"] = (e, f)
        shapes[f"blk.{i}.ffn_down.bias"] = (e,)
    return shapes


def build_bert_plan(hp: BertHparams, source_shapes: dict[str, tuple[int, ...]]) -> list[PlannedTensor]:
    name_map = gguf.get_tensor_name_map(gguf.MODEL_ARCH.BERT, hp.n_layer)
    found: dict[str, tuple[str, tuple[int, ...]]] = {}
    unknown: list[str] = []
    for src, shape in source_shapes.items():
        canon = _canonical(src)
        if canon in _DROP_NAMES or canon.startswith(_DROP_PREFIXES):
            continue
        target = name_map.get_name(canon, try_suffixes=(".weight", ".bias"))
        if target is None:
            unknown.append(src)
            continue
        if target in found:
            raise BadInputError(msg("the checkpoint has two tensors for {target}: {value} and {src}", target=target, value=found[target][0], src=src))
        found[target] = (src, tuple(shape))
    if unknown:
        shown = ", ".join(sorted(unknown)[:6]) + (" …" if len(unknown) > 6 else "")
        raise BadInputError(msg("the checkpoint has tensors a BERT encoder does not use: {shown}", shown=shown))
    n_rows = found.get("token_embd.weight", ("", (hp.n_vocab, hp.n_embd)))[1][0]
    if n_rows != hp.n_vocab:
        raise BadInputError(msg("the word embedding has {n_rows} rows but config.json says vocab_size {n_vocab}; the configuration does not belong to these weights", n_rows=n_rows, n_vocab=hp.n_vocab))
    expected = expected_shapes(hp, n_rows, "token_types.weight" in found)
    missing = [n for n in expected if n not in found]
    if missing:
        shown = ", ".join(missing[:6]) + (" …" if len(missing) > 6 else "")
        raise BadInputError(msg("the checkpoint lacks tensors a BERT encoder needs: {shown}", shown=shown))
    extra = [n for n in found if n not in expected]
    if extra:
        raise BadInputError(msg("the checkpoint has tensors llama.cpp's bert graph does not use: {value}", value=', '.join(extra)))
    plan = []
    for gname, shape in expected.items():
        src, src_shape = found[gname]
        if src_shape != shape:
            raise BadInputError(msg("{src} has shape {value}, but config.json implies {value2}", src=src, value=list(src_shape), value2=list(shape)))
        plan.append(PlannedTensor(gguf_name=gname, source_name=src, source_shape=src_shape, transpose=False,
                                  out_shape=shape))
    return plan
