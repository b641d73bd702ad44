"""The evaluation child process (JSON lines, cancel) and ``chatdesk eval`` end to end, as subprocesses."""

# ruff: noqa: F811  (tests take the fixtures imported from convtest_support as arguments)

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import CORPUS, bpe, converted, sources, workdir  # noqa: F401  (pytest fixtures)

from chatdesk.evaluation.launcher import child_arguments, parse_line, run_child
from chatdesk.evaluation.texts import sample_path

EXE = str(Path(sys.executable).parent / "chatdesk")


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=600, cwd=cwd)


def stored(data_dir: Path) -> list[tuple]:
    with sqlite3.connect(data_dir / "chatdesk.sqlite3") as raw:
        return raw.execute("SELECT model_sha256, perplexity, n_ctx, tokens, kl_divergence FROM evaluations ORDER BY id").fetchall()


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("text") / "corpus.txt"
    path.write_text(CORPUS, encoding="utf-8")
    return path


def test_child_speaks_json_lines_and_ends_with_the_result(model_path, tmp_path):
    proc = subprocess.run([sys.executable, *child_arguments(model_path, ctx=128, chunks=2, gen_tokens=8)],
                          capture_output=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode("utf-8").splitlines()
    events = [parse_line(line) for line in lines]
    assert all(e is not None for e in events), lines  # nothing else ever reaches stdout
    assert events[0] == {"event": "start", "protocol": 1, "model": model_path}
    progress = [e for e in events if e["event"] == "progress"]
    assert [e["phase"] for e in progress][0] == "load"
    assert {"load", "perplexity", "generation", "hash"} <= {e["phase"] for e in progress}
    fractions = [e["progress"] for e in progress]
    assert fractions == sorted(fractions) and fractions[0] >= 0 and fractions[-1] <= 1
    assert all(isinstance(e["message"], str) and e["message"] for e in progress)
    assert events[-1]["event"] == "result"
    result = events[-1]["result"]
    assert result["n_chunks"] == 2 and result["n_ctx"] == 128 and result["perplexity"] > 1
    assert list(tmp_path.iterdir()) == []


def test_sigterm_cancels_cleanly_without_leaving_files(model_path, tmp_path):
    long_text = tmp_path / "in" / "long.txt"
    long_text.parent.mkdir()
    sample = sample_path().read_text("utf-8")
    long_text.write_text(sample * 20, encoding="utf-8")  # ~100k tokens: minutes of work on any machine
    work, tmp = tmp_path / "cwd", tmp_path / "tmp"
    work.mkdir()
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}
    proc = subprocess.Popen([sys.executable, *child_arguments(model_path, text=str(long_text), ctx=512)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work, env=env)
    events = []
    try:
        for raw in proc.stdout:  # wait until llama.cpp is busy with the windows
            events.append(parse_line(raw))
            if events[-1] and events[-1].get("phase") == "perplexity":
                break
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    rest = [parse_line(line) for line in out.splitlines()]
    assert rest and rest[-1] == {"event": "cancelled", "exit_code": 143}, (rest, err.decode())
    assert not any(e and e["event"] == "result" for e in rest)
    assert proc.returncode == 143
    assert b"Traceback" not in err
    assert list(work.iterdir()) == [] and list(tmp.iterdir()) == []


def test_launcher_cancel_event_stops_the_child(model_path, tmp_path):
    import threading

    cancel = threading.Event()
    seen = []

    def on_event(event):
        seen.append(event)
        if event.get("phase") == "perplexity":
            cancel.set()

    long_text = tmp_path / "long.txt"
    long_text.write_text(sample_path().read_text("utf-8") * 20, encoding="utf-8")
    outcome = run_child(child_arguments(model_path, text=str(long_text), ctx=512), on_event=on_event, cancel=cancel)
    assert outcome.cancelled and outcome.result is None and outcome.exit_code == 143
    assert outcome.message() == "The evaluation was cancelled."


def test_cli_json_end_to_end_and_stored(model_path, data_dir):
    r = cli("eval", model_path, "--ctx", "128", "--chunks", "2", "--json", "--data-dir", str(data_dir))
    assert r.returncode == 0, r.stderr
    last = json.loads(r.stdout.strip().splitlines()[-1])
    assert {"perplexity", "tokens", "seconds"} <= set(last)
    assert last["tokens"] == 2 * 63 and last["n_ctx"] == 128 and last["seconds"] > 0
    assert last["text"]["name"] == "builtin:sample-en-zh.txt"
    rows = stored(data_dir)
    assert rows == [(last["model"]["sha256"], pytest.approx(last["perplexity"]), 128, 126, None)]
    assert last["evaluation_id"] == 1
    assert "window" in r.stderr  # progress went to stderr, not stdout


def test_cli_compares_a_quantized_model_with_its_source(converted, corpus_file, data_dir, tmp_path):
    _, q8 = converted("hf_safetensors", "q8_0")
    _, f32 = converted("hf_safetensors", "f32")
    out = tmp_path / "results.csv"
    r = cli("eval", str(q8), str(f32), "--text", str(corpus_file), "--ctx", "128",
            "--data-dir", str(data_dir), "-o", str(out))
    assert r.returncode == 0, r.stderr
    table = r.stdout.splitlines()
    assert table[0].split()[:3] == ["model", "type", "perplexity"]
    q8_row = next(line for line in table if line.startswith(q8.name))
    assert "Q8_0" in q8_row and "%" in q8_row  # a KL and a top-1 figure
    assert "compared with" in r.stdout
    rows = stored(data_dir)
    assert len(rows) == 2 and rows[0][4] is not None and rows[0][4] > 0 and rows[1][4] is None
    assert out.read_text("utf-8").count("\n") == 3  # header + two results


def test_cli_checkpoint_source_needs_torch_and_says_so(sources, converted, corpus_file, data_dir, tmp_path):
    """Without PyTorch, a nanoGPT ckpt.pt cannot be read: one sentence, exit status 2."""
    src = sources["nano_bpe_padded_bias"]
    _, f32 = converted("nano_bpe_padded_bias", "f32")
    fake = tmp_path / "no-torch"
    (fake / "torch").mkdir(parents=True)
    (fake / "torch" / "__init__.py").write_text("raise ImportError(\"No module named 'torch'\")\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake), os.environ.get("PYTHONPATH", "")])}
    r = subprocess.run([EXE, "eval", str(f32), "--text", str(corpus_file), "--ctx", "128", "--source", str(src.src),
                        "--source-tokenizer", str(src.tokenizer), "--data-dir", str(data_dir)],
                       capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 2, r.stderr
    assert "needs PyTorch" in r.stderr and "pip install 'chatdesk[torch]'" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("case", ["missing_model", "not_gguf", "missing_text", "binary_text", "short_text", "bad_ctx"])
def test_cli_bad_input_exits_2_with_a_sentence(case, model_path, data_dir, tmp_path):
    args = [model_path]
    if case == "missing_model":
        args = [str(tmp_path / "gone.gguf")]
    elif case == "not_gguf":
        fake = tmp_path / "model.gguf"
        fake.write_text("definitely not a model\n" * 50)
        args = [str(fake)]
    elif case == "missing_text":
        args += ["--text", str(tmp_path / "gone.txt")]
    elif case == "binary_text":
        (tmp_path / "b.txt").write_bytes(bytes(range(256)))
        args += ["--text", str(tmp_path / "b.txt")]
    elif case == "short_text":
        (tmp_path / "s.txt").write_text("Too short to say anything about a model.\n")
        args += ["--text", str(tmp_path / "s.txt"), "--ctx", "64"]
    elif case == "bad_ctx":
        args += ["--ctx", "0"]
    r = cli("eval", *args, "--data-dir", str(data_dir), "--json")
    assert r.returncode == 2, (r.stdout, r.stderr)
    expected = {
        "missing_model": "does not exist", "not_gguf": "not a GGUF", "missing_text": "does not exist",
        "binary_text": "not UTF-8", "short_text": "too short", "bad_ctx": "--ctx must be a positive",
    }[case]
    assert expected in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout.strip() == ""
    assert not (data_dir / "chatdesk.sqlite3").exists() or stored(data_dir) == []
