"""RemoteEngine end to end against a real OpenAI-compatible server: llama-cpp-python's
``python -m llama_cpp.server`` serving the bundled SmolLM2 model on 127.0.0.1.

One server for the whole session (it loads the model once); tests that need a fresh connection
make their own engine. Nothing here is mocked: the server samples real tokens.
"""

from __future__ import annotations

import threading

import pytest

from chatdesk.engine.remote import RemoteEngine, fetch_models
from chatdesk.engine.types import ChatMessage, GenerationRequest, RemoteSource, SamplingSettings
from chatdesk.library.remotes import Remotes


@pytest.fixture
def remote(llama_server):
    engine = RemoteEngine()
    engine.load(RemoteSource(llama_server.base_url, llama_server.model_path))
    yield engine
    engine.unload()


STORY = (ChatMessage("system", "You are a storyteller."), ChatMessage("user", "Tell me a long story about a lighthouse keeper."))


def ask(engine: RemoteEngine, messages=STORY, max_tokens: int = 24, seed: int = 7, stop=None, on_text=None, **kw):
    pieces: list[str] = []
    req = GenerationRequest(1, tuple(messages), SamplingSettings(max_tokens=max_tokens, seed=seed, temperature=0.7), **kw)
    result = engine.generate(req, stop or threading.Event(), on_text or pieces.append)
    return result, pieces


def test_model_list_names_the_served_model(llama_server):
    listing = fetch_models(llama_server.base_url)
    assert listing.listed is True
    assert listing.ids == (llama_server.model_path,)
    assert listing.server == "llama-cpp-python"
    assert listing.models[0].display_name == "SmolLM2-135M-Instruct.Q4_1.gguf"


def test_saved_connection_lists_models_and_builds_a_source(llama_server):
    remotes = Remotes()
    endpoint = remotes.add(llama_server.base_url.removesuffix("/v1"), name="Box under the desk")
    assert endpoint.base_url == llama_server.base_url
    listing = remotes.list_models(endpoint.id)
    source = remotes.source(endpoint.id, listing.ids[0])
    assert source == RemoteSource(llama_server.base_url, llama_server.model_path, endpoint.id)
    engine = RemoteEngine(remotes.api_key)
    info = engine.load(source)
    assert info.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    engine.unload()


def test_chat_streams_piece_by_piece(remote, llama_server):
    info = remote.info
    assert info.kind == "remote" and info.reproducible is False
    assert info.metadata["remote.server"] == "llama-cpp-python"
    assert info.n_ctx == 2048  # llama-cpp-python's default, which this server runs with
    result, pieces = ask(remote)
    assert len(pieces) > 1, "the reply did not stream"
    assert result.text == "".join(pieces) and result.text.strip()
    assert result.error is None and result.stop_reason in ("end", "length")
    assert 1 <= result.completion_tokens <= 24
    prov = dict(result.provenance)
    assert prov["endpoint"] == llama_server.base_url and prov["model_id"] == llama_server.model_path
    assert prov["server_model"] == llama_server.model_path
    assert prov["streamed"] is True and prov["stream_fallback"] is False
    assert prov["finish_reason"] in ("stop", "length")
    # llama-cpp-python does not put usage into streams; the result says so instead of inventing it.
    assert prov["usage_reported"] is False and prov["prompt_tokens_estimated"] is True


def test_same_seed_gives_the_same_reply(remote):
    ask(remote, seed=1)  # the server's prompt cache now holds this prompt, as for both replies below
    first, _ = ask(remote, seed=1234)
    second, _ = ask(remote, seed=1234)
    assert first.text == second.text
    assert first.seed == second.seed == 1234


def test_stop_mid_reply_keeps_the_partial_text_and_frees_the_server(remote, llama_server):
    stop = threading.Event()
    pieces: list[str] = []

    def on_text(text: str) -> None:
        pieces.append(text)
        if len(pieces) == 3:
            stop.set()

    mark = llama_server.mark()
    result, _ = ask(remote, max_tokens=400, stop=stop, on_text=on_text)
    assert result.stop_reason == "user" and result.error is None
    assert pieces and len(pieces) == 3, "text arrived after Stop"
    assert result.text == "".join(pieces)
    assert result.completion_tokens < 400
    # The server noticed the client leaving and stopped generating for it.
    assert llama_server.wait_for_line("Disconnected from client", 60, after=mark)
    follow_up, _ = ask(remote, max_tokens=8)
    assert follow_up.error is None and follow_up.text


def test_usage_is_reported_for_whole_replies(llama_server):
    engine = RemoteEngine(streaming=False)
    engine.load(RemoteSource(llama_server.base_url, llama_server.model_path))
    result, pieces = ask(engine, max_tokens=12)
    prov = dict(result.provenance)
    assert prov["usage_reported"] is True and prov["streamed"] is False and prov["stream_fallback"] is False
    usage = prov["usage"]
    assert usage["prompt_tokens"] > 0 and usage["completion_tokens"] == result.completion_tokens
    assert result.prompt_tokens == usage["prompt_tokens"]
    assert pieces == [result.text]
    engine.unload()


def test_plan_counts_with_the_servers_tokenizer_and_learns_the_template(llama_server):
    engine = RemoteEngine(streaming=False)
    engine.load(RemoteSource(llama_server.base_url, llama_server.model_path))
    assert engine.token_counter == "/extras/tokenize/count"
    before = engine.plan(STORY, max_tokens=12)
    assert before.estimated is True and before.prompt_tokens > 0 and before.context == 2048
    result, _ = ask(engine, max_tokens=12)
    after = engine.plan(STORY, max_tokens=12)
    # After one reply the per-message template allowance is calibrated on the server's own count.
    assert after.prompt_tokens == result.prompt_tokens
    engine.unload()


def test_token_probabilities_from_a_real_server(remote):
    seen = []
    req = GenerationRequest(1, STORY, SamplingSettings(max_tokens=8, seed=5), top_logprobs=3)
    result = remote.generate(req, threading.Event(), lambda _t: None, seen.append)
    assert result.error is None and result.tokens and list(result.tokens) == seen
    assert "".join(t.text for t in seen) == result.text
    assert seen[-1].end == len(result.text)
    for t in seen:
        assert 0.0 < t.prob <= 1.0
        assert 1 <= len(t.alternatives) <= 3
        assert t.alternatives[0].prob >= t.alternatives[-1].prob
