"""How a reply was made, assembled in one place for the window and the terminal alike.

A reply's provenance answers "why did the model say this?" months later: the model and its exact
file, the prompt format, the system prompt and sampler it was drawn with, the seed, the engine's
facts (llama.cpp build, CPU features, threads, prompt chunking and cache reuse, or a remote
endpoint and its reported usage) and the timings. It also decides whether "Regenerate with the
same settings" can promise the same text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chatdesk.engine.build_info import REPRODUCTION_KEYS, build_facts, reproduction_differences
from chatdesk.engine.kv_plan import EVAL_CHUNK
from chatdesk.engine.types import GenerationResult, ModelInfo

if TYPE_CHECKING:
    from chatdesk.chat.flow import ReplyPlan


def finished_provenance(
    plan: ReplyPlan, result: GenerationResult, info: ModelInfo | None, model_sha256: str | None
) -> tuple[tuple[str, object], ...]:
    prov: dict[str, Any] = dict(plan.provenance_base)
    if info is not None:
        from chatdesk.library.naming import display_name

        prov.update(
            {
                "engine": info.kind,
                # The name the picker and the library show (one name everywhere); the GGUF's own
                # general.name stays available as model_gguf_name.
                "model_name": display_name(info.path) or info.name,
                "model_gguf_name": info.name,
                "model_path": info.path,
                "quantization": info.quantization,
                "architecture": info.architecture,
                "chat_template": info.template_source if info.has_chat_template or plan.request.prompt_format is None
                else ("plain completion" if plan.request.prompt_format.mode == "completion" else "plain transcript"),
                "chat_template_sha256": info.template_sha256,
                "n_ctx": info.n_ctx,
                "gpu_layers": info.n_gpu_layers,
                "threads": info.n_threads,
            }
        )
    if model_sha256:
        prov["model_sha256"] = model_sha256
    prov.update(
        {
            "seed": result.seed,
            "prompt_tokens": result.prompt_tokens,
            "reply_tokens": result.completion_tokens,
            "cached_tokens": result.cached_tokens,
            "ttft_ms": round(result.ttft_ms, 1),
            "tokens_per_s": round(result.tokens_per_s, 2),
            "stop_reason": result.stop_reason,
            "dropped_messages": result.dropped_messages,
        }
    )
    prov.update(dict(result.provenance))  # the engine's own facts win: they describe what ran
    return tuple(prov.items())


def current_facts(info: ModelInfo | None, model_sha256: str | None) -> dict[str, object]:
    """What a reply made now would record under ``REPRODUCTION_KEYS`` (local engine)."""
    if info is None or info.kind != "local":
        return {}
    facts: dict[str, object] = {**build_facts(), "eval_chunk": EVAL_CHUNK, "gpu_layers": info.n_gpu_layers,
                                "flash_attn": info.flash_attn}
    if model_sha256:
        facts["model_sha256"] = model_sha256
    return {k: v for k, v in facts.items() if k in (*REPRODUCTION_KEYS, "model_sha256")}


def reproduction_caveats(original: dict[str, Any] | None, info: ModelInfo | None, model_sha256: str | None) -> list[str]:
    """Why regenerating ``original`` with the same settings might not give the same text.

    Empty means the same text is expected: same model file, same llama.cpp build, CPU
    features, backend and prompt chunking, and the same prompt, sampler and seed
    (which the flow takes from the provenance). One more condition is known only when the
    engine tries: whether it can evaluate the prompt exactly as the original reply did
    (``reproduced_exactly`` in the new reply's provenance; see engine/kv_plan.py).
    """
    original = original or {}
    if info is None:
        return ["no model is loaded"]
    if not info.reproducible or info.kind != "local":
        return ["a remote server does not promise the same reply for the same seed"]
    if original.get("engine") == "remote":
        return ["the reply was made by a remote server"]
    if original.get("seed") is None:
        return ["the reply does not record its seed"]
    if "prompt_state" not in original:
        return ["the reply does not record how its prompt was evaluated"]
    return reproduction_differences(original, current_facts(info, model_sha256))
