"""The GPT-2 hyper-parameters the llama.cpp ``gpt2`` graph needs.

Both source formats (Hugging Face GPT-2 and nanoGPT) are reduced to this one
record, so the tensor table, the GGUF writer and the reference forward pass
never need to know where a checkpoint came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from translatable import msg

from .errors import BadInputError


@dataclass(frozen=True)
class GPT2Hparams:
    n_layer: int
    n_head: int
    n_embd: int
    n_ctx: int
    """Rows of the learned position table (HF ``n_positions``, nanoGPT ``block_size``)."""
    n_ff: int
    n_vocab: int
    """Rows of the token embedding *in the checkpoint* (may include padding)."""
    layer_norm_eps: float = 1e-5
    gelu: str = "tanh"
    """``"tanh"`` (HF ``gelu_new``, what ggml computes) or ``"erf"`` (exact, nanoGPT)."""

    def __post_init__(self) -> None:
        for field in ("n_layer", "n_head", "n_embd", "n_ctx", "n_ff", "n_vocab"):
            value = getattr(self, field)
            # numpy integers break gguf's typed writers (reference §3.1), and a
            # zero or negative size can only mean a corrupt configuration.
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise BadInputError(msg("model setting {field}={value!r} is not a positive integer", field=field, value=value))
        if self.n_embd % self.n_head:
            raise BadInputError(
                msg("n_embd={n_embd} is not divisible by n_head={n_head}; GPT-2 attention needs equal-sized heads", n_embd=self.n_embd, n_head=self.n_head)
            )
        if self.gelu not in ("tanh", "erf"):
            raise BadInputError(msg("unknown GELU variant {gelu!r}", gelu=self.gelu))

    @property
    def head_dim(self) -> int:
        return self.n_embd // self.n_head

    def n_params(self, n_vocab: int | None = None, untied_head: bool = False) -> int:
        """Parameter count of the GPT-2 graph (biases included, head counted once if tied)."""
        v = self.n_vocab if n_vocab is None else n_vocab
        e, f = self.n_embd, self.n_ff
        per_block = (
            2 * e  # ln_1
            + e * 3 * e + 3 * e  # c_attn
            + e * e + e  # attn c_proj
            + 2 * e  # ln_2
            + e * f + f  # c_fc
            + f * e + e  # mlp c_proj
        )
        total = v * e + self.n_ctx * e + self.n_layer * per_block + 2 * e
        if untied_head:
            total += v * e
        return total
