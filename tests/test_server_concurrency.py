"""Several clients at once, clients that vanish, the window's priority, and ``chatdesk serve``
stopping cleanly: all against the real bundled model through a real uvicorn server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
import openai
import pytest
from server_support import MODEL, TIMEOUT_S, root_url, running_server

from chatdesk.engine import ChatMessage, GenerationRequest, SamplingSettings

REPO = Path(__file__).resolve().parents[1]
COUNTING = {"model": MODEL, "prompt": "1, 2, 3,", "max_tokens": 300, "stream": True, "ignore_eos": True}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("library")) as srv:
        srv.preload(MODEL)
        yield srv


def _wait_for(predicate, timeout: float = TIMEOUT_S) -> bool:
    done = threading.Event()
    deadline = threading.Timer(timeout, done.set)
    deadline.start()
    try:
        while not done.is_set():
            if predicate():
                return True
            done.wait(0.05)
        return predicate()
    finally:
        deadline.cancel()


def test_a_client_killed_mid_stream_stops_its_generation(server):
    script = (
        "import sys, httpx2, json\n"
        f"body = {COUNTING!r}\n"
        "with httpx2.stream('POST', sys.argv[1] + '/completions', json=body, timeout=600) as r:\n"
        "    for line in r.iter_lines():\n"
        "        if line.startswith('data: {'):\n"
        "            print('chunk', flush=True)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, server.base_url], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        for _ in range(3):
            assert proc.stdout.readline().strip() == "chunk"
    finally:
        proc.kill()
        proc.wait(TIMEOUT_S)
    job_info = lambda: [r for r in server.queue.requests() if r.kind == "completion"][-1]  # noqa: E731
    assert _wait_for(lambda: job_info().state == "stopped"), job_info()
    info = job_info()
    assert info.stop_reason == "client" and info.tokens < COUNTING["max_tokens"]
    # The model is free again: the next request is served at once.
    client = openai.OpenAI(base_url=server.base_url, api_key="x", timeout=TIMEOUT_S, max_retries=0)
    assert client.completions.create(model=MODEL, prompt="Hi", max_tokens=2).choices[0].finish_reason in ("stop", "length")


def test_thirty_two_concurrent_clients_all_complete(server):
    client = openai.OpenAI(base_url=server.base_url, api_key="x", timeout=TIMEOUT_S * 3, max_retries=0)

    def one(i: int) -> tuple[str, str]:
        messages = [{"role": "user", "content": f"Say the number {i}."}]
        if i % 2:
            reply = client.chat.completions.create(model=MODEL, messages=messages, max_tokens=3, seed=i)
            return reply.choices[0].finish_reason, reply.choices[0].message.content or ""
        text, reason = "", None
        for chunk in client.chat.completions.create(model=MODEL, messages=messages, max_tokens=3, seed=i, stream=True):
            for c in chunk.choices:
                text += c.delta.content or ""
                reason = c.finish_reason or reason
        return reason or "missing", text

    with ThreadPoolExecutor(32) as pool:
        results = list(pool.map(one, range(32)))
    assert all(reason in ("stop", "length") for reason, _ in results), results
    served = [r for r in server.queue.requests() if r.kind == "chat"][-32:]
    assert len(served) == 32 and all(r.state == "done" for r in served)
    assert not server.queue.active()


def test_a_window_reply_waits_at_most_one_server_token_step(server):
    """The window takes the shared engine between two server tokens, and the server reply then resumes."""
    slot = server.pool.loaded()[0]
    engine, gate = slot.engine, slot.gate
    assert engine.turns is gate
    client = openai.OpenAI(base_url=server.base_url, api_key="x", timeout=TIMEOUT_S, max_retries=0)
    got: dict[str, object] = {}

    def stream() -> None:
        chunks = list(client.completions.create(model=MODEL, prompt="1, 2, 3,", max_tokens=60, logprobs=0, stream=True,
                                                extra_body={"ignore_eos": True}))
        got["finish"] = chunks[-1].choices[0].finish_reason
        got["tokens"] = sum(len(c.choices[0].logprobs.tokens) for c in chunks if c.choices and c.choices[0].logprobs)

    t = threading.Thread(target=stream)
    t.start()
    running = lambda: [r for r in server.queue.active() if r.state == "running" and r.tokens >= 3]  # noqa: E731
    assert _wait_for(lambda: bool(running()))
    job = server.queue.get(running()[0].id)
    assert job is not None
    before = job.tokens
    preemptions = gate.preemptions
    with gate.interactive():
        during = job.tokens
        window = engine.generate(
            GenerationRequest(1, (ChatMessage("user", "Hello"),), SamplingSettings(max_tokens=4, seed=1)),
            threading.Event(), lambda _t: None)
        assert job.tokens == during  # the server reply is paused while the window holds the engine
    t.join(TIMEOUT_S)
    assert during - before <= 1, (before, during)
    assert gate.preemptions == preemptions + 1
    assert window.completion_tokens > 0
    assert got == {"finish": "length", "tokens": 60}


def test_chatdesk_serve_prints_its_url_and_stops_requests_on_sigterm(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "chatdesk", "serve", "--data-dir", str(tmp_path / "data"), "--port", "0", "--model", MODEL,
         "--store-requests"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("ChatDesk server ready at http://127.0.0.1:") and line.endswith("/v1"), (line, proc.stderr.read() if proc.poll() is not None else "")
        url = line.rsplit(" ", 1)[1]
        events: list[object] = []
        with httpx2.stream("POST", url + "/completions", json=COUNTING, timeout=TIMEOUT_S) as resp:
            for raw in resp.iter_lines():
                if not raw.startswith("data: "):
                    continue
                payload = raw[len("data: "):]
                events.append(payload if payload == "[DONE]" else json.loads(payload))
                if len(events) == 3:
                    proc.send_signal(signal.SIGTERM)
        assert proc.wait(TIMEOUT_S) == 0, proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert events[-1] == "[DONE]" and events[-2]["choices"][0]["finish_reason"] == "stopped"
    from chatdesk.store import Store

    store = Store(tmp_path / "data" / "chatdesk.sqlite3")
    try:
        convs = store.list_conversations()
        assert len(convs) == 1
        reply = store.active_path(convs[0].id)[-1]
        assert reply.role == "assistant" and reply.status == "stopped" and reply.content
        text = "".join(e["choices"][0]["text"] for e in events[:-1] if isinstance(e, dict))
        assert reply.content == text
    finally:
        store.close()


def test_another_model_gets_503_with_retry_after_while_one_loads(tmp_path, model_path):
    import shutil

    from chatdesk.library import Catalog
    from chatdesk.server.pool import default_engine_factory

    release = threading.Event()
    started = threading.Event()

    def slow_factory(entry, settings):  # the real load, held until the test lets it go
        started.set()
        assert release.wait(TIMEOUT_S)
        return default_engine_factory(entry, settings)

    folder = tmp_path / "lib"
    copy = tmp_path / "copy.gguf"
    shutil.copyfile(model_path, copy)
    other = Catalog(folder).add_file(copy).id
    with running_server(folder, engine_factory=slow_factory) as srv:
        client = openai.OpenAI(base_url=srv.base_url, api_key="x", timeout=TIMEOUT_S, max_retries=0)
        first: list[object] = []
        t = threading.Thread(target=lambda: first.append(client.completions.create(model=MODEL, prompt="Hi", max_tokens=2)))
        t.start()
        try:
            assert started.wait(TIMEOUT_S)
            with httpx2.Client(base_url=root_url(srv), timeout=TIMEOUT_S) as c:
                resp = c.post("/v1/completions", json={"model": other, "prompt": "Hi", "max_tokens": 2})
                health = c.get("/health").json()
            assert resp.status_code == 503 and int(resp.headers["retry-after"]) > 0
            assert resp.json()["error"]["code"] == "model_loading" and MODEL in resp.json()["error"]["message"]
            assert health["loading"] == MODEL
        finally:
            release.set()
            t.join(TIMEOUT_S)
        assert first and first[0].choices[0].finish_reason in ("stop", "length")
        # Now the other model can be served: the idle one is unloaded to make room.
        reply = client.completions.create(model=other, prompt="Hi", max_tokens=2)
        assert reply.model == other and [s.entry.id for s in srv.pool.loaded()] == [other]


def test_the_turn_gate_serves_the_window_first():
    from chatdesk.engine.turns import TurnGate

    gate = TurnGate()
    assert not gate.offer()  # nobody holds it: nothing to hand over
    log: list[str] = []
    holding = threading.Event()
    resume = threading.Event()

    def server_reply() -> None:
        with gate.background() as got:
            assert got
            holding.set()
            assert resume.wait(TIMEOUT_S)
            log.append("server offers")
            assert gate.offer()  # the window was waiting: it went first
            log.append("server resumes")

    t = threading.Thread(target=server_reply)
    t.start()
    assert holding.wait(TIMEOUT_S)

    def window() -> None:
        with gate.interactive():
            log.append("window replies")

    w = threading.Thread(target=window)
    w.start()
    assert _wait_for(lambda: gate.interactive_waiting == 1)
    resume.set()
    t.join(TIMEOUT_S)
    w.join(TIMEOUT_S)
    assert log == ["server offers", "window replies", "server resumes"] and gate.owner is None
    cancelled = threading.Event()
    cancelled.set()
    with gate.background(cancelled) as got:
        assert not got and gate.owner is None


def test_health_reports_the_loaded_model(server):
    with httpx2.Client(base_url=root_url(server), timeout=TIMEOUT_S) as c:
        body = c.get("/health").json()
    assert body["status"] == "ok" and body["loaded"] == [MODEL]
