"""RemoteEngine against a misbehaving server (tests/fault_server.py): every failure a user can meet
gets a sentence they can act on, the text received so far is kept, refusals fall back, Stop works
while the server is silent. The requests really go over HTTP on 127.0.0.1."""

from __future__ import annotations

import math
import threading
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from fault_server import (
    API_KEY,
    MODEL_ID,
    REPLY_PIECES,
    SERVED_MODEL_NAME,
    TIMINGS,
    USAGE,
    VLLM_CONTEXT,
    FaultServer,
    free_port,
)

from chatdesk.engine.base import Engine
from chatdesk.engine.errors import EngineError
from chatdesk.engine.remote import (
    RemoteConnectionError,
    RemoteEngine,
    estimate_tokens,
    fetch_models,
    normalize_base_url,
    retry_after_seconds,
)
from chatdesk.engine.types import ChatMessage, GenerationRequest, RemoteSource, SamplingSettings

SAMPLING = SamplingSettings(temperature=0.3, top_p=0.9, top_k=33, min_p=0.07, repeat_penalty=1.2, max_tokens=20, seed=42)


@pytest.fixture(scope="module")
def fault():
    server = FaultServer()
    yield server
    server.close()


def request(text: str = "Hi", **kw) -> GenerationRequest:
    return GenerationRequest(request_id=1, messages=(ChatMessage("user", text),), sampling=SAMPLING, **kw)


def connect(fault: FaultServer, behaviour: str, key: str | None = None, **engine_kw) -> RemoteEngine:
    engine = RemoteEngine(lambda _endpoint: key, **engine_kw)
    engine.load(RemoteSource(fault.url(behaviour), MODEL_ID, "ep"))
    return engine


def run(engine: RemoteEngine, req: GenerationRequest | None = None, stop: threading.Event | None = None):
    pieces: list[str] = []
    result = engine.generate(req or request(), stop or threading.Event(), pieces.append)
    return result, pieces


# ----------------------------------------------------------------------------- addresses
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("localhost:8080", "http://localhost:8080/v1"),
        ("http://localhost:8080", "http://localhost:8080/v1"),
        ("http://localhost:8080/", "http://localhost:8080/v1"),
        ("http://localhost:8080/v1/", "http://localhost:8080/v1"),
        ("  https://Example.COM/api/v1  ", "https://example.com/api/v1"),
        ("http://10.0.0.5:8000/v1/chat/completions", "http://10.0.0.5:8000/v1"),
        ("http://localhost:11434/v1/models?x=1#frag", "http://localhost:11434/v1"),
        ("http://[::1]:8080", "http://[::1]:8080/v1"),
    ],
)
def test_base_urls_are_normalised(typed, expected):
    assert normalize_base_url(typed) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [("", "Enter the server's address"), ("ftp://host/v1", "http:// or https://"), ("http://user:pw@host/v1", "key field")],
)
def test_bad_addresses_get_a_sentence(typed, says):
    with pytest.raises(ValueError, match=says):
        normalize_base_url(typed)


def test_retry_after_accepts_seconds_and_dates():
    assert retry_after_seconds({"retry-after": "7"}) == 7
    later = datetime.now(timezone.utc) + timedelta(seconds=120)
    seconds = retry_after_seconds({"retry-after": format_datetime(later, usegmt=True)})
    assert seconds is not None and 100 <= seconds <= 121
    assert retry_after_seconds({}) is None


# ----------------------------------------------------------------------------- connecting
def test_engine_implements_the_protocol():
    assert isinstance(RemoteEngine(), Engine)


def test_connection_refused_is_explained():
    engine = RemoteEngine()
    with pytest.raises(RemoteConnectionError, match="connection refused") as info:
        engine.load(RemoteSource(f"http://127.0.0.1:{free_port()}/v1", "m"))
    assert "Is the server running" in str(info.value)
    assert not engine.loaded


def test_unknown_host_is_explained():
    with pytest.raises(RemoteConnectionError, match="DNS lookup failed"):
        RemoteEngine().load(RemoteSource("http://no-such-host.invalid/v1", "m"))


def test_missing_key_and_wrong_key_are_told_apart(fault):
    with pytest.raises(RemoteConnectionError, match="needs an API key"):
        connect(fault, "auth")
    with pytest.raises(RemoteConnectionError, match="did not accept the API key"):
        connect(fault, "auth", key="sk-wrong")
    engine = connect(fault, "auth", key=API_KEY)
    result, _ = run(engine)
    assert result.error is None and result.text == "".join(REPLY_PIECES)


def test_forbidden_is_explained(fault):
    with pytest.raises(RemoteConnectionError, match="403 Forbidden") as info:
        connect(fault, "forbidden", key="sk-x")
    assert "This key may not use this server" in str(info.value)


def test_a_model_the_server_does_not_offer_is_named(fault):
    engine = RemoteEngine()
    with pytest.raises(RemoteConnectionError, match="does not offer a model called “nope”") as info:
        engine.load(RemoteSource(fault.url("ok"), "nope"))
    assert MODEL_ID in str(info.value)


def test_server_without_model_list_still_connects(fault):
    listing = fetch_models(fault.url("nolist"))
    assert listing.listed is False and listing.models == ()
    engine = connect(fault, "nolist")
    assert engine.info is not None and engine.info.metadata["remote.model_listed"] == "false"
    result, _ = run(engine)
    assert result.text == "".join(REPLY_PIECES)


def test_model_info_describes_a_remote_model(fault):
    progress: list[float] = []
    engine = RemoteEngine()
    info = engine.load(RemoteSource(fault.url("ok"), MODEL_ID, "ep"), progress=progress.append)
    assert info.kind == "remote" and info.reproducible is False and info.supports_logprobs is True
    assert info.path == f"{fault.url('ok')}#{MODEL_ID}"
    assert info.metadata["remote.context_source"] == "assumed"
    assert progress[0] == 0.0 and progress[-1] == 1.0
    engine.unload()
    assert not engine.loaded and engine.info is None
    with pytest.raises(EngineError):
        engine.generate(request(), threading.Event(), lambda _t: None)


# ----------------------------------------------------------------------------- replies
def test_streamed_reply_maps_sampler_and_reports_usage(fault):
    engine = connect(fault, "ok")
    result, pieces = run(engine)
    assert pieces == list(REPLY_PIECES)
    assert result.text == "".join(REPLY_PIECES) and result.stop_reason == "end" and result.error is None
    assert (result.prompt_tokens, result.completion_tokens) == (USAGE["prompt_tokens"], USAGE["completion_tokens"])
    assert result.cached_tokens == TIMINGS["cache_n"]
    assert result.seed == 42
    prov = dict(result.provenance)
    assert prov["usage"] == USAGE and prov["usage_reported"] is True
    assert prov["timings"] == TIMINGS
    assert prov["server_model"] == SERVED_MODEL_NAME
    assert prov["endpoint"] == fault.url("ok") and prov["model_id"] == MODEL_ID
    assert prov["streamed"] is True and prov["stream_fallback"] is False
    body = fault.bodies("ok")[-1]
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert {k: body[k] for k in ("temperature", "top_p", "top_k", "min_p", "repeat_penalty", "max_tokens", "seed")} == {
        "temperature": 0.3, "top_p": 0.9, "top_k": 33, "min_p": 0.07, "repeat_penalty": 1.2, "max_tokens": 20, "seed": 42,
    }
    assert body["messages"] == [{"role": "user", "content": "Hi"}] and body["model"] == MODEL_ID


def test_continue_sends_the_reply_so_far_as_final_assistant_message(fault):
    engine = connect(fault, "ok")
    result, _ = run(engine, request(assistant_prefix="Once upon"))
    body = fault.bodies("ok")[-1]
    assert body["messages"][-1] == {"role": "assistant", "content": "Once upon"}
    assert "continue_final_message" not in body  # a vLLM-only field
    assert dict(result.provenance)["assistant_prefix"] == "final assistant message"


def test_vllm_gets_its_own_field_names_and_context(fault):
    engine = connect(fault, "vllm")
    assert engine.info.n_ctx == VLLM_CONTEXT and engine.info.metadata["remote.server"] == "vllm"
    run(engine, request(assistant_prefix="Once upon"))
    body = fault.bodies("vllm")[-1]
    assert body["repetition_penalty"] == 1.2 and "repeat_penalty" not in body
    assert body["continue_final_message"] is True and body["add_generation_prompt"] is False
    assert body["messages"][-1] == {"role": "assistant", "content": "Once upon"}


def test_ollama_names_and_unsupported_sampler_fields(fault):
    engine = RemoteEngine()
    info = engine.load(RemoteSource(fault.url("ollama"), "llama3.2"))  # means llama3.2:latest
    assert info.metadata["remote.server"] == "ollama" and info.n_ctx == 4096
    result, _ = run(engine)
    body = fault.bodies("ollama")[-1]
    assert body["model"] == "llama3.2"
    assert not {"top_k", "min_p", "repeat_penalty", "repetition_penalty"} & set(body)
    assert set(dict(result.provenance)["sampler_ignored"]) == {"top_k", "min_p", "repeat_penalty"}


def test_server_with_no_models_says_so(fault):
    with pytest.raises(RemoteConnectionError, match="has no models to offer"):
        RemoteEngine().load(RemoteSource(fault.url("empty"), "anything"))


def test_rate_limit_says_when_to_retry(fault):
    result, _ = run(connect(fault, "ratelimit"))
    assert result.stop_reason == "error" and result.text == ""
    assert "429" in result.error and "Try again in 7 seconds" in result.error


def test_unknown_model_at_generation_is_explained(fault):
    result, _ = run(connect(fault, "missing"))
    assert "404" in result.error and f"“{MODEL_ID}”" in result.error and "/v1" in result.error


def test_server_error_quotes_the_server(fault):
    result, _ = run(connect(fault, "broken"))
    assert "500" in result.error and "CUDA error: out of memory" in result.error


def test_silent_server_times_out_with_a_sentence(fault):
    result, _ = run(connect(fault, "slow", read_timeout=0.5))
    assert result.stop_reason == "error"
    assert "sent nothing for 0.5 s" in result.error


@pytest.mark.parametrize(
    ("behaviour", "kept", "says"),
    [
        ("cut", REPLY_PIECES[:2], "broke off"),
        ("truncated", REPLY_PIECES[:2], "ended the reply stream"),
        ("malformed", REPLY_PIECES[:1], "not valid JSON"),
        ("midstream", REPLY_PIECES[:1], "slot 0 crashed"),
    ],
)
def test_broken_streams_keep_the_text_so_far(fault, behaviour, kept, says):
    result, pieces = run(connect(fault, behaviour))
    assert pieces == list(kept)
    assert result.text == "".join(kept)
    assert result.stop_reason == "error" and says in result.error and "text received so far is kept" in result.error


def test_refused_streaming_falls_back_and_is_remembered(fault):
    engine = connect(fault, "nostream")
    result, pieces = run(engine)
    assert result.text == "".join(REPLY_PIECES) and pieces == [result.text] and result.error is None
    prov = dict(result.provenance)
    assert prov["stream_fallback"] is True and prov["refused_by_server"] == ("stream",)
    assert prov["usage"] == USAGE and result.completion_tokens == USAGE["completion_tokens"]
    first, second = fault.bodies("nostream")[-2:]
    assert first["stream"] is True
    assert "stream" not in second and "stream_options" not in second
    run(engine)  # the next reply asks for a whole answer straight away
    assert "stream" not in fault.bodies("nostream")[-1] and len(fault.bodies("nostream")) == 3


def test_server_answering_whole_replies_to_stream_requests(fault):
    result, pieces = run(connect(fault, "jsononly"))
    assert result.text == "".join(REPLY_PIECES) and pieces == [result.text]
    assert dict(result.provenance)["stream_fallback"] is True


def test_refused_extra_sampler_fields_are_dropped_and_recorded(fault):
    engine = connect(fault, "strict")
    result, _ = run(engine)
    assert result.error is None and result.text == "".join(REPLY_PIECES)
    prov = dict(result.provenance)
    assert prov["refused_by_server"] == ("extras",)
    assert set(prov["sampler_ignored"]) == {"top_k", "min_p", "repeat_penalty"}
    assert "top_k" not in prov["sampler_fields"]
    assert "top_k" in fault.bodies("strict")[-2] and "top_k" not in fault.bodies("strict")[-1]


def test_changed_key_is_fetched_again_after_401(fault):
    keys = {"ep": "sk-old"}
    engine = RemoteEngine(lambda endpoint: keys[endpoint])
    engine.load(RemoteSource(fault.url("authchat"), MODEL_ID, "ep"))
    keys["ep"] = API_KEY  # the user fixed the key in the connection dialog
    result, _ = run(engine)
    assert result.error is None and result.text == "".join(REPLY_PIECES)
    assert dict(result.provenance)["api_key_refreshed"] is True
    keys["ep"] = "sk-revoked"
    engine.load(RemoteSource(fault.url("authchat"), MODEL_ID, "ep"))
    result, _ = run(engine)
    assert "did not accept the API key" in result.error


def test_token_probabilities_from_the_stream(fault):
    engine = connect(fault, "logprobs")
    seen = []
    result = engine.generate(request(top_logprobs=2), threading.Event(), lambda _t: None, seen.append)
    assert fault.bodies("logprobs")[-1]["top_logprobs"] == 2 and fault.bodies("logprobs")[-1]["logprobs"] is True
    assert list(result.tokens) == seen and len(seen) == len(REPLY_PIECES)
    assert [t.text for t in seen] == list(REPLY_PIECES)
    assert [t.token_id for t in seen] == [100, 101, 102, 103]
    assert [t.end for t in seen] == [3, 5, 11, 12]
    assert math.isclose(seen[0].prob, math.exp(-0.1))
    assert [a.token_id for a in seen[0].alternatives] == [100, 900]
    assert math.isclose(seen[0].alternatives[1].prob, math.exp(-2.0))


def test_missing_token_probabilities_are_reported(fault):
    engine = connect(fault, "ok")  # streams no logprobs even when asked
    result = engine.generate(request(top_logprobs=3), threading.Event(), lambda _t: None)
    assert result.tokens == () and result.text == "".join(REPLY_PIECES)
    assert "did not report token probabilities" in result.warning
    assert engine.info.supports_logprobs is False


def test_reasoning_is_shown_inside_think_tags(fault):
    result, _ = run(connect(fault, "thinking"))
    assert result.text == "<think>\nLet me think.\n</think>\n\n" + "".join(REPLY_PIECES)


# ----------------------------------------------------------------------------- Stop
def test_stop_while_the_server_is_silent_returns_the_partial_reply(fault):
    """The server sent one piece and then only keep-alive comments: generate() is blocked waiting
    for the next chunk. Stop must end it (the read timeout is 300 s) and close the connection."""
    engine = connect(fault, "hang")
    stop = threading.Event()
    first = threading.Event()
    pieces: list[str] = []
    out: dict[str, object] = {}

    def on_text(text: str) -> None:
        pieces.append(text)
        first.set()

    worker = threading.Thread(target=lambda: out.update(result=engine.generate(request(), stop, on_text)))
    worker.start()
    assert first.wait(30)
    stop.set()
    worker.join(30)
    assert not worker.is_alive(), "generate() did not return after Stop"
    result = out["result"]
    assert result.stop_reason == "user" and result.error is None
    assert result.text == REPLY_PIECES[0] and pieces == [REPLY_PIECES[0]]
    assert fault.client_left.wait(30), "the server never saw the client go away"


def test_stop_before_the_first_byte(fault):
    engine = connect(fault, "slow")
    stop = threading.Event()
    stop.set()
    result, pieces = run(engine, stop=stop)
    assert result.stop_reason == "user" and result.text == "" and pieces == []


# ----------------------------------------------------------------------------- planning
def test_plan_estimates_and_drops_oldest_turns(fault):
    engine = connect(fault, "ok")
    assert engine.token_counter == "estimate"
    history = [ChatMessage("system", "Be brief.")]
    for i in range(12):  # about 1,800 estimated tokens
        history += [ChatMessage("user", f"question {i} " + "word " * 60), ChatMessage("assistant", "answer " * 60)]
    history.append(ChatMessage("user", "last question"))
    full = engine.plan(history, max_tokens=256)
    assert full.estimated is True and full.dropped_messages == 0 and full.context == 4096
    small = engine.plan(history, max_tokens=SAMPLING.max_tokens, context_limit=1024)
    assert small.context == 1024 and small.dropped_messages > 0
    assert small.prompt_tokens + SAMPLING.max_tokens <= 1024
    result, _ = run(engine, GenerationRequest(1, tuple(history), SAMPLING, context_limit=1024))
    sent = fault.bodies("ok")[-1]["messages"]
    assert sent[0]["content"] == "Be brief." and sent[-1]["content"] == "last question"
    assert len(sent) == len(history) - small.dropped_messages
    assert sent[1]["role"] == "user"  # history never starts with an orphaned assistant turn
    assert result.dropped_messages == small.dropped_messages


def test_estimates_count_each_cjk_character():
    assert estimate_tokens("hello world, this is text") < len("hello world, this is text")
    assert estimate_tokens("你好世界") == 4
