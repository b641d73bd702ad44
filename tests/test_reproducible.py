"""Same prompt, sampler and seed give the same reply, whatever the KV cache held before.

llama.cpp's sums for a token depend on the batch it was evaluated in, and on some CPUs (an AVX2
machine showed it) a prompt evaluated from scratch and the same prompt evaluated as "cached prefix
+ rest" give different replies for the same seed. These tests record every ``llama_decode`` call
and check the property that makes replies reproducible on any CPU: every position of the prompt
is computed by the same batch, whether or not the engine had a conversation cached.
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


def reply(engine: LlamaEngine, messages: list[ChatMessage]):  # type: ignore[no-untyped-def]
    return engine.generate(GenerationRequest(1, tuple(messages), SAMPLING), threading.Event(), lambda _t: None)


@pytest.fixture
def fresh_engine(model_path, tmp_path):
    eng = LlamaEngine(tmp_path / "checks.json")
    eng.load(model_path, LoadSettings(n_ctx=2048))
    yield eng
    eng.unload()


def test_prompt_is_evaluated_in_the_same_batches_with_or_without_a_cached_conversation(monkeypatch, fresh_engine, model_path, tmp_path):
    rec = DecodeRecorder(monkeypatch)
    first = reply(fresh_engine, [SYSTEM, Q1])
    turn2 = [SYSTEM, Q1, ChatMessage("assistant", first.text), Q2]
    warm = reply(fresh_engine, turn2)  # the engine holds turn 1, its reply and generated tokens
    warm_batches = rec.batches_for(warm.prompt_tokens)
    again = reply(fresh_engine, turn2)  # "regenerate with the same settings"
    again_batches = rec.batches_for(again.prompt_tokens)

    cold_engine = LlamaEngine(tmp_path / "checks2.json")
    cold_engine.load(model_path, LoadSettings(n_ctx=2048))
    try:
        rec.writer.clear()
        cold = reply(cold_engine, turn2)  # the same prompt from scratch
        cold_batches = rec.batches_for(cold.prompt_tokens)
    finally:
        cold_engine.unload()

    assert warm.prompt_tokens == again.prompt_tokens == cold.prompt_tokens
    assert warm_batches == cold_batches, "a cached prefix must not change how the prompt was computed"
    assert again_batches == cold_batches
    assert warm.cached_tokens > 0, "prefix reuse still keeps later turns fast"
    # And so the replies are the same on this CPU, and on any other.
    assert warm.text == again.text == cold.text


def test_provenance_says_what_reproduction_depends_on(fresh_engine):
    result = reply(fresh_engine, [SYSTEM, Q1])
    prov = dict(result.provenance)
    for key in REPRODUCTION_KEYS:
        assert prov.get(key) not in (None, ""), key
    assert set(prov["cpu_features"].split()) <= {w for w in llama_cpp.llama_print_system_info().decode().replace("=", " ").split()}
    assert prov["llama_cpp_build"].startswith(llama_cpp.__version__ + "+")
    assert prov["prompt_reused_tokens"] == result.cached_tokens


def test_reproduction_differences_name_what_changed():
    was = {"llama_cpp_build": "0.3.36+aaa", "cpu_features": "AVX2", "backend": "CPU", "threads": 2, "eval_chunk": 64, "gpu_layers": 0, "model_sha256": "x"}
    assert reproduction_differences(was, dict(was)) == []
    assert reproduction_differences(was, dict(was, threads=4)) == [], "the thread count does not change results"
    diffs = reproduction_differences(was, dict(was, cpu_features="AVX2 AVX512", eval_chunk=32))
    assert any("CPU instruction sets" in d for d in diffs) and any("chunk" in d for d in diffs)
    assert reproduction_differences({}, was)  # an old reply without these facts cannot be promised


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
