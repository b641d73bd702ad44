"""``chatdesk ask`` end to end: the installed command, the real model, a real SQLite file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from chatdesk.store import Status, Store

EXE = str(Path(sys.executable).parent / "chatdesk")


def ask(data: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CHATDESK_HOME"}
    return subprocess.run([EXE, "ask", "--data-dir", str(data), *args], capture_output=True, text=True, timeout=timeout, env=env)


def rows(data: Path):
    store = Store(data / "chatdesk.sqlite3")
    try:
        conv = store.list_conversations()[0]
        return conv, store.active_path(conv.id)
    finally:
        store.close()


def test_ask_streams_the_reply_and_stores_both_turns_like_the_window(tmp_path, model_path):
    data = tmp_path / "profile"
    r = ask(data, "--max-tokens", "24", "--seed", "11", "Name two planets.")
    assert r.returncode == 0, r.stderr
    conv, path = rows(data)
    assert [m.role for m in path] == ["user", "assistant"]
    assert path[0].content == "Name two planets."
    reply = path[1]
    assert reply.status == Status.DONE and reply.content.strip()
    assert r.stdout.rstrip("\n") == reply.content
    assert f"conversation {conv.id}" in r.stderr
    prov = reply.provenance
    assert prov["seed"] == 11 and prov["sampler"]["max_tokens"] == 24 and prov["engine"] == "local"
    assert prov["model_path"] == str(Path(model_path).resolve()) and len(prov["model_sha256"]) == 64
    assert prov["llama_cpp_build"] and prov["system_prompt"]
    assert conv.model_path == str(Path(model_path).resolve())

    # --conversation continues the same chat with its history.
    again = ask(data, "--conversation", str(conv.id), "--max-tokens", "16", "And one moon?")
    assert again.returncode == 0, again.stderr
    _, path2 = rows(data)
    assert [m.content for m in path2[:2]] == [m.content for m in path] and path2[2].content == "And one moon?"
    assert path2[3].provenance["prompt_tokens"] > prov["prompt_tokens"]


def test_a_model_that_fails_keeps_the_question(tmp_path):
    data = tmp_path / "profile"
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\0" * 64)
    r = ask(data, "--model", str(bad), "Is my question kept?")
    assert r.returncode == 2
    assert "bad.gguf" in r.stderr and "Traceback" not in r.stderr and "kept" in r.stderr
    _, path = rows(data)
    assert path[0].content == "Is my question kept?" and path[1].status == Status.ERROR and path[1].error


def test_unknown_conversation_and_bad_flags_fail_in_words(tmp_path):
    data = tmp_path / "profile"
    r = ask(data, "--conversation", "99", "hello")
    assert r.returncode == 2 and "no conversation 99" in r.stderr
    r = ask(data, "--remote-model", "x", "hello")
    assert r.returncode == 2 and "--remote" in r.stderr


def test_ctrl_c_stops_the_reply_and_keeps_it(tmp_path):
    data = tmp_path / "profile"
    env = {k: v for k, v in os.environ.items() if k != "CHATDESK_HOME"}
    proc = subprocess.Popen(
        [EXE, "ask", "--data-dir", str(data), "--max-tokens", "2000", "Write a very long story about the sea."],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    assert proc.stdout is not None
    got = ""
    deadline = time.monotonic() + 300
    while len(got) < 40 and time.monotonic() < deadline:
        got += proc.stdout.read(1)
    proc.send_signal(signal.SIGINT)
    # Read the rest through the same text stream (communicate() would bypass what it buffered).
    out = proc.stdout.read()
    err = proc.stderr.read() if proc.stderr else ""
    assert proc.wait(120) == 130, err
    _, path = rows(data)
    assert path[1].status == Status.STOPPED and path[1].content.startswith(got.strip()[:20])
    assert (got + out).rstrip("\n") == path[1].content


def test_ask_a_remote_server_records_its_endpoint(tmp_path, llama_server):
    data = tmp_path / "profile"
    r = ask(data, "--remote", llama_server.base_url.removesuffix("/v1"), "--remote-model", llama_server.model_path,
            "--max-tokens", "16", "Say hello.")
    assert r.returncode == 0, r.stderr
    conv, path = rows(data)
    prov = path[1].provenance
    assert prov["engine"] == "remote" and path[1].status == Status.DONE
    assert llama_server.base_url in str(prov.values()) and prov["model_key"] == f"{llama_server.base_url}#{llama_server.model_path}"
    assert conv.model_path == prov["model_key"]
