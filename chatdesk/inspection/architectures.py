"""Which architectures can be opened up, and where their insides are in llama.cpp's graph.

An inspection reads named nodes of llama.cpp's compute graph (``<name>-<layer>``, see the
reference notes §10). The names and the residual structure differ between architectures, and a
node with the expected name but a different meaning would draw a wrong picture. So the list is
explicit: an architecture is supported only when we know its graph builder
(``vendor/llama.cpp/src/models/<arch>.cpp``) has

* a sequential pre-norm block: ``ffn_inp = input + attention``, ``l_out = ffn_inp + ffn``;
* the attention weights as ``kq_soft_max-<il>`` (plain softmax, no sinks or soft-capping);
* a final norm (LayerNorm with bias, or RMSNorm) and an output matrix with nothing after it
  (no logit scale or soft-cap), which is what the logit lens applies to each layer.

Everything else gets :class:`UnsupportedArchitecture` with a sentence, never a guess. On top of
the list, every run checks what it read (attention rows sum to one over earlier tokens only, the
logit lens of the last layer reproduces llama.cpp's own logits), see ``capture``.
"""

from __future__ import annotations

from dataclasses import dataclass

from chatdesk.inspection.errors import UnsupportedArchitecture
from translatable import msg


@dataclass(frozen=True)
class ArchSpec:
    name: str
    norm: str  # "layer" (LayerNorm with weight and bias) or "rms" (RMSNorm with weight)
    eps_key: str  # metadata key suffix after "<arch>."
    input_node: str  # the residual stream entering layer 0
    token_node: str | None  # token embeddings alone (before positions are added), if separate
    position_node: str | None  # learned position embeddings, if the model has them
    learned_positions: bool  # evaluating past the trained context aborts llama.cpp


_LAYER_EPS = "attention.layer_norm_epsilon"
_RMS_EPS = "attention.layer_norm_rms_epsilon"

SPECS: dict[str, ArchSpec] = {
    # GPT-2 and nanoGPT (what ChatDesk's converter writes): src/models/gpt2.cpp
    "gpt2": ArchSpec("gpt2", "layer", _LAYER_EPS, input_node="inpL", token_node="embd", position_node="pos_embd",
                     learned_positions=True),
    # Llama family (SmolLM2, TinyLlama, Llama 2/3, Mistral in llama layout): src/models/llama.cpp
    "llama": ArchSpec("llama", "rms", _RMS_EPS, input_node="embd", token_node=None, position_node=None,
                      learned_positions=False),
    # Same block structure as llama (src/models/qwen2.cpp, qwen3.cpp); checked by the same run-time tests.
    "qwen2": ArchSpec("qwen2", "rms", _RMS_EPS, input_node="embd", token_node=None, position_node=None,
                      learned_positions=False),
    "qwen3": ArchSpec("qwen3", "rms", _RMS_EPS, input_node="embd", token_node=None, position_node=None,
                      learned_positions=False),
}


def spec_for(architecture: str) -> ArchSpec:
    spec = SPECS.get(architecture)
    if spec is None:
        raise UnsupportedArchitecture(msg(
            "Looking inside is not available for the “{arch}” architecture: ChatDesk cannot yet read its attention "
            "and layer outputs faithfully. Supported: {supported}.",
            arch=architecture or "?", supported=", ".join(sorted(SPECS)),
        ))
    return spec
