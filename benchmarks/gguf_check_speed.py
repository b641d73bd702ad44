#!/usr/bin/env python3
"""How long the shared GGUF validator (ggufcheck) takes, cold, on real vocabulary sizes.

What it measures
    For the bundled SmolLM2-135M (49,152 tokens, 48,900 merges) and for a GPT-2-sized file
    built here (50,257 tokens, 50,000 merges, tiny tensors), each in a fresh Python process
    with no verdict cache: the time of ``ggufcheck.check(path)`` (median of --runs processes),
    and, separately, of ``import ggufcheck`` (mostly the gguf package) after numpy, which the
    app has loaded by then (llama_cpp imports it), and of numpy itself. The file itself is in the OS page cache after the first run, as it is
    when the app checks a model it has just downloaded or converted.

Baseline, measured in the same run
    ``gguf.GGUFReader(path)`` in a fresh process: what validating through the reader's public
    API alone costs, since it parses every array element into numpy views up front.
    ``--no-baseline`` skips it (it takes ~10 s on a small machine).

Targets: bundled model <= 150 ms, GPT-2-sized vocabulary <= 1000 ms.

    python benchmarks/gguf_check_speed.py [--runs 5] [--no-baseline]

The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks._common import emit_json, say  # noqa: E402

CHILD_CHECK = """
import json, sys, time
t0 = time.perf_counter()
import numpy  # the app has it loaded already (llama_cpp imports it)
t1 = time.perf_counter()
import ggufcheck
t2 = time.perf_counter()
info = ggufcheck.check(sys.argv[1])
t3 = time.perf_counter()
print(json.dumps({"numpy_ms": (t1 - t0) * 1e3, "import_ms": (t2 - t1) * 1e3, "check_ms": (t3 - t2) * 1e3,
                  "n_vocab": info.n_vocab}))
"""

CHILD_READER = """
import json, sys, time
import gguf
t0 = time.perf_counter()
reader = gguf.GGUFReader(sys.argv[1])
t1 = time.perf_counter()
print(json.dumps({"reader_ms": (t1 - t0) * 1e3, "n_fields": len(reader.fields)}))
"""


def bundled_model() -> Path:
    sys.path.insert(0, str(ROOT))
    from chatdesk.engine import default_model_path

    return Path(default_model_path())


def build_gpt2_sized(path: Path, n_tokens: int = 50257, n_merges: int = 50000) -> Path:
    """A valid gpt2 GGUF with GPT-2's vocabulary size and typical token lengths (random text)."""
    import gguf
    import numpy as np

    rng = random.Random(0)
    alphabet = [chr(c) for c in range(0x21, 0x7F)] + [chr(c) for c in range(0xA1, 0x17F)]  # 256 symbols
    tokens = list(dict.fromkeys(alphabet))
    seen = set(tokens)
    merges = []
    while len(tokens) < n_tokens - 1:
        left = "".join(rng.choices(alphabet[:52], k=rng.randint(1, 5)))
        right = "".join(rng.choices(alphabet[:52], k=rng.randint(1, 5)))
        if left + right not in seen:
            seen.add(left + right)
            tokens.append(left + right)
            merges.append(f"{left} {right}")
    tokens.append("<|endoftext|>")
    merges = (merges * 2)[:n_merges]
    v, e, ctx = len(tokens), 8, 1024
    w = gguf.GGUFWriter(str(path), "gpt2")
    w.add_context_length(ctx)
    w.add_embedding_length(e)
    w.add_block_count(1)
    w.add_feed_forward_length(4 * e)
    w.add_head_count(2)
    w.add_layer_norm_eps(1e-5)
    w.add_file_type(0)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("gpt-2")
    w.add_token_list(tokens)
    w.add_token_types([1] * (v - 1) + [3])
    w.add_token_merges(merges)
    w.add_bos_token_id(v - 1)
    w.add_eos_token_id(v - 1)
    nrng = np.random.default_rng(0)
    f = lambda *shape: nrng.standard_normal(shape).astype(np.float32)  # noqa: E731
    w.add_tensor("token_embd.weight", f(v, e))
    w.add_tensor("position_embd.weight", f(ctx, e))
    for part, shape in [("attn_norm", (e,)), ("attn_qkv", (3 * e, e)), ("attn_output", (e, e)),
                        ("ffn_norm", (e,)), ("ffn_up", (4 * e, e)), ("ffn_down", (e, 4 * e))]:
        w.add_tensor(f"blk.0.{part}.weight", f(*shape))
        w.add_tensor(f"blk.0.{part}.bias", f(shape[0]))
    w.add_tensor("output_norm.weight", f(e))
    w.add_tensor("output_norm.bias", f(e))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path


def child(code: str, path: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    if proc.returncode != 0:
        raise SystemExit(f"child failed on {path.name}:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(path: Path, runs: int, baseline: bool) -> dict:
    samples = [child(CHILD_CHECK, path) for _ in range(runs)]
    out = {
        "check_ms": round(statistics.median(s["check_ms"] for s in samples), 1),
        "check_ms_all": [round(s["check_ms"], 1) for s in samples],
        "import_ms": round(statistics.median(s["import_ms"] for s in samples), 1),
        "numpy_ms": round(statistics.median(s["numpy_ms"] for s in samples), 1),
        "n_vocab": samples[0]["n_vocab"],
    }
    if baseline:
        out["reader_ms"] = round(child(CHILD_READER, path)["reader_ms"], 1)
        out["speedup"] = round(out["reader_ms"] / out["check_ms"], 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ggufcheck-bench-") as tmp:
        gpt2 = build_gpt2_sized(Path(tmp) / "gpt2-vocab.gguf")
        files = {"bundled": bundled_model(), "gpt2_vocab": gpt2}
        results = {}
        for name, path in files.items():
            child(CHILD_CHECK, path)  # warm the page cache, as after a download or conversion
            results[name] = r = measure(path, args.runs, not args.no_baseline)
            base = f", GGUFReader {r['reader_ms']:.0f} ms ({r['speedup']}x)" if "reader_ms" in r else ""
            say(f"{name:10s} {r['n_vocab']:6d} tokens: check {r['check_ms']:.1f} ms (runs {r['check_ms_all']}), "
                f"import ggufcheck {r['import_ms']:.0f} ms (+ numpy {r['numpy_ms']:.0f} ms){base}")
    summary = {
        "bundled_check_ms": results["bundled"]["check_ms"],
        "gpt2_vocab_check_ms": results["gpt2_vocab"]["check_ms"],
        "import_ms": results["bundled"]["import_ms"],
        "numpy_import_ms": results["bundled"]["numpy_ms"],
        "targets_ms": {"bundled": 150, "gpt2_vocab": 1000},
    }
    if not args.no_baseline:
        summary.update({
            "bundled_reader_ms": results["bundled"]["reader_ms"],
            "gpt2_vocab_reader_ms": results["gpt2_vocab"]["reader_ms"],
            "bundled_speedup": results["bundled"]["speedup"],
            "gpt2_vocab_speedup": results["gpt2_vocab"]["speedup"],
        })
    emit_json(summary)


if __name__ == "__main__":
    main()
