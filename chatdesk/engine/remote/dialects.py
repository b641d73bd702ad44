"""One object per kind of OpenAI-compatible server, holding everything that server does its own way.

Why: llama.cpp's llama-server, vLLM, Ollama and llama-cpp-python all speak "the OpenAI API", but
each spells the extra sampler fields, counts tokens, reports its context and continues a reply
differently. Keeping those quirks in one object per server (instead of ``if server == ...`` in
the request builder, the token counter, the loader and the provenance) means a new server is one
new class here, and the rest of ``chatdesk.engine.remote`` asks its dialect. Which dialect
applies is recognised from the server's ``/v1/models`` entries (``identify``); see
docs/remote.md for the quirks themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from translatable import msg

# Which server answered, as recorded in provenance and model metadata ("remote.server").
SERVER_LLAMA_CPP = "llama.cpp"
SERVER_VLLM = "vllm"
SERVER_OLLAMA = "ollama"
SERVER_LLAMA_CPP_PYTHON = "llama-cpp-python"
SERVER_OPENAI_COMPATIBLE = "openai-compatible"

ASSUMED_CONTEXT = 4096  # when the server does not say (documented in docs/remote.md)
LLAMA_CPP_PYTHON_DEFAULT_CONTEXT = 2048  # llama-cpp-python's server default --n_ctx

Entries = Sequence[dict[str, Any]]


class ServerDialect:
    """The plain OpenAI API: what any compatible server is assumed to do, and the defaults the
    specific dialects below override."""

    name = SERVER_OPENAI_COMPATIBLE
    # Server path of the tokenizer (relative to the root without /v1), or None: estimate instead.
    tokenizer: str | None = None
    # llama.cpp's /props tells the per-slot context, chat template and build.
    reads_props = False
    # The context assumed when neither the model list nor /props says.
    default_context = ASSUMED_CONTEXT
    # The server answers one request at a time: no token count while a reply streams.
    one_request_at_a_time = False
    # Sampler fields the server accepts but silently ignores (recorded in provenance so
    # "Reply info" does not claim settings that had no effect; never sent).
    ignored_sampler_fields: tuple[str, ...] = ()
    # How it spells llama.cpp's repeat penalty.
    repeat_penalty_field = "repeat_penalty"
    # Extra request fields for "Continue" (a final assistant message to go on from).
    continuation_fields: dict[str, Any] = {}
    # How "Continue" is asked for, as shown in the reply's provenance.
    prefix_method = "final assistant message"

    def recognizes(self, entries: Entries) -> bool:
        """Whether these ``/v1/models`` entries come from this server (the fallback: any)."""
        return True

    def tokenize_body(self, text: str, model_id: str) -> dict[str, Any]:
        """The JSON body of a token count request for ``text`` at ``tokenizer``."""
        return {"content": text, "add_special": False}

    def no_models_message(self, host: str) -> str:
        """The sentence for a model list with nothing in it."""
        return msg("The server at {host} has no models to offer.", host=host)


class LlamaCppDialect(ServerDialect):
    """llama.cpp's llama-server: ``/tokenize``, ``/props``, assistant prefill for "Continue"."""

    name = SERVER_LLAMA_CPP
    tokenizer = "/tokenize"
    reads_props = True
    prefix_method = "final assistant message (llama.cpp assistant prefill)"

    def recognizes(self, entries: Entries) -> bool:
        return any(str(e.get("owned_by") or "") == "llamacpp" for e in entries) or any(
            isinstance(e.get("meta"), dict) and "n_ctx_train" in e["meta"] for e in entries
        )


class VllmDialect(ServerDialect):
    """vLLM: ``repetition_penalty``, its own ``/tokenize`` body, ``continue_final_message``."""

    name = SERVER_VLLM
    tokenizer = "/tokenize"
    repeat_penalty_field = "repetition_penalty"
    continuation_fields = {"continue_final_message": True, "add_generation_prompt": False}
    prefix_method = "final assistant message with continue_final_message"

    def recognizes(self, entries: Entries) -> bool:
        return any(str(e.get("owned_by") or "") == "vllm" or "max_model_len" in e for e in entries)

    def tokenize_body(self, text: str, model_id: str) -> dict[str, Any]:
        return {"model": model_id, "prompt": text, "add_special_tokens": False}


class LlamaCppPythonDialect(ServerDialect):
    """llama-cpp-python's server: a count endpoint, a 2048 default context, one request at a time."""

    name = SERVER_LLAMA_CPP_PYTHON
    tokenizer = "/extras/tokenize/count"
    default_context = LLAMA_CPP_PYTHON_DEFAULT_CONTEXT
    one_request_at_a_time = True

    def recognizes(self, entries: Entries) -> bool:
        owners = {str(e.get("owned_by") or "") for e in entries}
        return owners == {"me"} and all("permissions" in e for e in entries)

    def tokenize_body(self, text: str, model_id: str) -> dict[str, Any]:
        return {"input": text, "model": model_id}


class OllamaDialect(ServerDialect):
    """Ollama: ignores the extra sampler fields; its models must be pulled first."""

    name = SERVER_OLLAMA
    ignored_sampler_fields = ("top_k", "min_p", "repeat_penalty")

    def recognizes(self, entries: Entries) -> bool:
        # Ids are "name:tag"; owned_by is the name's namespace ("library" for official models).
        return bool(entries) and all(
            ":" in str(e.get("id", "")) and str(e.get("owned_by") or "library") in ("library", *str(e.get("id")).split("/"))
            for e in entries
        )

    def no_models_message(self, host: str) -> str:
        return msg("The server at {host} has no models to offer. With Ollama, download one first: ollama pull <model>.", host=host)


OPENAI_COMPATIBLE = ServerDialect()
# In the order they are tried: the most specific signs first, the plain API last.
DIALECTS: tuple[ServerDialect, ...] = (LlamaCppDialect(), VllmDialect(), LlamaCppPythonDialect(), OllamaDialect(), OPENAI_COMPATIBLE)
_BY_NAME = {d.name: d for d in DIALECTS}

# Sampler fields each server is known to ignore, by server name (for provenance readers).
IGNORED_BY_SERVER: dict[str, tuple[str, ...]] = {d.name: d.ignored_sampler_fields for d in DIALECTS if d.ignored_sampler_fields}


def identify(entries: Entries) -> ServerDialect:
    """The dialect of the server whose ``/v1/models`` entries these are."""
    return next(d for d in DIALECTS if d.recognizes(entries))


def dialect_named(name: str) -> ServerDialect:
    """The dialect recorded as ``name`` (the plain OpenAI API for a name it does not know)."""
    return _BY_NAME.get(name, OPENAI_COMPATIBLE)
