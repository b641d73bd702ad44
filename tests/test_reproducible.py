"""Regenerate with the same settings gives the same reply, on any CPU, or says it cannot.

llama.cpp's sums for a token depend on the batch it was evaluated in, and on some CPUs (an AVX2
machine showed it) a prompt evaluated from scratch and the same prompt evaluated as "cached prefix
+ rest" give different replies for the same seed. These tests record every ``llama_decode`` call
and check the property that makes a regenerated reply identical on any CPU: every position of its
prompt is computed by the same batch as in the original reply, while ordinary turns keep reusing
the cache so they stay fast. When that cannot be done, the result says so.
"""

from __future__ import annotations

import threading

import llama_cpp
import llama_cpp.llama_cpp as lowlevel
import pytest

from chatdesk.engine import ChatMessage, GenerationRequest, LoadSettings, SamplingSettings
from chatdesk.engine.build_info import REPRODUCTION_KEYS, reproduction_differences
from chatdesk.engine.llama_engine import LlamaEngine

SYSTEM = ChatMessage("system", "You are a friendly assistant who likes animals and answers briefly. " * 4)
Q1 = ChatMessage("user", "Give me a name for a cat.")
Q2 = ChatMessage("user", "And a name for a dog?")
OTHER = ChatMessage("user", "What is the capital of France?")
SAMPLING = SamplingSettings(max_tokens=40, seed=1234, temperature=0.9)


class DecodeRecorder:
    """Wraps llama_decode (both names llama-cpp-python exposes) and remembers, for each KV
    position, the (first position, size) of the batch that last computed it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.writer: dict[int, tuple[int, int]] = {}
        real = lowlevel.llama_decode

        def decode(ctx, batch):  # type: ignore[no-untyped-def]
            n = batch.n_tokens
            start = batch.pos[0]
            for i in range(n):
                self.writer[start + i] = (start, n)
            return real(ctx, batch)

        monkeypatch.setattr(lowlevel, "llama_decode", decode)
        monkeypatch.setattr(llama_cpp, "llama_decode", decode)

    def batches_for(self, n_positions: int) -> list[tuple[int, int]]:
        return [self.writer[p] for p in range(n_positions)]


def reply(engine: LlamaEngine, messages: list[ChatMessage], hint=None):  # type: ignore[no-untyped-def]
    req = GenerationRequest(1, tuple(messages), SAMPLING, reuse_hint=hint)
    return engine.generate(req, threading.Event(), lambda _t: None)


def hint_of(result) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    prov = dict(result.provenance)
    return prov["prompt_reused_tokens"], prov["prompt_state"]


@pytest.fixture
def fresh_engine(model_path, tmp_path):
    eng = LlamaEngine(tmp_path / "checks.json")
    eng.load(model_path, LoadSettings(n_ctx=2048))
    yield eng
    eng.unload()


def test_regenerating_evaluates_the_prompt_exactly_as_the_original_did(monkeypatch, fresh_engine):
    rec = DecodeRecorder(monkeypatch)
    first = reply(fresh_engine, [SYSTEM, Q1])
    turn2 = [SYSTEM, Q1, ChatMessage("assistant", first.text), Q2]
    original = reply(fresh_engine, turn2)  # reuses turn 1's prompt and its generated tokens
    assert original.cached_tokens > first.prompt_tokens, "later turns keep reusing the cache (fast)"
    n = original.prompt_tokens
    rec.writer = {p: w for p, w in rec.writer.items() if p < n}  # what computed the original's prompt
    before = rec.batches_for(n)
    again = reply(fresh_engine, turn2, hint_of(original))  # "regenerate with the same settings"
    assert rec.batches_for(n) == before, "every prompt position computed by the same batch as before"
    assert dict(again.provenance)["reproduced_exactly"] is True
    assert again.text == original.text  # so the same reply, on this CPU and on any other
    plain = reply(fresh_engine, turn2)  # without the hint: the longest reuse (not the original's)
    assert plain.cached_tokens >= original.cached_tokens and "reproduced_exactly" not in dict(plain.provenance)


def test_a_reply_whose_prompt_was_evaluated_from_scratch_is_always_reproducible(monkeypatch, fresh_engine):
    rec = DecodeRecorder(monkeypatch)
    original = reply(fresh_engine, [SYSTEM, Q1])  # nothing cached yet: evaluated from scratch
    assert original.cached_tokens == 0
    before = rec.batches_for(original.prompt_tokens)
    reply(fresh_engine, [SYSTEM, OTHER])  # another chat uses the model in between
    again = reply(fresh_engine, [SYSTEM, Q1], hint_of(original))
    assert rec.batches_for(original.prompt_tokens) == before
    assert dict(again.provenance)["reproduced_exactly"] is True and again.text == original.text


def test_when_the_cache_was_rebuilt_the_result_says_the_reply_may_differ(fresh_engine):
    first = reply(fresh_engine, [SYSTEM, Q1])
    turn2 = [SYSTEM, Q1, ChatMessage("assistant", first.text), Q2]
    original = reply(fresh_engine, turn2)
    reply(fresh_engine, [ChatMessage("system", "Another chat."), OTHER])  # the cache now holds another chat
    again = reply(fresh_engine, turn2, hint_of(original))
    prov = dict(again.provenance)
    assert prov["reproduced_exactly"] is False and "rebuilt" in prov["reproduction_note"]


def test_provenance_says_what_reproduction_depends_on(fresh_engine):
    result = reply(fresh_engine, [SYSTEM, Q1])
    prov = dict(result.provenance)
    for key in REPRODUCTION_KEYS:
        assert prov.get(key) not in (None, ""), key
    assert set(prov["cpu_features"].split()) <= {w for w in llama_cpp.llama_print_system_info().decode().replace("=", " ").split()}
    assert prov["llama_cpp_build"].startswith(llama_cpp.__version__ + "+")
    assert prov["prompt_reused_tokens"] == result.cached_tokens and len(prov["prompt_state"]) == 16
    # The window's engine runs llama.cpp's attention unfused (llama_engine.FUSED_ATTENTION), and says so.
    assert prov["flash_attn"] is fresh_engine.info.flash_attn is False


def test_reproduction_differences_name_what_changed():
    was = {"llama_cpp_build": "0.3.36+aaa", "cpu_features": "AVX2", "backend": "CPU", "threads": 2, "eval_chunk": 64, "gpu_layers": 0, "model_sha256": "x"}
    assert reproduction_differences(was, dict(was)) == []
    assert reproduction_differences(was, dict(was, threads=4)) == [], "the thread count does not change results"
    diffs = reproduction_differences(was, dict(was, cpu_features="AVX2 AVX512", eval_chunk=32))
    assert any("CPU instruction sets" in d for d in diffs) and any("chunk" in d for d in diffs)
    assert reproduction_differences({}, was)  # an old reply without these facts cannot be promised
    # Replies from before the engine recorded it ran llama.cpp's attention unfused.
    assert reproduction_differences(was, dict(was, flash_attn=False)) == []
    assert any("fused attention" in d for d in reproduction_differences(was, dict(was, flash_attn=True)))


def test_the_thread_count_does_not_change_the_numbers(model_path):
    """Why the engine may adapt its thread count to the machine's load (chatdesk/engine/cpu_share.py)
    without giving up reproducibility: llama.cpp computes each output value on one thread. If a
    build or CPU ever breaks this, this test says so on that machine."""
    import numpy as np
    from llama_cpp import Llama

    rows = {}
    for threads in (1, 2, 3):
        llm = Llama(model_path=model_path, n_ctx=512, n_threads=threads, n_threads_batch=threads, logits_all=True, verbose=False)
        try:
            toks = llm.tokenize(("The quick brown fox jumps over the lazy dog. " * 12).encode())
            llm.eval(toks[:70])
            for t in toks[70:80]:
                llm.eval([t])
            rows[threads] = np.array(llm.scores[: llm.n_tokens]).copy()
        finally:
            llm.close()
    assert np.array_equal(rows[1], rows[2]) and np.array_equal(rows[1], rows[3])
