"""The newcomer path: examples/train_tiny_gpt.py -> chatdesk-convert -> llama.cpp."""

from __future__ import annotations

import pickle
import subprocess

from convtest_support import ENV, PYTHON, REPO, load_llama

from converters import convert, verify


def test_train_tiny_gpt_then_convert(tmp_path):
    out = tmp_path / "out-tiny"
    proc = subprocess.run(
        [PYTHON, str(REPO / "examples" / "train_tiny_gpt.py"), "--max-iters", "5", "--eval-interval", "5",
         "--out-dir", str(out), "--n-layer", "2", "--n-embd", "64", "--eval-iters", "2",
         "--sample-chars", "0"],
        cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert (out / "ckpt.pt").is_file() and (out / "meta.pkl").is_file()
    gguf = tmp_path / "tiny.gguf"
    result = convert(out / "ckpt.pt", gguf, "f32")  # meta.pkl found beside the checkpoint
    assert result.summary.tokenizer == "char" and result.summary.training_step == 5
    rep = verify(out / "ckpt.pt", gguf)
    assert rep.passed and rep.tokenization_match is True and rep.max_abs_diff < 1e-3
    meta = pickle.loads((out / "meta.pkl").read_bytes())
    text = (REPO / "examples" / "data" / "tiny_corpus.txt").read_text(encoding="utf-8")[:2000] + "床前明月光"
    llm = load_llama(gguf, vocab_only=True)
    assert llm.tokenize(text.encode(), add_bos=False, special=False) == [meta["stoi"][c] for c in text]
