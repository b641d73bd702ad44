"""The chatdesk-convert command line: --inspect, --progress-json, --verify, subprocess use."""

from __future__ import annotations

import json
import subprocess

from convtest_support import ENV, PYTHON, REPO

import ggufcheck
from converters.cli import main


def test_inspect_prints_one_json_object(capsys, sources):
    rc = main([str(sources["nano_char_bias"].src), "--inspect"])
    out = capsys.readouterr().out
    assert rc == 0
    summary = json.loads(out)
    assert summary["format"] == "nanogpt" and summary["tokenizer"] == "char"
    assert summary["training_step"] == 1234 and abs(summary["val_loss"] - 1.875) < 1e-6
    assert set(summary["estimated_bytes"]) >= {"f32", "f16", "q8_0", "q4_k_m"}


def test_convert_with_verify_in_process(tmp_path, capsys, sources):
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    out = tmp_path / "m.gguf"
    rc = main([str(sources["hf_original_bin"].src), "-o", str(out), "--type", "f32", "--verify", "--name", "orig"])
    cap = capsys.readouterr()
    assert rc == 0, cap.err
    assert cap.out.strip() == str(out)
    assert "top-1 agreement" in cap.err and "-> ok" in cap.err
    info = ggufcheck.check(out)
    assert info.metadata["general.name"] == "orig"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.gguf"]


def test_progress_json_protocol_in_process(tmp_path, capsys, sources):
    s = sources["nano_bpe_padded_nobias_compiled"]
    out = tmp_path / "m.gguf"
    rc = main([str(s.src), "--tokenizer", str(s.tokenizer), "-o", str(out), "--type", "q8_0",
               "--progress-json", "--verify"])
    lines = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert rc == 0
    progress = [ln["progress"] for ln in lines if "progress" in ln]
    assert progress == sorted(progress) and progress[0] >= 0 and progress[-1] == 1.0
    assert all(isinstance(ln.get("message", ""), str) for ln in lines)
    done = lines[-1]
    assert done["done"] is True and done["output"] == str(out)
    assert done["summary"]["format"] == "nanogpt"
    assert done["result"]["file_type"] == 7
    assert done["verify"]["passed"] is True and done["verify"]["top1_agreement"] >= done["verify"]["min_top1"]


def test_subprocess_conversion_with_progress_json(tmp_path, sources):
    out = tmp_path / "m.gguf"
    proc = subprocess.run(
        [PYTHON, "-m", "converters.cli", str(sources["nano_char_nobias_compiled"].src),
         "-o", str(out), "--type", "f16", "--progress-json"],
        cwd=REPO, env=ENV, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(ln) for ln in proc.stdout.splitlines()]  # every stdout line is JSON
    assert lines[-1]["done"] is True
    assert ggufcheck.check(out).file_type == 1


def test_sigterm_mid_conversion_leaves_nothing_behind(tmp_path, sources):
    """QProcess.terminate() sends SIGTERM: the child must clean its temp files and report it."""
    import os
    import signal

    out_dir = tmp_path / "work"
    out_dir.mkdir()
    slow = (
        "import sys, time\n"
        "import converters.gguf_output as g\n"
        "orig = g.materialize\n"
        "def slow(*a):\n"
        "    time.sleep(0.3)\n"
        "    return orig(*a)\n"
        "g.materialize = slow\n"
        "from converters.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    proc = subprocess.Popen(
        [PYTHON, "-c", slow, str(sources["hf_safetensors"].src), "-o", str(out_dir / "m.gguf"),
         "--type", "q8_0", "--progress-json"],
        cwd=REPO, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    for line in proc.stdout:
        if "wrote" in json.loads(line).get("message", ""):
            break
    assert any(p.name.endswith(".partial") for p in out_dir.iterdir())  # it really was mid-write
    os.kill(proc.pid, signal.SIGTERM)
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert json.loads(rest.splitlines()[-1])["error"] == "interrupted"
    assert "Traceback" not in err
    assert list(out_dir.iterdir()) == []
