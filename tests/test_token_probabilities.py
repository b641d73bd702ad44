"""Token probabilities: correct against llama.cpp's own logits, stored, exported, imported.

The reference is computed independently of the engine: llama-cpp-python's high-level ``Llama``
evaluates the same prompt and then the reply tokens one at a time (as any llama.cpp chat decodes
them: llama.cpp's sums depend on the batch a token is evaluated in, so the reference must batch
the same way), and numpy takes the softmax of each logits row. The engine reads one row per step
with its own code, so agreement checks the position bookkeeping (no off-by-one) and the arithmetic.
"""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from llama_cpp import Llama

from chatdesk import archive
from chatdesk.chat import ConversationFlow, ModelTarget, ReplyRecorder
from chatdesk.chat.chat_settings import ChatSettings
from chatdesk.chat.token_record import decode, encode
from chatdesk.engine import ChatMessage, GenerationRequest, SamplingSettings
from chatdesk.settings import AppSettings
from chatdesk.store import Store
from chatdesk.store.message_tokens import load_message_tokens

MESSAGES = (ChatMessage("system", "You are brief."), ChatMessage("user", "Write one sentence about autumn leaves."))


def test_probabilities_match_a_softmax_of_llama_cpps_logits(engine, model_path):
    sampling = SamplingSettings(max_tokens=20, seed=99, temperature=0.8)
    got = []
    result = engine.generate(GenerationRequest(1, MESSAGES, sampling, top_logprobs=8), threading.Event(), lambda _t: None, got.append)
    assert len(got) == result.completion_tokens >= 10 and result.tokens == tuple(got)
    prompt, _r, _d, _b = engine.fit(MESSAGES, sampling.max_tokens)

    assert len(prompt) < 64, "one prompt chunk: the reference evaluates the prompt in one batch too"
    # the engine's own attention kernel (fused or not) changes the last bits of the logits
    ref = Llama(model_path=model_path, n_ctx=2048, logits_all=True, flash_attn=engine.info.flash_attn, verbose=False)
    rows = []
    try:
        ref.eval(prompt)
        for tok in got:
            rows.append(np.array(ref.scores[ref.n_tokens - 1], dtype=np.float64))
            ref.eval([tok.token_id])
    finally:
        ref.close()
    for i, tok in enumerate(got):
        row = rows[i]
        p = np.exp(row - row.max())
        p /= p.sum()
        assert tok.prob == pytest.approx(p[tok.token_id], rel=1e-4, abs=1e-7), f"token {i}"
        assert len(tok.alternatives) == 8
        probs = [a.prob for a in tok.alternatives]
        assert probs == sorted(probs, reverse=True)
        for a in tok.alternatives:
            assert a.prob == pytest.approx(p[a.token_id], rel=1e-4, abs=1e-7)
        # The alternatives are the model's 8 most likely tokens (ties at the edge aside).
        kth = np.sort(p)[-8]
        assert min(probs) >= kth * (1 - 1e-3)
    # Character offsets line up with the reply text.
    assert [t.end for t in got] == sorted(t.end for t in got) and got[-1].end >= len(result.text)


def test_probabilities_are_stored_and_survive_json_export_and_import(store, engine, tmp_path, data_dir):
    flow = ConversationFlow(store, AppSettings(sampling=SamplingSettings(max_tokens=16)))
    conv = flow.new_conversation(engine.info.path)
    flow.save_chat_settings(conv.id, ChatSettings(None, SamplingSettings(max_tokens=16, seed=4), show_probabilities=True))
    plan = flow.send(conv.id, "Say something kind.", ModelTarget(engine.info.path, None, engine.info))
    rec = ReplyRecorder(store, plan)
    result = engine.generate(plan.request, threading.Event(), rec.on_text, rec.on_token)
    rec.finish(result, engine.info, None)
    stored = load_message_tokens(store, plan.reply.id)
    assert [t.token_id for t in decode(stored)] == [t.token_id for t in result.tokens]
    assert stored["sampler"]["seed"] == 4

    out = tmp_path / "chat.json"
    archive.export_conversations(store, [conv.id], "json", out)
    doc = json.loads(out.read_text("utf-8"))
    reply = next(m for m in doc["conversations"][0]["messages"] if m["role"] == "assistant")
    assert reply["token_probabilities"]["ids"] == stored["ids"]
    user = next(m for m in doc["conversations"][0]["messages"] if m["role"] == "user")
    assert "token_probabilities" not in user

    other = Store(tmp_path / "other.sqlite3")
    try:
        archive.import_file(other, out)
        [imported] = [m for m in other.messages(other.list_conversations()[0].id) if m.role == "assistant"]
        assert load_message_tokens(other, imported.id) == stored
    finally:
        other.close()


def test_a_damaged_probability_record_is_refused_on_import(store, tmp_path):
    good = encode([], {})
    doc = {
        "format": "chatdesk-transcript", "version": 1,
        "conversations": [{
            "uid": "c1", "title": "t", "created_at": 1.0, "updated_at": 1.0,
            "messages": [
                {"uid": "u1", "parent_uid": None, "role": "user", "content": "q", "status": "done", "created_at": 1.0},
                {"uid": "a1", "parent_uid": "u1", "role": "assistant", "content": "a", "status": "done", "created_at": 2.0,
                 "token_probabilities": {**good, "ids": [1, 2], "p": [0.5]}},
            ],
        }],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(archive.ArchiveError, match="token_probabilities"):
        archive.import_file(store, path)
    assert store.list_conversations() == []
