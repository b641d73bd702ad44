"""ChatDesk's OpenAI-compatible server, driven by the official ``openai`` package against the real
bundled model through a real uvicorn server on 127.0.0.1.

Log-probabilities are checked as tests/test_token_probabilities.py checks the window's probability
view: an independent llama-cpp-python ``Llama`` evaluates the same prompt and then the reply's
tokens one at a time, and numpy takes the softmax of each logits row.
"""

from __future__ import annotations

import math
import threading

import numpy as np
import openai
import pytest
from llama_cpp import Llama
from server_support import MODEL, N_CTX, TIMEOUT_S, running_server

from chatdesk.engine import ChatMessage
from chatdesk.library import Catalog

MESSAGES = [{"role": "system", "content": "You are brief."}, {"role": "user", "content": "Name three colours."}]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("library")) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server):
    return openai.OpenAI(base_url=server.base_url, api_key="unused", timeout=TIMEOUT_S, max_retries=0)


@pytest.fixture
def fresh(tmp_path):
    """A server whose model has evaluated nothing yet. The reference evaluates the prompt in one
    batch; a server that reused a cached prefix evaluated it in two, and llama.cpp's sums depend
    on the batch split (chatdesk/engine/kv_plan.py), so the comparison needs a fresh cache."""
    with running_server(tmp_path / "library") as srv:
        yield srv, openai.OpenAI(base_url=srv.base_url, api_key="unused", timeout=TIMEOUT_S, max_retries=0)


@pytest.fixture(scope="module")
def reference(model_path):
    # flash attention, as the server's parallel slots use it (chatdesk/server/slots.py)
    ref = Llama(model_path=model_path, n_ctx=N_CTX, logits_all=True, flash_attn=True, verbose=False)
    yield ref
    ref.close()


def _softmax_rows(ref: Llama, prompt: list[int], ids: list[int]) -> list[np.ndarray]:
    """log-softmax of llama.cpp's logits before each reply token (prompt in one batch, then one by one)."""
    ref.reset()
    ref.eval(prompt)
    rows = []
    for tok in ids:
        row = np.array(ref.scores[ref.n_tokens - 1], dtype=np.float64)
        rows.append(row - row.max() - np.log(np.exp(row - row.max()).sum()))
        ref.eval([tok])
    return rows


def _warm(client, messages=MESSAGES) -> None:
    """Leave the same prompt in the model's cache before requests whose replies are compared: each
    then evaluates only its last prompt token afresh, so both see identical logits (llama.cpp's
    sums depend on the batch split, see chatdesk/engine/kv_plan.py)."""
    client.chat.completions.create(model=MODEL, messages=messages, max_tokens=1)


def test_models_lists_the_library_with_its_ids(client, server):
    ids = [m.id for m in client.models.list().data]
    assert ids == [e.id for e in server.pool.catalog().entries()] and MODEL in ids
    assert client.models.retrieve(MODEL).id == MODEL
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("no-such-model")


def test_chat_completion_non_streaming(client):
    _warm(client)
    reply = client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=8, seed=3, temperature=0.7)
    choice = reply.choices[0]
    assert choice.message.role == "assistant" and choice.message.content
    assert choice.finish_reason in ("stop", "length")
    assert reply.usage.completion_tokens <= 8 and reply.usage.prompt_tokens > 5
    assert reply.model == MODEL and choice.logprobs is None
    again = client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=8, seed=3, temperature=0.7)
    assert again.choices[0].message.content == choice.message.content  # same seed, same reply
    assert reply.model_extra["x_chatdesk"]["seed"] == 3


def test_chat_streaming_matches_the_whole_reply_and_reports_usage(client):
    kwargs = {"model": MODEL, "messages": MESSAGES, "max_tokens": 10, "seed": 11, "temperature": 0.7}
    _warm(client)
    whole = client.chat.completions.create(**kwargs)
    pieces, reasons, usage = [], [], None
    for chunk in client.chat.completions.create(stream=True, stream_options={"include_usage": True}, **kwargs):
        if chunk.usage is not None:
            usage = chunk.usage
        for c in chunk.choices:
            pieces.append(c.delta.content or "")
            if c.finish_reason:
                reasons.append(c.finish_reason)
    assert "".join(pieces) == whole.choices[0].message.content
    assert reasons == [whole.choices[0].finish_reason]
    assert usage is not None and usage.completion_tokens == whole.usage.completion_tokens


def test_stop_strings_cut_the_reply(client):
    _warm(client)
    base = client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=12, seed=5, temperature=0)
    text = base.choices[0].message.content
    words = text.split()
    assert len(words) >= 2, text
    stop = words[1]
    cut = client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=12, seed=5, temperature=0, stop=[stop])
    assert cut.choices[0].message.content == text[: text.index(stop)]
    assert cut.choices[0].finish_reason == "stop"


def test_chat_logprobs_streamed_match_a_softmax_of_llama_cpps_logits(fresh, reference):
    server, client = fresh
    top = 5
    stream = client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=12, seed=21, temperature=0.9,
                                            logprobs=True, top_logprobs=top, stream=True)
    entries, text = [], ""
    for chunk in stream:
        for c in chunk.choices:
            text += c.delta.content or ""
            if c.logprobs and c.logprobs.content:
                entries.extend(c.logprobs.content)
    assert entries and "".join(e.token for e in entries) == text
    ids = [e.model_extra["id"] for e in entries]
    engine = server.pool.loaded()[0].engine
    prompt, _r, _d, _b = engine.fit(tuple(ChatMessage(m["role"], m["content"]) for m in MESSAGES), 12)
    rows = _softmax_rows(reference, prompt, ids)
    for entry, row, tok in zip(entries, rows, ids):
        assert entry.logprob == pytest.approx(row[tok], abs=1e-4)
        assert len(entry.top_logprobs) == top
        best = np.argsort(-row)[:top]
        assert [a.model_extra["id"] for a in entry.top_logprobs][:1] == [int(best[0])]
        for alt in entry.top_logprobs:
            assert alt.logprob == pytest.approx(row[alt.model_extra["id"]], abs=1e-4)
            assert bytes(alt.bytes) == alt.token.encode("utf-8")


def test_completion_logprobs_match_greedy_llama_cpp(fresh, reference):
    _server, client = fresh
    prompt = "The capital of France is"
    out = client.completions.create(model=MODEL, prompt=prompt, max_tokens=6, temperature=0, logprobs=3,
                                    extra_body={"repeat_penalty": 1.0})
    lp = out.choices[0].logprobs
    assert "".join(lp.tokens) == out.choices[0].text and len(lp.tokens) == out.usage.completion_tokens
    ids = reference.tokenize(prompt.encode(), add_bos=True, special=False)
    reference.reset()
    reference.eval(ids)
    for i, token_text in enumerate(lp.tokens):
        row = np.array(reference.scores[reference.n_tokens - 1], dtype=np.float64)
        logp = row - row.max() - np.log(np.exp(row - row.max()).sum())
        best = int(np.argmax(row))
        assert reference.detokenize([best]).decode("utf-8", "replace") == token_text
        assert lp.token_logprobs[i] == pytest.approx(logp[best], abs=1e-4)
        assert len(lp.top_logprobs[i]) <= 3 and max(lp.top_logprobs[i].values()) == pytest.approx(logp[best], abs=1e-4)
        reference.eval([best])
    assert lp.text_offset[0] == len(prompt)


def test_completion_streaming_carries_logprobs_in_chunks(client):
    chunks = list(client.completions.create(model=MODEL, prompt="Once upon a time", max_tokens=6, seed=2, logprobs=2, stream=True))
    text = "".join(c.choices[0].text for c in chunks if c.choices)
    tokens = [t for c in chunks if c.choices and c.choices[0].logprobs for t in c.choices[0].logprobs.tokens]
    assert text and "".join(tokens) == text
    assert chunks[-1].choices[0].finish_reason in ("stop", "length")


def test_embeddings_are_unit_vectors_and_similar_texts_are_closer(client, server):
    from chatdesk.library.embedding_default import register_default_embedding

    embedder = register_default_embedding(server.pool.catalog())  # the built-in all-MiniLM-L6-v2, in the library
    texts = ["The cat sat on the mat.", "A cat was sitting on a mat.", "Quarterly revenue grew by four percent."]
    emb = client.embeddings.create(model=embedder.id, input=texts)  # the SDK asks for base64 and decodes it
    vecs = np.array([d.embedding for d in emb.data])
    assert vecs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]
    assert emb.usage.prompt_tokens > 10
    plain = client.embeddings.create(model=embedder.id, input=texts[0], encoding_format="float")
    assert np.allclose(plain.data[0].embedding, vecs[0], atol=1e-5)
    # A chat model cannot embed: a clear OpenAI-shaped error, not a meaningless vector.
    with pytest.raises(openai.BadRequestError) as err:
        client.embeddings.create(model=MODEL, input=texts[0])
    assert err.value.body["code"] == "model_not_embeddable" and "not an embedding model" in err.value.body["message"]


def test_embedding_with_a_model_that_cannot_embed_is_a_clear_error(client, server):
    catalog: Catalog = server.pool.catalog()
    remote = catalog.add_remote("http://127.0.0.1:9/v1", "some-remote-model")
    with pytest.raises(openai.BadRequestError) as err:
        client.embeddings.create(model=remote.id, input="hello")
    body = err.value.body
    assert body["code"] == "model_not_embeddable" and body["param"] == "model" and "remote" in body["message"]


def test_unknown_model_and_wrong_types_are_openai_errors(client):
    with pytest.raises(openai.NotFoundError) as err:
        client.chat.completions.create(model="nope", messages=MESSAGES)
    assert err.value.body["code"] == "model_not_found"
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, temperature="hot")  # type: ignore[arg-type]
    assert err.value.body["param"] == "temperature" and err.value.body["type"] == "invalid_request_error"
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, n=2)
    assert err.value.body["param"] == "n"
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, logprobs=True, top_logprobs=21)
    assert err.value.body["param"] == "top_logprobs"


def test_unknown_fields_are_ignored(client):
    reply = client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=3,
                                           extra_body={"frobnicate": {"x": 1}, "presence_penalty": 0.5})
    assert reply.choices[0].message.content is not None


def test_a_prompt_longer_than_the_context_is_a_400_naming_the_limit(client):
    long_text = "word " * (N_CTX + 200)
    with pytest.raises(openai.BadRequestError) as err:
        client.completions.create(model=MODEL, prompt=long_text, max_tokens=4)
    assert err.value.body["code"] == "context_length_exceeded" and str(N_CTX) in err.value.body["message"]


def test_stored_requests_become_conversations_marked_with_the_client(tmp_path, store):
    with running_server(tmp_path / "lib", store=store, store_requests=True) as srv:
        client = openai.OpenAI(base_url=srv.base_url, api_key="x", timeout=TIMEOUT_S, max_retries=0)
        reply = client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=5, user="my-script")
    convs = store.list_conversations()
    assert len(convs) == 1 and convs[0].title.startswith("[my-script")
    messages = store.active_path(convs[0].id)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[-1].content == reply.choices[0].message.content and messages[-1].status == "done"
    prov = messages[-1].provenance
    assert prov["served_to"].startswith("my-script") and prov["seed"] == reply.model_extra["x_chatdesk"]["seed"]
    assert convs[0].system_prompt == "You are brief."


def test_requests_can_be_cancelled_from_the_queue(client, server):
    seen = threading.Event()
    finish: list[str] = []

    def consume() -> None:
        for chunk in client.completions.create(model=MODEL, prompt="1, 2, 3,", max_tokens=400, stream=True,
                                               extra_body={"ignore_eos": True}):
            for c in chunk.choices:
                if c.text:
                    seen.set()
                if c.finish_reason:
                    finish.append(c.finish_reason)

    t = threading.Thread(target=consume)
    t.start()
    assert seen.wait(TIMEOUT_S)
    running = [r for r in server.queue.active() if r.kind == "completion"]
    assert len(running) == 1 and running[0].state == "running" and running[0].client.startswith("OpenAI/Python")
    assert server.queue.cancel(running[0].id)
    t.join(TIMEOUT_S)
    assert finish == ["stopped"]
    info = next(r for r in server.queue.requests() if r.id == running[0].id)
    assert info.state == "stopped" and info.stop_reason == "cancelled" and 0 < info.tokens < 400
    assert not server.queue.cancel(running[0].id)  # already finished


def test_logprob_of_zero_probability_is_finite():
    from chatdesk.server.openai_format import logprob

    assert math.isfinite(logprob(0.0)) and logprob(1.0) == 0.0
