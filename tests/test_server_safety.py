"""The server's safety rules, against a real uvicorn server on 127.0.0.1: malformed and mistyped
bodies, body limits, API keys, Host and Origin checks, CORS with Private-Network-Access, slow
clients, and curl as a client."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess

import httpx2
import openai
import pytest
from server_support import MODEL, TIMEOUT_S, root_url, running_server, sse_events

from chatdesk.server import LocalServer, ServerConfigError, ServerSettings

KEY = "test-key-0123456789abcdef"
ORIGIN = "http://localhost:5173"
CHAT = {"model": MODEL, "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 3}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("library"), api_key=KEY, cors_origins=(ORIGIN,), max_body_bytes=64 * 1024,
                        body_timeout_s=2.0) as srv:
        yield srv


@pytest.fixture(scope="module")
def http(server):
    with httpx2.Client(base_url=root_url(server), timeout=TIMEOUT_S, headers={"Authorization": f"Bearer {KEY}"}) as c:
        yield c


def _error(resp: httpx2.Response) -> dict:
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"message", "type", "param", "code"}, body
    return body["error"]


def test_malformed_json_is_a_400(http):
    resp = http.post("/v1/chat/completions", content=b'{"model": "bundled", "messages": [', headers={"Content-Type": "application/json"})
    assert resp.status_code == 400 and _error(resp)["code"] == "invalid_json"
    resp = http.post("/v1/chat/completions", content=b"[1, 2]")
    assert resp.status_code == 400 and "JSON object" in _error(resp)["message"]


@pytest.mark.parametrize(("field", "value"), [
    ("max_tokens", "12"), ("temperature", "hot"), ("stream", 1), ("messages", "hello"), ("seed", 1.5),
    ("stop", 7), ("top_p", 3.0),
])
def test_wrong_types_name_the_field(http, field, value):
    resp = http.post("/v1/chat/completions", json={**CHAT, field: value})
    assert resp.status_code == 400
    err = _error(resp)
    assert err["type"] == "invalid_request_error" and err["param"] is not None and err["param"].startswith(field), err


def test_missing_fields_and_bad_messages(http):
    resp = http.post("/v1/chat/completions", json={"model": MODEL})
    assert resp.status_code == 400 and _error(resp)["param"] == "messages"
    resp = http.post("/v1/chat/completions", json={**CHAT, "messages": [{"role": "wizard", "content": "x"}]})
    assert resp.status_code == 400 and _error(resp)["param"].startswith("messages[0].role")
    resp = http.post("/v1/completions", json={"model": MODEL, "prompt": "x", "echo": True})
    assert resp.status_code == 400 and _error(resp)["param"] == "echo"


def test_a_huge_body_is_a_413(http):
    big = json.dumps({**CHAT, "messages": [{"role": "user", "content": "x" * 200_000}]})
    resp = http.post("/v1/chat/completions", content=big, headers={"Content-Type": "application/json"})
    assert resp.status_code == 413 and _error(resp)["code"] == "request_too_large"

    def chunks():  # no Content-Length: the limit holds while reading
        for _ in range(100):
            yield b"x" * 4096

    resp = http.post("/v1/chat/completions", content=chunks())
    assert resp.status_code == 413


def test_bad_or_missing_keys_are_401(server):
    with httpx2.Client(base_url=root_url(server), timeout=TIMEOUT_S) as c:
        assert c.get("/v1/models").status_code == 401
        resp = c.get("/v1/models", headers={"Authorization": f"Bearer {KEY[:-1]}x"})
        assert resp.status_code == 401 and _error(resp)["code"] == "invalid_api_key"
        assert c.get("/v1/models", headers={"Authorization": KEY}).status_code == 401  # no "Bearer"
        assert c.get("/health").status_code == 200  # the health check needs no key
    bad = openai.OpenAI(base_url=server.base_url, api_key="wrong-key", max_retries=0, timeout=TIMEOUT_S)
    with pytest.raises(openai.AuthenticationError):
        bad.models.list()
    good = openai.OpenAI(base_url=server.base_url, api_key=KEY, max_retries=0, timeout=TIMEOUT_S)
    assert any(m.id == MODEL for m in good.models.list().data)


def test_a_foreign_host_header_is_refused(http):
    resp = http.get("/v1/models", headers={"Host": "evil.example:8765"})
    assert resp.status_code == 400 and _error(resp)["code"] == "invalid_host"
    assert http.get("/v1/models", headers={"Host": "localhost"}).status_code == 200


def test_origins_not_listed_are_refused_and_listed_ones_get_cors_with_private_network(http):
    resp = http.post("/v1/chat/completions", json=CHAT, headers={"Origin": "https://evil.example"})
    assert resp.status_code == 403 and _error(resp)["code"] == "origin_not_allowed"
    pre = http.options("/v1/chat/completions", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 403 and "access-control-allow-origin" not in pre.headers
    pre = http.options("/v1/chat/completions", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
        "Access-Control-Request-Private-Network": "true"})
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == ORIGIN
    assert pre.headers["access-control-allow-private-network"] == "true"
    resp = http.get("/v1/models", headers={"Origin": ORIGIN})
    assert resp.status_code == 200 and resp.headers["access-control-allow-origin"] == ORIGIN


def test_cors_is_off_unless_origins_are_listed(tmp_path):
    with running_server(tmp_path) as srv, httpx2.Client(base_url=root_url(srv), timeout=TIMEOUT_S) as c:
        pre = c.options("/v1/models", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"})
        assert pre.status_code == 403 and "access-control-allow-origin" not in pre.headers
        assert c.get("/v1/models").status_code == 200  # no key needed on 127.0.0.1 without one


def test_a_lan_server_refuses_to_start_without_a_key():
    with pytest.raises(ServerConfigError, match="API key"):
        LocalServer(ServerSettings(host="0.0.0.0", port=0))
    with pytest.raises(ServerConfigError, match="too short"):
        ServerSettings(host="0.0.0.0", api_key="short").check()
    ServerSettings(host="0.0.0.0", api_key=KEY).check()
    with pytest.raises(ServerConfigError):
        ServerSettings(cors_origins=("*",)).check()


def test_a_stalled_body_times_out(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT_S) as sock:
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Authorization: Bearer " + KEY.encode() + b"\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 500\r\n\r\n{\"model\":")
        answer = b""
        while b"\r\n\r\n" not in answer:
            part = sock.recv(4096)
            if not part:
                break
            answer += part
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_curl_streams_a_chat_completion(server):
    curl = shutil.which("curl")
    if curl is None:
        pytest.fail("curl is needed for this test (apt-get install curl)")
    body = json.dumps({**CHAT, "stream": True, "max_tokens": 5})
    out = subprocess.run(
        [curl, "-sS", "-N", "--max-time", str(TIMEOUT_S), f"{server.base_url}/chat/completions",
         "-H", f"Authorization: Bearer {KEY}", "-H", "Content-Type: application/json", "-d", body],
        capture_output=True, text=True, timeout=TIMEOUT_S + 10, check=True,
    ).stdout
    events = [ln[len("data: "):] for ln in out.splitlines() if ln.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert chunks[-1]["choices"][0]["finish_reason"] in ("stop", "length")
    assert all(c["object"] == "chat.completion.chunk" and c["model"] == MODEL for c in chunks)
    denied = subprocess.run([curl, "-s", "-o", "/dev/null", "-w", "%{http_code}", f"{server.base_url}/models"],
                            capture_output=True, text=True, timeout=TIMEOUT_S, check=True).stdout
    assert denied == "401"


def test_streams_through_raw_http_end_with_done(http):
    with http.stream("POST", "/v1/completions", json={"model": MODEL, "prompt": "Hello", "max_tokens": 3, "stream": True}) as resp:
        assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/event-stream")
        events = list(sse_events(resp))
    assert events[-1] == "[DONE]" and events[-2]["choices"][0]["finish_reason"] in ("stop", "length")


def test_unknown_routes_and_methods_are_openai_errors(http):
    resp = http.get("/v1/nothing")
    assert resp.status_code == 404 and _error(resp)["code"] == "unknown_url"
    resp = http.get("/v1/chat/completions")
    assert resp.status_code == 405 and _error(resp)["code"] == "method_not_allowed"


def test_keys_compare_in_constant_time_and_key_files_must_be_private(tmp_path):
    from chatdesk.server.keys import key_matches, new_key, read_key_file

    assert key_matches(KEY, f"Bearer {KEY}") and key_matches(KEY, f"bearer  {KEY}")
    assert not key_matches(KEY, None) and not key_matches(KEY, f"Basic {KEY}") and not key_matches(KEY, f"Bearer {KEY}x")
    assert new_key() != new_key() and len(new_key()) > 40
    f = tmp_path / "key"
    f.write_text(KEY + "\n")
    f.chmod(0o644)
    with pytest.raises(ServerConfigError, match="other users"):
        read_key_file(f)
    f.chmod(0o600)
    assert read_key_file(f) == KEY


def test_created_keys_live_in_the_keyring(memory_keyring):
    from chatdesk.server import keys

    assert keys.stored_key() is None
    key = keys.create_key()
    assert keys.stored_key() == key and key in memory_keyring.passwords.values()
    keys.forget_key()
    assert keys.stored_key() is None


def test_chatdesk_serve_refuses_the_lan_without_a_key(tmp_path):
    import os
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-m", "chatdesk", "serve", "--data-dir", str(tmp_path), "--host", "0.0.0.0", "--port", "0"],
        capture_output=True, text=True, timeout=TIMEOUT_S, cwd=repo,
        env={**os.environ, "PYTHONPATH": str(repo), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert out.returncode == 2 and out.stdout == ""
    assert "needs an API key" in out.stderr and "was not started" in out.stderr
