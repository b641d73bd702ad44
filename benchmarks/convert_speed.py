#!/usr/bin/env python3
"""Time converting a full-size GPT-2 124M checkpoint, and measure peak memory.

Offline by construction: a child process builds the checkpoint locally with
random weights (Hugging Face layout, ``model.safetensors``, 12 layers x 768,
1024 positions) and a GPT-2-sized byte-level BPE vocabulary (256 byte
symbols + 50,000 programmatic merges + ``<|endoftext|>`` = 50,257 tokens).
Building happens in a child so its memory does not count; this process then
converts to f16 and q8_0 in-process and reports its own peak RSS
(``ru_maxrss``), which therefore covers only the converter.

The last line printed is one JSON object:
``{"f16_s", "q8_0_s", "peak_rss_mb", "ckpt_mb", "rss_ratio"}``.
Targets: f16 in about 3 s or less; peak RSS at most 1.2x the checkpoint size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
N_LAYER, N_HEAD, N_EMBD, N_CTX, N_VOCAB = 12, 12, 768, 1024, 50257


def build(folder: Path) -> None:
    """Write config.json, model.safetensors (random), vocab.json and merges.txt."""
    import numpy as np
    from safetensors.numpy import save_file

    sys.path.insert(0, str(REPO))
    from converters.vocab import bytes_to_unicode

    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)

    def randn(*shape, std=0.02):
        return (rng.standard_normal(shape, dtype=np.float32) * std)

    e, f = N_EMBD, 4 * N_EMBD
    tensors = {"transformer.wte.weight": randn(N_VOCAB, e), "transformer.wpe.weight": randn(N_CTX, e, std=0.01)}
    for i in range(N_LAYER):
        p = f"transformer.h.{i}."
        tensors.update({
            p + "ln_1.weight": np.ones(e, np.float32), p + "ln_1.bias": np.zeros(e, np.float32),
            p + "attn.c_attn.weight": randn(e, 3 * e), p + "attn.c_attn.bias": np.zeros(3 * e, np.float32),
            p + "attn.c_proj.weight": randn(e, e), p + "attn.c_proj.bias": np.zeros(e, np.float32),
            p + "ln_2.weight": np.ones(e, np.float32), p + "ln_2.bias": np.zeros(e, np.float32),
            p + "mlp.c_fc.weight": randn(e, f), p + "mlp.c_fc.bias": np.zeros(f, np.float32),
            p + "mlp.c_proj.weight": randn(f, e), p + "mlp.c_proj.bias": np.zeros(e, np.float32),
        })
    tensors["transformer.ln_f.weight"] = np.ones(e, np.float32)
    tensors["transformer.ln_f.bias"] = np.zeros(e, np.float32)
    save_file(tensors, str(folder / "model.safetensors"), metadata={"format": "pt"})
    (folder / "config.json").write_text(json.dumps({
        "model_type": "gpt2", "architectures": ["GPT2LMHeadModel"], "n_layer": N_LAYER, "n_head": N_HEAD,
        "n_embd": N_EMBD, "n_positions": N_CTX, "vocab_size": N_VOCAB, "activation_function": "gelu_new",
        "layer_norm_epsilon": 1e-5, "bos_token_id": N_VOCAB - 1, "eos_token_id": N_VOCAB - 1,
    }))
    symbols = [bytes_to_unicode()[b] for b in range(256)]
    vocab = {s: i for i, s in enumerate(symbols)}
    merges = []
    for a in symbols:
        for b in symbols:
            if len(merges) == N_VOCAB - 257:
                break
            merges.append(f"{a} {b}")
            vocab[a + b] = len(vocab)
    vocab["<|endoftext|>"] = len(vocab)
    assert len(vocab) == N_VOCAB
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (folder / "merges.txt").write_text("#version: 0.2\n" + "\n".join(merges) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--workdir", help="where to build/keep the checkpoint (default: a temporary folder)")
    p.add_argument("--build-only", metavar="DIR", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.build_only:
        build(Path(args.build_only))
        return 0

    tmp = None
    if args.workdir:
        work = Path(args.workdir)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="convert-bench-")
        work = Path(tmp.name)
    ckpt = work / "gpt2-124m-random"
    if not (ckpt / "model.safetensors").is_file():
        t = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--build-only", str(ckpt)], check=True)
        print(f"built {ckpt} in {time.perf_counter() - t:.1f}s", file=sys.stderr)

    sys.path.insert(0, str(REPO))
    from converters import convert

    ckpt_bytes = (ckpt / "model.safetensors").stat().st_size
    times = {}
    for qtype in ("f16", "q8_0"):
        out = work / f"bench.{qtype}.gguf"
        t = time.perf_counter()
        result = convert(ckpt, out, qtype)
        times[qtype] = time.perf_counter() - t
        print(f"{qtype}: {times[qtype]:.2f}s, {result.size_bytes / 1e6:.1f} MB, types {result.tensor_types}",
              file=sys.stderr)
        out.unlink()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    ckpt_mb = ckpt_bytes / 2**20
    print(json.dumps({
        "f16_s": round(times["f16"], 2),
        "q8_0_s": round(times["q8_0"], 2),
        "peak_rss_mb": round(peak_mb, 1),
        "ckpt_mb": round(ckpt_mb, 1),
        "rss_ratio": round(peak_mb / ckpt_mb, 3),
    }))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
