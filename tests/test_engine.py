"""The engine with the real bundled model (SmolLM2-135M, llama.cpp)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from chatdesk.engine import (
    ChatMessage,
    GenerationRequest,
    LoadSettings,
    ModelFileError,
    PromptFormat,
    SamplingSettings,
)
from chatdesk.engine.kv_plan import EVAL_CHUNK
from chatdesk.engine.llama_engine import LlamaEngine, _split_stop

USER = ChatMessage("user", "Write a short poem about the sea.")


def run(engine, messages, **sampling):
    pieces: list[str] = []
    req = GenerationRequest(1, tuple(messages), SamplingSettings(**{"max_tokens": 48, **sampling}))
    result = engine.generate(req, threading.Event(), pieces.append)
    return result, pieces


def test_model_info(engine, model_path):
    # What the engine reports must be what the file says (read independently by the validator),
    # so the test holds for any version of the bundled model.
    import ggufcheck

    facts = ggufcheck.check(model_path)
    info = engine.info
    assert info.architecture == facts.architecture and info.context_length == facts.context_length
    assert info.has_chat_template == bool(facts.chat_template) and info.template_source == "gguf"
    assert info.n_params == facts.n_params > 0
    assert info.n_ctx == min(2048, facts.context_length)


def test_reply_streams_in_pieces(engine):
    result, pieces = run(engine, [USER])
    assert result.completion_tokens > 5
    assert len(pieces) > 3, "text must arrive incrementally, not at the end"
    assert "".join(pieces) == result.text and result.text.strip()
    assert result.stop_reason in ("end", "length")
    assert result.ttft_ms > 0 and result.tokens_per_s > 0


def test_stop_takes_effect_within_one_token(engine):
    stop = threading.Event()
    pieces: list[str] = []

    def on_text(t: str) -> None:
        pieces.append(t)
        if len(pieces) == 3:
            stop.set()

    req = GenerationRequest(2, (ChatMessage("user", "Tell me a very long story about a dragon."),), SamplingSettings(max_tokens=300))
    result = engine.generate(req, stop, on_text)
    assert result.stop_reason == "user"
    assert len(pieces) == 3, "no text may arrive after stop"
    assert result.completion_tokens <= 4


def test_second_turn_reuses_the_kv_prefix_including_the_reply(engine):
    system = ChatMessage("system", "You are a patient teacher who answers in full sentences.")
    first, _ = run(engine, [system, ChatMessage("user", "Name three colours.")], seed=1)
    history = [system, ChatMessage("user", "Name three colours."), ChatMessage("assistant", first.text), ChatMessage("user", "And three animals?")]
    second, _ = run(engine, history, seed=2)
    # The previous prompt and the tokens generated for the reply are reused: only the new turn is evaluated.
    assert second.cached_tokens >= first.prompt_tokens
    assert second.cached_tokens < second.prompt_tokens
    prov = dict(second.provenance)
    assert prov["prompt_reused_tokens"] == second.cached_tokens and prov["eval_chunk"] == EVAL_CHUNK


def test_same_seed_same_text_fresh_seed_by_default(engine):
    a, _ = run(engine, [USER], seed=1234, temperature=0.9)
    b, _ = run(engine, [USER], seed=1234, temperature=0.9)
    assert a.text == b.text and a.seed == b.seed == 1234
    c, _ = run(engine, [USER])
    d, _ = run(engine, [USER])
    assert c.seed != d.seed, "each reply must get a fresh random seed unless one is fixed"


def test_chinese_and_emoji_stream_without_broken_characters(engine):
    # Token by token through the same decoders the engine streams with: an emoji and CJK
    # characters span several byte-level tokens, and no piece may show a broken character.
    from chatdesk.engine.detokenize import StreamDecoder

    text = "早上好，朋友！😀 猫🐈"
    ids = engine._llm.tokenize(text.encode(), add_bos=False, special=False)
    assert len(ids) > len(text) // 2
    dec = StreamDecoder()
    pieces = [dec.feed(engine._pieces.piece(t)) for t in ids] + [dec.flush()]
    assert all("\ufffd" not in p for p in pieces) and "".join(pieces) == text
    # And a real streamed reply in Chinese (greedy, so the model reliably answers in Chinese).
    msgs = [ChatMessage("user", "Translate into Chinese: Good morning, my friend! 😀")]
    result, streamed = run(engine, msgs, max_tokens=40, temperature=0)
    assert all("\ufffd" not in p for p in streamed)
    assert "".join(streamed) == result.text
    assert any(ord(ch) > 0x2E80 for ch in result.text), result.text


def test_long_tokens_are_not_dropped(engine):
    """Pieces longer than 32 bytes come back whole (llama-cpp-python's detokenize truncates them,
    abetlen/llama-cpp-python#2362): each decodes to text that tokenizes back to the same id."""
    llm = engine._llm
    long_ids = [tid for tid in range(llm.n_vocab()) if len(engine._pieces.piece(tid)) > 32]
    assert long_ids, "the bundled vocabulary has pieces longer than 32 bytes"
    for tid in long_ids[:5]:
        piece = engine._pieces.piece(tid)
        assert llm.tokenize(piece, add_bos=False, special=False) == [tid]


def test_overlong_history_is_trimmed_not_failed(model_path, tmp_path):
    eng = LlamaEngine(tmp_path / "c.json")
    eng.load(model_path, LoadSettings(n_ctx=256))
    try:
        history = [ChatMessage("system", "You are terse.")]
        for i in range(30):
            history += [ChatMessage("user", f"Question number {i}: what is {i} plus {i}?"), ChatMessage("assistant", f"It is {2 * i}.")]
        history.append(ChatMessage("user", "What was the last question?"))
        result, _ = run(eng, history, max_tokens=64)
        assert result.dropped_messages > 0
        assert result.prompt_tokens + result.completion_tokens <= 256
        tokens, rendered, dropped, budget = eng.fit(history, 64)
        assert "You are terse." in rendered.text, "the system prompt is kept"
        assert "What was the last question?" in rendered.text
        assert len(tokens) + budget <= 256
        # The count says exactly how many messages the model will not see (an answer whose
        # question was left out goes too, and is counted).
        assert dropped == sum(m.content not in rendered.text for m in history[1:])
        for cut in range(1, 8):  # whatever the budget, including cuts that orphan an answer
            _t, r, n, _b = eng.fit(history, 64 + cut * 7)
            assert n == sum(m.content not in r.text for m in history[1:])
    finally:
        eng.unload()


def test_context_is_capped_at_trained_length(model_path, tmp_path):
    eng = LlamaEngine(tmp_path / "c.json")
    info = eng.load(model_path, LoadSettings(n_ctx=100_000))
    try:
        assert info.n_ctx == info.context_length  # capped at the trained context, whatever it is
    finally:
        eng.unload()


def test_plain_transcript_format_and_stop_strings(engine):
    from chatdesk.engine.prompt import PlainPrompt

    fmt = PromptFormat()
    rendered = PlainPrompt(fmt).render([ChatMessage("system", "Be nice."), ChatMessage("user", "Hi"), ChatMessage("assistant", "Hello"), ChatMessage("user", "Bye")])
    assert rendered.text == "System: Be nice.\n\nUser: Hi\nAssistant: Hello\nUser: Bye\nAssistant:"
    assert "\nUser:" in rendered.stops
    comp = PlainPrompt(PromptFormat(mode="completion")).render([ChatMessage("user", "ROMEO:")])
    assert comp.text == "ROMEO:" and comp.stops == ()
    # The engine honours stop strings for plain models: the transcript never runs into a new turn.
    req = GenerationRequest(9, (ChatMessage("user", "Say hello."),), SamplingSettings(max_tokens=80, seed=3), prompt_format=fmt)
    out: list[str] = []
    res = engine.generate(req, threading.Event(), out.append)
    assert "\nUser:" not in res.text


def test_split_stop_holds_back_partial_markers():
    assert _split_stop("Hello\nUs", ["\nUser:"]) == ("Hello", "\nUs", False)
    assert _split_stop("Hello\nUser: hi", ["\nUser:"]) == ("Hello", "", True)
    assert _split_stop("Hello", ["\nUser:"]) == ("Hello", "", False)


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty or truncated"),
        (b"\x00" * 4096, "not a GGUF model file"),
        (b"GGUF\x03\x00\x00\x00" + b"\xff" * 64, "damaged or truncated"),
        (b"PK\x03\x04 this is a zip", "not a GGUF model file"),
    ],
)
def test_corrupt_files_rejected_with_clear_message(tmp_path, content, words):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(content)
    eng = LlamaEngine()
    with pytest.raises(ModelFileError, match=words):
        eng.load(str(bad))
    assert not eng.loaded


def test_truncated_real_model_rejected(tmp_path, model_path):
    data = Path(model_path).read_bytes()
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError, match="truncated"):
        LlamaEngine().load(str(cut))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ModelFileError, match="does not exist"):
        LlamaEngine().load(str(tmp_path / "nope.gguf"))
    with pytest.raises(ModelFileError, match="is a folder"):
        LlamaEngine().load(str(tmp_path))


def _tiny_gpt2_gguf(path, tokens):
    """A structurally complete 1-layer gpt2 GGUF with the given vocabulary (random weights)."""
    import gguf
    import numpy as np

    e, v, ctx = 8, len(tokens), 256
    w = gguf.GGUFWriter(str(path), "gpt2")
    w.add_context_length(ctx)
    w.add_embedding_length(e)
    w.add_block_count(1)
    w.add_feed_forward_length(4 * e)
    w.add_head_count(2)
    w.add_layer_norm_eps(1e-5)
    w.add_file_type(0)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("gpt-2")
    w.add_token_list(tokens)
    w.add_token_types([1] * v)
    w.add_token_merges(["ab cd"])
    w.add_bos_token_id(0)
    w.add_eos_token_id(0)
    rng = np.random.default_rng(0)
    f = lambda *shape: rng.standard_normal(shape).astype(np.float32)  # noqa: E731
    w.add_tensor("token_embd.weight", f(v, e))
    w.add_tensor("position_embd.weight", f(ctx, e))
    for name, shape in [("attn_norm", (e,)), ("attn_qkv", (3 * e, e)), ("attn_output", (e, e)), ("ffn_norm", (e,)), ("ffn_up", (4 * e, e)), ("ffn_down", (e, 4 * e))]:
        w.add_tensor(f"blk.0.{name}.weight", f(*shape))
        w.add_tensor(f"blk.0.{name}.bias", f(shape[0]))
    w.add_tensor("output_norm.weight", f(e))
    w.add_tensor("output_norm.bias", f(e))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def test_duplicate_tokens_rejected_before_llama_cpp_can_abort(tmp_path):
    import subprocess
    import sys

    dup = tmp_path / "dup.gguf"
    _tiny_gpt2_gguf(dup, ["a", "b", "c", "a"])
    with pytest.raises(ModelFileError, match="duplicate tokens"):
        LlamaEngine().load(str(dup))
    # Proof that the check matters: llama.cpp itself kills the whole process on this file.
    code = f"from llama_cpp import Llama; Llama(model_path={str(dup)!r}, verbose=False)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert proc.returncode < 0 or proc.returncode > 1, proc.returncode


def test_valid_tiny_gpt2_without_template_loads_as_plain_model(tmp_path):
    ok = tmp_path / "ok.gguf"
    _tiny_gpt2_gguf(ok, ["Ċ", "Ġ", "a", "b", "c", "d"])
    eng = LlamaEngine()
    info = eng.load(str(ok))
    try:
        assert info.architecture == "gpt2" and not info.has_chat_template
        assert info.template_source == "plain transcript"
        assert info.n_ctx == 256
        req = GenerationRequest(1, (ChatMessage("user", "ab"),), SamplingSettings(max_tokens=500, seed=1))
        res = eng.generate(req, threading.Event(), lambda _t: None)
        # Never past the learned position table (that would abort the process).
        assert res.prompt_tokens + res.completion_tokens <= 256
        assert res.warning is None
        odd = eng.generate(GenerationRequest(2, (ChatMessage("user", "abz 中"),), SamplingSettings(max_tokens=4, seed=1)), threading.Event(), lambda _t: None)
        assert odd.warning is not None and "z" in odd.warning and "中" in odd.warning and " a " not in odd.warning
    finally:
        eng.unload()


def test_stop_interrupts_prompt_evaluation_and_engine_recovers(engine, monkeypatch):
    """Stop pressed while llama.cpp is inside a prompt evaluation: its abort callback ends it.

    The press is simulated at a precise moment (as the second prompt chunk enters llama_decode),
    so the test does not depend on how fast this machine evaluates prompts.
    """
    import llama_cpp

    long_text = "The quick brown fox jumps over the lazy dog. " * 150  # ~1500 tokens to evaluate
    stop = threading.Event()
    calls = []
    real = llama_cpp.llama_decode

    def decode(ctx, batch):  # type: ignore[no-untyped-def]
        calls.append(batch.n_tokens)
        if len(calls) == 2:
            stop.set()  # the user presses Stop while this chunk is being computed
        return real(ctx, batch)

    monkeypatch.setattr(llama_cpp, "llama_decode", decode)
    req = GenerationRequest(3, (ChatMessage("user", long_text + "Summarise."),), SamplingSettings(max_tokens=32))
    aborts = engine.prompt_aborts
    result = engine.generate(req, stop, lambda _t: None)
    assert result.stop_reason == "user" and result.completion_tokens == 0
    assert len(calls) == 2, "no chunk is evaluated after Stop"
    assert engine.prompt_aborts == aborts + 1, "llama.cpp's abort callback cut the prompt evaluation short"
    monkeypatch.setattr(llama_cpp, "llama_decode", real)
    after, pieces = run(engine, [USER])
    assert after.stop_reason in ("end", "length") and pieces


def test_the_engine_uses_fewer_threads_when_other_programs_keep_the_cores_busy(model_path, tmp_path, monkeypatch):
    """Busy elsewhere -> fewer threads (barrier waits make oversubscribed llama.cpp crawl). The
    machine's load and size are simulated, so this holds on one core too."""
    from chatdesk.engine import cpu_share

    monkeypatch.setattr(cpu_share, "usable_cpus", lambda: 2)
    eng = LlamaEngine(tmp_path / "c.json")
    eng.load(model_path, LoadSettings(n_ctx=512, n_threads=2))
    try:
        eng._fixed_threads = False  # as when the user left the thread count on "automatic"
        monkeypatch.setattr(cpu_share, "busy_elsewhere", lambda samples=3, gap_s=0.001: 2)
        busy, _ = run(eng, [USER], max_tokens=8)
        assert dict(busy.provenance)["threads"] == 1
        monkeypatch.setattr(cpu_share, "busy_elsewhere", lambda samples=3, gap_s=0.001: 0)
        idle, _ = run(eng, [USER], max_tokens=8)
        assert dict(idle.provenance)["threads"] == 2
    finally:
        eng.unload()


def test_busy_elsewhere_sees_a_busy_process():
    import subprocess
    import sys

    from chatdesk.engine.cpu_share import busy_elsewhere

    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        # A spinning process is runnable at every look (allow the scheduler a moment to start it).
        deadline = time.monotonic() + 30
        while busy_elsewhere() < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert busy_elsewhere() >= 1
    finally:
        hog.kill()
        hog.wait()


def test_a_load_leaves_the_process_streams_alone(model_path, tmp_path):
    """While the worker loads a model, the window's thread keeps writing (warnings, tracebacks,
    the single-instance notice): llama-cpp-python used to point fd 2 at /dev/null meanwhile."""
    import subprocess
    import sys

    code = f"""
import sys, threading, time
from pathlib import Path
from chatdesk.engine.llama_engine import LlamaEngine
from chatdesk.engine import LoadSettings
done = threading.Event()
written = 0
def load():
    try:
        LlamaEngine(Path({str(tmp_path / "c.json")!r})).load({model_path!r}, LoadSettings(n_ctx=256))
    finally:
        done.set()
loader = threading.Thread(target=load)
loader.start()
while not done.is_set():
    print("tick", file=sys.stderr, flush=True)
    written += 1
    time.sleep(0.002)  # a steady trickle, as a window's warnings would be
loader.join()
print("written", written, flush=True)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    written = int(proc.stdout.split()[-1])
    assert written > 0 and proc.stderr.count("tick\n") == written
