"""``chatdesk models``: the installed command in a subprocess, against the local Hub stand-in.

Includes the downloads that must survive their process: killed with SIGKILL half-way, or stopped
with Ctrl+C (SIGINT); the same command run again fetches only the rest and lands in the library.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hub_server import HubServer

EXE = str(Path(sys.executable).parent / "chatdesk")
REPO = "acme/SmolLM2-135M-Instruct-GGUF"
FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture
def hub(model_path):
    with HubServer() as srv:
        srv.add_repo(REPO, {FILE: Path(model_path), "README.md": b"# tiny\n"})
        yield srv


@pytest.fixture
def env(tmp_path, hub):
    e = {k: v for k, v in os.environ.items()
         if k not in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
         and not k.lower().endswith("_proxy")}
    e.update(HF_ENDPOINT=hub.endpoint, HF_HOME=str(tmp_path / "hf-home"), HF_HUB_DISABLE_TELEMETRY="1")
    return e


def cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=timeout, env=env)


def listed(data_dir: Path, env: dict) -> list[dict]:
    r = cli("models", "list", "--json", "--data-dir", str(data_dir), env=env)
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]  # JSON Lines: one model per line


def part_files(data_dir: Path) -> list[Path]:
    return list((data_dir / "models" / ".downloads").glob("*.part"))


def test_list_add_default_remove(data_dir, model_path, tmp_path, env):
    own = tmp_path / "mine" / "Mine-Q4_1.gguf"
    own.parent.mkdir()
    os.link(model_path, own) if os.stat(model_path).st_dev == os.stat(own.parent).st_dev else own.write_bytes(
        Path(model_path).read_bytes())

    r = cli("models", "list", env=env)  # CHATDESK_HOME (set by the data_dir fixture) is honoured
    assert r.returncode == 0 and r.stdout.startswith("* bundled") and "Q4_1" in r.stdout
    assert (data_dir / "library.json").exists()

    r = cli("models", "add", str(own), env=env)
    assert r.returncode == 0 and "mine-q4_1" in r.stdout
    r = cli("models", "default", "mine-q4_1", "--data-dir", str(data_dir), env=env)
    assert r.returncode == 0 and "New chats will use" in r.stdout
    rows = {m["id"]: m for m in listed(data_dir, env)}
    assert rows["mine-q4_1"]["default"] and rows["mine-q4_1"]["source"] == "added" and not rows["bundled"]["default"]
    assert rows["bundled"]["architecture"] == "llama" and rows["bundled"]["license"] == "apache-2.0"

    r = cli("models", "remove", "mine-q4_1", env=env)
    assert r.returncode == 0 and "was kept" in r.stdout and own.exists()
    assert cli("models", "default", env=env).stdout.startswith("bundled")
    cli("models", "add", str(own), env=env)
    r = cli("models", "remove", "mine-q4_1", "--delete-file", env=env)
    assert r.returncode == 0 and "deleted" in r.stdout and not own.exists()


def test_bad_input_gets_one_line_not_a_traceback(data_dir, tmp_path, env):
    bad = tmp_path / "notes.gguf"
    bad.write_text("hello")
    for args in (("add", str(bad)), ("add", str(tmp_path / "absent.gguf")), ("remove", "bundled"), ("remove", "nope"),
                 ("default", "nope"), ("download", "not a repo")):
        r = cli("models", *args, env=env)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.startswith("chatdesk models: ") and "Traceback" not in r.stderr, r.stderr
    assert [m["id"] for m in listed(data_dir, env)] == ["bundled"]


def test_download_shows_progress_and_lands_in_the_library(data_dir, hub, env, model_path):
    r = cli("models", "files", REPO, "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert [json.loads(line)["filename"] for line in r.stdout.splitlines()] == [FILE]
    r = cli("models", "download", REPO, env=env)  # no file named: the only GGUF is picked
    assert r.returncode == 0, r.stderr
    assert "MB" in r.stderr and "(100%)" in r.stderr and "done" in r.stderr
    row = next(m for m in listed(data_dir, env) if m["source"] == "downloaded")
    assert row["repo_id"] == REPO and row["repo_filename"] == FILE and row["commit"] == hub.repos[REPO].commit
    assert Path(row["path"]).read_bytes() == Path(model_path).read_bytes()


def start_download(env: dict) -> subprocess.Popen:
    return subprocess.Popen([EXE, "models", "download", REPO, FILE, "--progress-json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def wait_for_bytes(proc: subprocess.Popen) -> int:
    """Read the JSON progress lines until the downloader reports bytes on disk."""
    for line in proc.stdout:
        event = json.loads(line)
        if event.get("phase") == "downloading" and event["bytes_done"] > 0:
            return event["bytes_done"]
    raise AssertionError(f"the download ended before any byte arrived: {proc.stderr.read()}")


def test_killed_download_resumes_where_it_stopped(data_dir, hub, env, model_path):
    size = os.path.getsize(model_path)
    hub.faults.gate_at = size // 2
    proc = start_download(env)
    try:
        assert hub.gate_reached.wait(120)
        reported = wait_for_bytes(proc)
    finally:
        proc.kill()  # SIGKILL: no cleanup, no chance to save anything
        proc.communicate(timeout=60)
    hub.gate_open.set()
    [part] = part_files(data_dir)
    kept = part.stat().st_size
    assert reported <= kept <= size // 2

    r = cli("models", "download", REPO, FILE, env=env)
    assert r.returncode == 0, r.stderr
    last = hub.bodies()[-1]
    assert last.range == f"bytes={kept}-" and last.body_bytes == size - kept
    assert "resumed at" in r.stderr
    row = next(m for m in listed(data_dir, env) if m["source"] == "downloaded")
    assert Path(row["path"]).read_bytes() == Path(model_path).read_bytes() and part_files(data_dir) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_ctrl_c_pauses_and_the_same_command_resumes(data_dir, hub, env, model_path):
    size = os.path.getsize(model_path)
    hub.faults.gate_at = size // 3
    proc = start_download(env)
    try:
        assert hub.gate_reached.wait(120)
        wait_for_bytes(proc)
        proc.send_signal(signal.SIGINT)
        assert "stopping the download" in proc.stderr.readline()
    finally:
        hub.gate_open.set()  # the next bytes arrive and the downloader stops there
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "paused at" in err and "resume" in err and "Traceback" not in err
    kept = json.loads(out.strip().splitlines()[-1])["partial_bytes"]
    assert kept > 0 and [p.stat().st_size for p in part_files(data_dir)] == [kept]
    assert all(m["source"] == "bundled" for m in listed(data_dir, env))

    r = cli("models", "download", REPO, FILE, "--progress-json", env=env)
    assert r.returncode == 0, r.stderr
    assert hub.bodies()[-1].range == f"bytes={kept}-" and hub.bodies()[-1].body_bytes == size - kept
    assert json.loads(r.stdout.strip().splitlines()[-1])["done"] is True


def test_offline_download_says_so(data_dir, hub, env):
    r = cli("models", "download", REPO, FILE, env={**env, "HF_HUB_OFFLINE": "1"})
    assert r.returncode == 2 and "HF_HUB_OFFLINE" in r.stderr and "Traceback" not in r.stderr
    assert hub.requests() == []


def test_proxy_variables_are_honoured(data_dir, hub, env, model_path):
    # The Hub's name does not resolve: only a client that goes through the proxy can reach it.
    proxied = {**env, "HF_ENDPOINT": f"http://hub.invalid:{hub.port}", "HTTP_PROXY": hub.endpoint, "NO_PROXY": ""}
    r = cli("models", "download", REPO, FILE, env=proxied)
    assert r.returncode == 0, r.stderr
    head = next(x for x in hub.requests("HEAD") if x.path.endswith(FILE))
    assert head.host == f"hub.invalid:{hub.port}"
    r = cli("models", "download", REPO, FILE, env={**proxied, "HTTP_PROXY": ""})
    assert r.returncode == 2 and "connect" in r.stderr


def test_scan_adds_the_hugging_face_cache(data_dir, hub, env, tmp_path):
    from huggingface_hub import hf_hub_download

    cache = tmp_path / "hf-cache"
    hf_hub_download(REPO, FILE, cache_dir=str(cache), endpoint=hub.endpoint)
    r = cli("models", "scan", "--cache-dir", str(cache), env={**env, "HF_HUB_OFFLINE": "1"})
    assert r.returncode == 0, r.stderr
    assert "1 GGUF model(s) in the Hugging Face cache, 1 new" in r.stdout and REPO in r.stdout
    row = next(m for m in listed(data_dir, env) if m["source"] == "hf-cache")
    assert row["repo_id"] == REPO and row["path"].startswith(str(cache))
