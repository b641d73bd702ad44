"""Unit tests of the remote engine's seams: one dialect object per server kind (recognised from
the model list, holding that server's quirks), the request builder that asks the dialect, the
refusal rules, and the token counter's calibration. The engine end to end over real HTTP is
tests/test_remote_faults.py and tests/test_remote_engine.py."""

from __future__ import annotations

import pytest

from chatdesk.engine.remote import SERVER_LLAMA_CPP, SERVER_LLAMA_CPP_PYTHON, SERVER_OLLAMA, SERVER_OPENAI_COMPATIBLE, SERVER_VLLM
from chatdesk.engine.remote.dialects import DIALECTS, IGNORED_BY_SERVER, OPENAI_COMPATIBLE, dialect_named, identify
from chatdesk.engine.remote.listing import parse_listing
from chatdesk.engine.remote.request import Accepted, build_body, refused_feature
from chatdesk.engine.remote.tokens import PROMPT_OVERHEAD_TOKENS, Calibration, estimate_tokens
from chatdesk.engine.types import ChatMessage, GenerationRequest, SamplingSettings

SAMPLING = SamplingSettings(temperature=0.3, top_p=0.9, top_k=33, min_p=0.07, repeat_penalty=1.2, max_tokens=20, seed=42)
MESSAGES = [ChatMessage("user", "Hi")]

LISTS = {
    SERVER_LLAMA_CPP: [{"id": "/models/qwen.gguf", "owned_by": "llamacpp", "meta": {"n_ctx_train": 32768}}],
    SERVER_VLLM: [{"id": "Qwen/Qwen2.5-7B", "owned_by": "vllm", "max_model_len": 8192}],
    SERVER_LLAMA_CPP_PYTHON: [{"id": "/m/smol.gguf", "owned_by": "me", "permissions": []}],
    SERVER_OLLAMA: [{"id": "llama3.2:latest", "owned_by": "library"}, {"id": "me/custom:7b", "owned_by": "me"}],
    SERVER_OPENAI_COMPATIBLE: [{"id": "gpt-4o", "owned_by": "openai"}],
}


@pytest.mark.parametrize("server", list(LISTS))
def test_each_server_is_recognised_from_its_model_list(server):
    assert identify(LISTS[server]).name == server
    assert parse_listing("http://h/v1", {"data": LISTS[server]}).server == server
    assert dialect_named(server).name == server


def test_one_dialect_per_server_and_unknown_names_speak_plain_openai():
    names = [d.name for d in DIALECTS]
    assert len(names) == len(set(names)) == 5
    assert dialect_named("some-future-server") is OPENAI_COMPATIBLE
    assert identify([]) is OPENAI_COMPATIBLE  # an empty list shows nothing specific
    assert IGNORED_BY_SERVER == {SERVER_OLLAMA: ("top_k", "min_p", "repeat_penalty")}


def body(server: str, accepted: Accepted | None = None, **kw) -> dict:
    request = GenerationRequest(request_id=1, messages=tuple(MESSAGES), sampling=SAMPLING, **kw)
    return build_body(dialect_named(server), accepted or Accepted(), "m", request, list(MESSAGES), 7, 20,
                      want_logprobs=request.top_logprobs > 0)


def test_the_body_spells_the_sampler_fields_as_the_server_reads_them():
    llama = body(SERVER_LLAMA_CPP)
    assert (llama["top_k"], llama["min_p"], llama["repeat_penalty"]) == (33, 0.07, 1.2) and "repetition_penalty" not in llama
    vllm = body(SERVER_VLLM)
    assert vllm["repetition_penalty"] == 1.2 and "repeat_penalty" not in vllm
    ollama = body(SERVER_OLLAMA)  # fields it ignores are not sent
    assert not {"top_k", "min_p", "repeat_penalty", "repetition_penalty"} & set(ollama)
    assert body(SERVER_OPENAI_COMPATIBLE)["repeat_penalty"] == 1.2
    assert llama["stream"] is True and llama["stream_options"] == {"include_usage": True} and llama["seed"] == 7


def test_continue_asks_each_server_its_own_way():
    llama = body(SERVER_LLAMA_CPP, assistant_prefix="Once upon")
    assert llama["messages"][-1] == {"role": "assistant", "content": "Once upon"}
    assert "continue_final_message" not in llama
    vllm = body(SERVER_VLLM, assistant_prefix="Once upon")
    assert vllm["continue_final_message"] is True and vllm["add_generation_prompt"] is False
    assert dialect_named(SERVER_VLLM).prefix_method != dialect_named(SERVER_LLAMA_CPP).prefix_method
    assert "continue_final_message" not in body(SERVER_VLLM)  # only when continuing


def test_each_server_counts_tokens_at_its_own_endpoint():
    assert dialect_named(SERVER_LLAMA_CPP).tokenizer == "/tokenize"
    assert dialect_named(SERVER_LLAMA_CPP).tokenize_body("hi", "m") == {"content": "hi", "add_special": False}
    assert dialect_named(SERVER_VLLM).tokenize_body("hi", "m") == {"model": "m", "prompt": "hi", "add_special_tokens": False}
    cpp_python = dialect_named(SERVER_LLAMA_CPP_PYTHON)
    assert cpp_python.tokenizer == "/extras/tokenize/count" and cpp_python.tokenize_body("hi", "m") == {"input": "hi", "model": "m"}
    assert cpp_python.one_request_at_a_time and cpp_python.default_context == 2048
    assert dialect_named(SERVER_OLLAMA).tokenizer is None and dialect_named(SERVER_OLLAMA).default_context == 4096
    assert "ollama pull" in dialect_named(SERVER_OLLAMA).no_models_message("h:1")
    assert "ollama" not in OPENAI_COMPATIBLE.no_models_message("h:1")


def test_a_refused_part_is_recognised_and_stays_switched_off():
    request_body = body(SERVER_LLAMA_CPP, top_logprobs=3)
    assert refused_feature(request_body, 400, '{"error": {"message": "logprobs is not supported"}}') == "logprobs"
    assert refused_feature(request_body, 422, '{"detail": [{"msg": "extra field stream_options"}]}') == "stream_options"
    assert refused_feature(request_body, 400, '{"error": "unknown field top_k"}') == "extras"
    assert refused_feature(request_body, 501, "no") == "stream"
    assert refused_feature(request_body, 401, "logprobs") is None  # not a refusal status
    assert refused_feature(request_body, 400, "the model is sad") is None
    accepted = Accepted()
    for feature in ("logprobs", "extras", "stream"):
        accepted.switch_off(feature)
    assert accepted == Accepted(stream=False, stream_options=False, extras=False, logprobs=False)
    again = body(SERVER_LLAMA_CPP, accepted, top_logprobs=3)
    assert not {"stream", "stream_options", "logprobs", "top_k"} & set(again)


def test_calibration_learns_the_template_overhead_and_the_estimate_scale():
    cal = Calibration()
    start = cal.current()
    cal.learn(2, raw_sum=10, exact=True, actual=10 + PROMPT_OVERHEAD_TOKENS + 2 * 6)
    assert cal.current().overhead == 6 and cal.current().scale == start.scale
    cal.learn(2, raw_sum=10, exact=False, actual=10 * 2 + PROMPT_OVERHEAD_TOKENS + 2 * 6)
    assert cal.current().scale == 2 and cal.current().overhead == 6
    cal.learn(0, raw_sum=10, exact=True, actual=99)  # nothing to learn from
    assert cal.current().overhead == 6
    assert estimate_tokens("abcdefgh") == 2 and estimate_tokens("你好") == 2


def test_the_result_says_what_the_server_reported_and_did():
    import time

    import httpx2

    from chatdesk.engine.remote.connection import Connection
    from chatdesk.engine.remote.result import Outcome, reply_result, reported_prompt_tokens
    from chatdesk.engine.remote.stream import Reply
    from chatdesk.engine.remote.tokens import TokenCounter
    from chatdesk.engine.types import RemoteSource

    reply = Reply(pieces=["Hi"], chars=2, chunks=1, finish_reason="length",
                  timings={"prompt_n": 5, "cache_n": 2, "predicted_n": 3})
    assert reported_prompt_tokens(reply) == 7
    assert reported_prompt_tokens(Reply(usage={"prompt_tokens": 11})) == 11 and reported_prompt_tokens(Reply()) is None
    dialect = dialect_named(SERVER_OLLAMA)
    request = GenerationRequest(request_id=4, messages=tuple(MESSAGES), sampling=SAMPLING)
    with httpx2.Client() as client:
        conn = Connection(source=RemoteSource("http://h/v1", "m"), base_url="http://h/v1", model_id="m", dialect=dialect,
                          api_key="sk-secret", control=client, streams=client, n_ctx=4096, context_source="assumed",
                          tokens=TokenCounter(dialect, client, "http://h/v1", "m"), accepted=Accepted(stream=False))
        outcome = Outcome(refused=["stream"], fell_back=True, body=body(SERVER_OLLAMA, Accepted(stream=False)))
        result = reply_result(conn, request, reply, outcome, started=time.perf_counter(), estimated_prompt=9, context=4096,
                              seed=7, dropped=0, streaming_asked=True)
    prov = dict(result.provenance)
    assert (result.prompt_tokens, result.completion_tokens, result.cached_tokens, result.stop_reason) == (7, 3, 2, "end")
    assert prov["server"] == "ollama" and prov["sampler_ignored"] == ("top_k", "min_p", "repeat_penalty")
    assert prov["refused_by_server"] == ("stream",) and prov["stream_fallback"] is True and prov["streamed"] is False
    assert prov["sampler_fields"] == ("temperature", "top_p", "max_tokens", "seed") and prov["finish_reason"] == "length"
    assert "sk-secret" not in repr(result)
