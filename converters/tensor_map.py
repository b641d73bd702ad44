"""THE table from checkpoint tensor names to GGUF tensor names.

Every tensor that ends up in a GGUF file is named here exactly once, with
 * the canonical source name (after stripping ``_orig_mod.`` and
   ``transformer.``, which makes HF and nanoGPT names identical),
 * the GGUF name llama.cpp's ``gpt2`` graph looks up,
 * whether the source stores it as a projection matrix, and
 * its expected GGUF shape as a function of the hyper-parameters.

Why one table: HF GPT-2 keeps its four projection matrices in ``Conv1D``
layout, ``(in, out)``, while nanoGPT uses ``nn.Linear``, ``(out, in)``, which is
already what GGUF wants (numpy order). Getting that transpose wrong still
produces a loadable file with garbage logits, so the decision lives in exactly
one place (:func:`build_plan`) and every source shape is checked against the
configuration before a single byte is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from translatable import msg

from .errors import BadInputError
from .hparams import GPT2Hparams


class SourceLayout(Enum):
    """How the source stores its projection matrices."""

    CONV1D = "conv1d"  # Hugging Face GPT-2: weight shape (in_features, out_features)
    LINEAR = "linear"  # nanoGPT nn.Linear: weight shape (out_features, in_features)


Shape = tuple[int, ...]


@dataclass(frozen=True)
class TensorMapping:
    """One row of the table. ``{i}`` in names stands for the block index."""

    source: str
    gguf: str
    shape: Callable[[GPT2Hparams], Shape]
    """GGUF shape in numpy order: (out_features, in_features) for matrices."""
    projection: bool = False
    """A projection matrix: Conv1D (transposed) in HF, nn.Linear (as is) in nanoGPT."""
    bias: bool = False
    """A bias/LayerNorm shift: nanoGPT ``bias=False`` models omit it, we write zeros."""
    rows: str | None = None
    """``"vocab"`` or ``"context"``: the leading dimension may be trimmed/extended."""
    optional: bool = False


def _e(h: GPT2Hparams) -> Shape:
    return (h.n_embd,)


GLOBAL_TENSORS: tuple[TensorMapping, ...] = (
    TensorMapping("wte.weight", "token_embd.weight", lambda h: (h.n_vocab, h.n_embd), rows="vocab"),
    TensorMapping("wpe.weight", "position_embd.weight", lambda h: (h.n_ctx, h.n_embd), rows="context"),
    TensorMapping("ln_f.weight", "output_norm.weight", _e),
    TensorMapping("ln_f.bias", "output_norm.bias", _e, bias=True),
    # Only written when the head is NOT tied to wte; llama.cpp reuses
    # token_embd when output.weight is absent (reference §1.2).
    TensorMapping("lm_head.weight", "output.weight", lambda h: (h.n_vocab, h.n_embd), rows="vocab", optional=True),
)

BLOCK_TENSORS: tuple[TensorMapping, ...] = (
    TensorMapping("h.{i}.ln_1.weight", "blk.{i}.attn_norm.weight", _e),
    TensorMapping("h.{i}.ln_1.bias", "blk.{i}.attn_norm.bias", _e, bias=True),
    TensorMapping("h.{i}.attn.c_attn.weight", "blk.{i}.attn_qkv.weight", lambda h: (3 * h.n_embd, h.n_embd), projection=True),
    TensorMapping("h.{i}.attn.c_attn.bias", "blk.{i}.attn_qkv.bias", lambda h: (3 * h.n_embd,), bias=True),
    TensorMapping("h.{i}.attn.c_proj.weight", "blk.{i}.attn_output.weight", lambda h: (h.n_embd, h.n_embd), projection=True),
    TensorMapping("h.{i}.attn.c_proj.bias", "blk.{i}.attn_output.bias", _e, bias=True),
    TensorMapping("h.{i}.ln_2.weight", "blk.{i}.ffn_norm.weight", _e),
    TensorMapping("h.{i}.ln_2.bias", "blk.{i}.ffn_norm.bias", _e, bias=True),
    TensorMapping("h.{i}.mlp.c_fc.weight", "blk.{i}.ffn_up.weight", lambda h: (h.n_ff, h.n_embd), projection=True),
    TensorMapping("h.{i}.mlp.c_fc.bias", "blk.{i}.ffn_up.bias", lambda h: (h.n_ff,), bias=True),
    TensorMapping("h.{i}.mlp.c_proj.weight", "blk.{i}.ffn_down.weight", lambda h: (h.n_embd, h.n_ff), projection=True),
    TensorMapping("h.{i}.mlp.c_proj.bias", "blk.{i}.ffn_down.bias", _e, bias=True),
)

# Buffers, not parameters: the causal mask (HF original release, nanoGPT
# without flash attention) and HF's masked_bias constant. Writing them makes
# llama.cpp fail with "wrong number of tensors".
DROPPED_BUFFERS: tuple[re.Pattern[str], ...] = (
    re.compile(r"h\.\d+\.attn\.bias"),
    re.compile(r"h\.\d+\.attn\.masked_bias"),
)

_STRIP_PREFIXES = ("_orig_mod.", "module.", "transformer.")


def canonical_name(name: str) -> str:
    """Strip ``torch.compile``/DDP/``transformer.`` prefixes so HF and nanoGPT names coincide."""
    changed = True
    while changed:
        changed = False
        for prefix in _STRIP_PREFIXES:
            if name.startswith(prefix):
                name = name[len(prefix):]
                changed = True
    return name


def is_dropped_buffer(canonical: str) -> bool:
    return any(p.fullmatch(canonical) for p in DROPPED_BUFFERS)


def _shape_of(mapping: TensorMapping, h: GPT2Hparams) -> Shape:
    return tuple(int(x) for x in mapping.shape(h))


@dataclass(frozen=True)
class PlannedTensor:
    """What to write for one GGUF tensor and where its data comes from."""

    gguf_name: str
    source_name: str | None
    """Original key in the checkpoint; ``None`` means "write zeros" (missing bias)."""
    source_shape: Shape | None
    transpose: bool
    out_shape: Shape
    """Final GGUF shape (numpy order) after transpose and row trimming/extension."""
    take_rows: int | None = None
    """Keep only the first ``take_rows`` rows of the (transposed) source."""
    zero_rows: int = 0
    """Zero rows appended after ``take_rows`` (the char vocab's ``<|endoftext|>``)."""

    @property
    def is_matrix(self) -> bool:
        return len(self.out_shape) == 2

    @property
    def n_elements(self) -> int:
        n = 1
        for d in self.out_shape:
            n *= d
        return n


def build_plan(
    hparams: GPT2Hparams,
    layout: SourceLayout,
    source_shapes: Mapping[str, Shape],
    *,
    untied_head: bool,
    allow_missing_bias: bool,
    vocab_rows: int | None = None,
    vocab_zero_rows: int = 0,
    context_rows: int | None = None,
) -> list[PlannedTensor]:
    """Map every source tensor to its GGUF tensor and check every shape.

    ``source_shapes`` maps the checkpoint's *original* key to its shape.
    ``vocab_rows``/``vocab_zero_rows`` trim the embedding to the tokenizer and
    append zero rows for added control tokens; ``context_rows`` trims the
    position table when the user asks for a shorter context.

    Raises :class:`BadInputError` naming the offending tensor for an unknown
    tensor, a missing one, or a shape that disagrees with the configuration.
    """
    by_canonical: dict[str, str] = {}
    for source_name in source_shapes:
        canon = canonical_name(source_name)
        if canon in by_canonical:
            raise BadInputError(
                msg("the checkpoint holds both {value!r} and {original!r}, which name the same weight", value=by_canonical[canon], original=source_name)
            )
        by_canonical[canon] = source_name

    mappings: list[tuple[TensorMapping, str, str]] = [(m, m.source, m.gguf) for m in GLOBAL_TENSORS]
    for i in range(hparams.n_layer):
        mappings.extend((m, m.source.format(i=i), m.gguf.format(i=i)) for m in BLOCK_TENSORS)
    known = {src for _, src, _ in mappings}

    unexpected = sorted(
        by_canonical[c] for c in by_canonical if c not in known and not is_dropped_buffer(c)
    )
    if unexpected:
        shown = ", ".join(unexpected[:5]) + (f" (and {len(unexpected) - 5} more)" if len(unexpected) > 5 else "")
        raise BadInputError(
            msg("the checkpoint has tensors a {n_layer}-layer GPT-2 does not use: {shown}. Is n_layer in the configuration right, and is this really a GPT-2 model?", n_layer=hparams.n_layer, shown=shown)
        )

    plan: list[PlannedTensor] = []
    for mapping, src, gguf_name in mappings:
        if mapping.optional and not untied_head:
            continue
        expected = _shape_of(mapping, hparams)
        transpose = mapping.projection and layout is SourceLayout.CONV1D
        source_expected = tuple(reversed(expected)) if transpose else expected
        original = by_canonical.get(src)
        if original is None:
            if mapping.bias and allow_missing_bias:
                plan.append(PlannedTensor(gguf_name, None, None, False, expected))
                continue
            raise BadInputError(
                msg("the checkpoint is missing tensor {src!r} (needed for GGUF {gguf_name!r}); it may be truncated or not a GPT-2 model", src=src, gguf_name=gguf_name)
            )
        shape = tuple(int(d) for d in source_shapes[original])
        if shape != source_expected:
            layout_word = "Conv1D (in, out)" if transpose else "(out, in)"
            raise BadInputError(
                msg("tensor {original!r} has shape {value} but the configuration (n_embd={n_embd}, n_ff={n_ff}, n_ctx={n_ctx}, vocab={n_vocab}) implies {value2} in {layout_word} layout", original=original, value=list(shape), n_embd=hparams.n_embd, n_ff=hparams.n_ff, n_ctx=hparams.n_ctx, n_vocab=hparams.n_vocab, value2=list(source_expected), layout_word=layout_word)
            )
        out_shape = expected
        take_rows = None
        zero_rows = 0
        if mapping.rows == "vocab" and (vocab_rows is not None or vocab_zero_rows):
            take_rows = expected[0] if vocab_rows is None else vocab_rows
            if take_rows > expected[0]:
                raise BadInputError(
                    msg("the tokenizer needs {take_rows} embedding rows but {original!r} has only {value}", take_rows=take_rows, original=original, value=expected[0])
                )
            zero_rows = vocab_zero_rows
            out_shape = (take_rows + zero_rows,) + expected[1:]
        elif mapping.rows == "context" and context_rows is not None:
            if context_rows > expected[0]:
                raise BadInputError(
                    msg("context length {context_rows} exceeds the model's {value} learned positions", context_rows=context_rows, value=expected[0])
                )
            take_rows = context_rows
            out_shape = (context_rows,) + expected[1:]
        plan.append(PlannedTensor(gguf_name, original, shape, transpose, out_shape, take_rows, zero_rows))
    return plan


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """canonical name -> original key, for code that reads weights by canonical name."""
    return {canonical_name(n): n for n in names}
