"""Inspection of the bundled SmolLM2 (llama architecture, grouped-query attention) end to end:
the ``chatdesk inspect`` command for a text and for a stored reply, progress, cancel, bad input,
and the clear refusal of an architecture whose insides we cannot read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from chatdesk.inspection import InspectionCancelled, InspectionError, Inspector, UnsupportedArchitecture, start_inspection
from chatdesk.inspection.architectures import spec_for
from translatable import text_of

REPO = Path(__file__).resolve().parents[1]
TEXT = "The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog again."


def chatdesk(*args: str, data: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "chatdesk", *args, "--data-dir", str(data)], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=str(REPO))


@pytest.fixture(scope="module")
def inspector(model_path):
    with Inspector(model_path, threads=2) as insp:
        yield insp


def _check_document(doc: dict, n_tokens: int, layers: list[int]) -> None:
    assert doc["format"] == "chatdesk-inspection" and doc["version"] == 1
    assert doc["n_layer"] == 30 and doc["n_head"] == 9 and doc["model"]["n_head_kv"] == 3
    assert doc["layers"] == layers
    assert len(doc["tokens"]) == n_tokens and all({"id", "text"} <= set(t) for t in doc["tokens"])
    att = doc["attention"]
    assert len(att) == len(layers) and all(len(per_layer) == 9 for per_layer in att)
    for per_layer in att:
        for head in per_layer:
            assert [len(row) for row in head] == list(range(1, n_tokens + 1))  # key <= query
            assert all(abs(sum(row) - 1) < 1e-3 for row in head)
    assert np.array(doc["residual_norms"]).shape == (len(layers), n_tokens)
    lens = doc["logit_lens"]
    assert len(lens) == len(layers) and all(len(per_layer) == n_tokens for per_layer in lens)
    for per_layer in lens:
        for top in per_layer:
            assert len(top) == 5
            probs = [p for _id, p in top]
            assert probs == sorted(probs, reverse=True) and probs[-1] >= 0 and sum(probs) <= 1 + 1e-5


def test_cli_inspects_a_text(tmp_path, model_path):
    out = tmp_path / "out.json"
    r = chatdesk("inspect", model_path, "--text", TEXT, "--layers", "0,2,-1", "--json", str(out), data=tmp_path / "home")
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    n = len(doc["tokens"])
    _check_document(doc, n, [0, 2, 29])
    assert "".join(t["text"] for t in doc["tokens"]) == TEXT
    # the last layer's lens is what the model itself predicts (llama.cpp's logits, computed with
    # 8-bit activations against the Q8_0 head here, so a near-tie may fall the other way)
    agree = np.mean([a[0][0] == b[0][0] for a, b in zip(doc["logit_lens"][2], doc["output"])])
    assert agree >= 0.9
    # a repeated sentence is predicted from its first occurrence by the last layer, not by the first
    second = [i for i, t in enumerate(doc["tokens"]) if t["text"] == " lazy"][1]
    assert doc["tokens"][second + 1]["text"] == " dog"
    assert doc["next_token_probability"][2][second] > 0.2 > doc["next_token_probability"][0][second]
    assert doc["source"] == {"kind": "text"}
    assert not list(tmp_path.glob("*.partial"))


def test_cli_refuses_bad_input_in_words(tmp_path, model_path):
    home = tmp_path / "home"
    r = chatdesk("inspect", model_path, "--text", "hi", "--layers", "30", "--json", str(tmp_path / "a.json"), data=home)
    assert r.returncode == 2 and "the model has 30 layers (0 to 29)" in r.stderr
    r = chatdesk("inspect", str(tmp_path / "missing.gguf"), "--text", "hi", "--json", str(tmp_path / "b.json"), data=home)
    assert r.returncode == 2 and "does not exist" in r.stderr
    r = chatdesk("inspect", model_path, "--message", "3", "--json", str(tmp_path / "c.json"), data=home)
    assert r.returncode == 2 and "--text" in r.stderr  # one of --text / --conversation is required
    r = chatdesk("inspect", model_path, "--conversation", "1", "--message", "2", "--json", str(tmp_path / "d.json"), data=home)
    assert r.returncode == 2 and "no ChatDesk database" in r.stderr
    assert not list(tmp_path.glob("*.json"))


def test_cli_inspects_a_stored_reply_with_its_prompt(tmp_path, model_path):
    home = tmp_path / "home"
    r = chatdesk("ask", "--model", model_path, "--max-tokens", "12", "--seed", "7", "What is a fox?", data=home)
    assert r.returncode == 0, r.stderr
    from chatdesk.store import Store

    store = Store(home / "chatdesk.sqlite3")
    try:
        conv = store.list_conversations()[0]
        reply = [m for m in store.messages(conv.id) if m.role == "assistant"][0]
    finally:
        store.close()
    out = tmp_path / "reply.json"
    r = chatdesk("inspect", model_path, "--conversation", str(conv.id), "--message", str(reply.id), "--layers", "-1",
                 "--json", str(out), data=home)
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    prov = reply.provenance or {}
    assert doc["prompt_tokens"] == prov["prompt_tokens"]  # the prompt is rebuilt exactly as the engine built it
    assert not [n for n in doc["notes"] if "rebuilt prompt" in n]
    reply_text = "".join(t["text"] for t in doc["tokens"][doc["prompt_tokens"]:])
    assert reply_text.strip() == reply.content.strip()
    assert "What is a fox?" in "".join(t["text"] for t in doc["tokens"][: doc["prompt_tokens"]])
    assert doc["source"] == {"kind": "reply", "conversation": conv.id, "message": reply.id}
    _check_document(doc, len(doc["tokens"]), [29])
    r = chatdesk("inspect", model_path, "--conversation", str(conv.id), "--message", "999", "--json", str(out), data=home)
    assert r.returncode == 2 and "no message 999" in r.stderr


def test_grouped_query_heads_are_query_heads(inspector, tmp_path):
    ids = inspector.tokenize(TEXT)
    with inspector.inspect(ids, layers=[3], logit_lens=False, workdir=tmp_path) as result:
        assert result.model.n_head == 9 and result.model.n_head_kv == 3
        heads = [result.attention(3, h) for h in range(9)]
        # heads sharing one K/V head (0, 1, 2) still attend differently: each has its own queries
        assert float(np.abs(heads[0] - heads[1]).max()) > 1e-3
        assert np.allclose(np.triu(heads[0], 1), 0) and np.allclose(heads[0].sum(axis=1), 1, atol=1e-3)
        mean = result.attention_mean(3)
        np.testing.assert_allclose(mean, np.mean(heads, axis=0), atol=1e-6)
        np.testing.assert_allclose(result.attention_row(3, None, 5), mean[5, :6], atol=1e-6)
        assert (result.residual_norms > 0).all() and (result.attention_norms > 0).all() and (result.ffn_norms > 0).all()
        assert result.token_embedding_norms is None and result.position_embedding_norms is None  # RoPE: no position table
        with pytest.raises(InspectionError, match="layer 4 was not recorded"):
            result.attention(4, 0)
    assert not any(tmp_path.iterdir())  # closing removed the files


def test_progress_runs_through_the_phases_and_reaches_the_end(inspector, tmp_path):
    seen = []
    ids = inspector.tokenize(TEXT * 3)
    with inspector.inspect(ids, progress=seen.append, workdir=tmp_path):
        pass
    phases = [p.phase for p in seen]
    assert phases[0] == "load" and "evaluate" in phases and phases[-1] == "lens"
    assert phases == sorted(phases, key=["load", "evaluate", "lens"].index)
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    assert all(0 < p.done <= p.total for p in seen if p.phase != "load")


def test_cancel_stops_the_background_job_and_leaves_nothing(model_path, tmp_path):
    started = threading.Event()

    def progress(p):
        if p.phase == "evaluate":
            started.set()

    job = start_inspection(model_path, text=TEXT * 40, progress=progress, threads=2, workdir=tmp_path)
    assert started.wait(300)
    job.cancel()
    with pytest.raises(InspectionCancelled):
        job.result(timeout=300)
    assert job.join(60)
    assert not any(tmp_path.iterdir())


def test_background_job_gives_the_result(model_path, tmp_path):
    done = threading.Event()
    job = start_inspection(model_path, text="Hello world", layers=[0], threads=2, workdir=tmp_path)
    job.add_done_callback(lambda _f: done.set())
    with job.result(timeout=300) as result:
        assert done.wait(10)
        assert result.attention_layers == (0,) and result.has_logit_lens(0) and not result.has_logit_lens(1)
        assert result.n_tokens == len(result.tokens) >= 2


def test_bad_requests_are_refused_in_words(inspector, tmp_path):
    with pytest.raises(InspectionError, match="nothing to inspect"):
        inspector.inspect([], workdir=tmp_path)
    with pytest.raises(InspectionError, match="not in the vocabulary"):
        inspector.inspect([1, 10**7], workdir=tmp_path)
    with pytest.raises(InspectionError, match="trained on at most 8192"):
        inspector.inspect([1] * 8193, workdir=tmp_path)
    with pytest.raises(InspectionError, match="no layer 30"):
        inspector.inspect([1, 2], layers=[30], workdir=tmp_path)
    assert not any(tmp_path.iterdir())


def test_an_unsupported_architecture_is_refused_clearly(tmp_path):
    from gguf_support import llama_spec, write

    spec = llama_spec()
    spec["arch"] = "mamba"
    spec["keys"] = {k.replace("llama.", "mamba."): v for k, v in spec["keys"].items()}
    path = write(tmp_path / "mamba.gguf", spec)
    with pytest.raises(UnsupportedArchitecture) as info:
        Inspector(path)
    text = str(info.value)
    assert "“mamba” architecture" in text and "gpt2" in text and "llama" in text
    assert text_of(info.value).template.startswith("Looking inside is not available")  # translatable in the window
    assert spec_for("gpt2").learned_positions and not spec_for("llama").learned_positions


def test_layer_lists_are_parsed_like_the_help_says():
    from chatdesk.cli.common import CommandError
    from chatdesk.cli.inspect_cmd import parse_layers

    assert parse_layers(None, 30) is None and parse_layers("all", 30) is None
    assert parse_layers("0,2,5-7,-1", 30) == [0, 2, 5, 6, 7, 29]
    assert parse_layers("-3--1", 30) == [27, 28, 29]
    for bad, words in (("30", "0 to 29"), ("x", "not a layer number"), ("7-5", "empty"), (",", "no layer")):
        with pytest.raises(CommandError, match=words):
            parse_layers(bad, 30)


def test_inspecting_while_the_chat_is_loaded_leaves_its_context_alone(engine, model_path, tmp_path):
    """The inspector has its own llama.cpp context: the chat's KV cache, and with it prompt reuse
    and the reply for a given seed, are the same during and after an inspection that runs while
    the chat is generating. (The first reply is compared with nothing: evaluating a prompt from
    scratch and reusing it from the cache may round differently, reference §8.)"""
    from chatdesk.engine import ChatMessage, GenerationRequest, SamplingSettings

    req = GenerationRequest(71, (ChatMessage("user", "Name three colours."),), SamplingSettings(max_tokens=16, seed=11))
    engine.generate(req, threading.Event(), lambda _t: None)  # the prompt is now in the chat's cache
    job = start_inspection(model_path, text=TEXT * 4, threads=1, workdir=tmp_path)
    during = engine.generate(req, threading.Event(), lambda _t: None)  # while the inspection runs
    with job.result(timeout=600) as result:
        assert result.n_tokens > 80
    after = engine.generate(req, threading.Event(), lambda _t: None)
    assert during.text == after.text
    assert during.cached_tokens == after.cached_tokens > 0  # the chat's cache still holds its prompt
