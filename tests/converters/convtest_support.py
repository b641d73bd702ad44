"""Builders, reference models and llama.cpp helpers for the converter tests.

Every checkpoint is created here from scratch (no downloads): a byte-level
BPE trained with ``tokenizers`` on ``data/corpus.txt`` (English, Chinese,
emoji), a Hugging Face ``GPT2LMHeadModel`` saved in several layouts, and
nanoGPT ``ckpt.pt`` files written exactly like nanoGPT's ``train.py`` does,
with a matching tiny nanoGPT model class (exact GELU) as the PyTorch reference.

Shapes are small (2 layers, n_embd 64, 4 heads, 256 positions) so the whole
suite runs in well under a few minutes on 2 CPU cores.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import tokenizers
import torch
import torch.nn as nn
import torch.nn.functional as F
import transformers

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DATA = Path(__file__).parent / "data"
CORPUS = (DATA / "corpus.txt").read_text(encoding="utf-8")

N_LAYER, N_HEAD, N_EMBD, N_CTX = 2, 4, 64, 256
BPE_VOCAB = 420
INIT_STD = 0.05  # larger than GPT-2's 0.02 so random logits have real top-1 margins

# Texts every tokenizer parity test runs through.
PARITY_TEXTS = [
    "Hello world! It was the best of times.",
    "床前明月光，疑是地上霜。",
    "Party 🎉 with friends 😀 rockets 🚀",
    "   leading spaces and  double   spaces",
    "line one\nline two\n\n\nthree newlines\ttab",
    "Mixed 中文 and English 混合 text, café naïve.",
    "def greet(name):\n    return f\"Hello, {name}!\"",
]


# ---------------------------------------------------------------- nanoGPT model

class _CausalSelfAttention(nn.Module):
    def __init__(self, n_embd: int, n_head: int, bias: bool):
        super().__init__()
        self.c_attn = nn.Linear(n_embd, 3 * n_embd, bias=bias)
        self.c_proj = nn.Linear(n_embd, n_embd, bias=bias)
        self.n_head = n_head

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.c_attn(x).split(c, dim=2)
        q, k, v = (z.view(b, t, self.n_head, c // self.n_head).transpose(1, 2) for z in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return self.c_proj(y.transpose(1, 2).contiguous().view(b, t, c))


class _MLP(nn.Module):
    def __init__(self, n_embd: int, bias: bool):
        super().__init__()
        self.c_fc = nn.Linear(n_embd, 4 * n_embd, bias=bias)
        self.gelu = nn.GELU()  # exact erf GELU, as nanoGPT
        self.c_proj = nn.Linear(4 * n_embd, n_embd, bias=bias)

    def forward(self, x):
        return self.c_proj(self.gelu(self.c_fc(x)))


class _Block(nn.Module):
    def __init__(self, n_embd: int, n_head: int, bias: bool):
        super().__init__()
        self.ln_1 = nn.LayerNorm(n_embd, bias=bias)
        self.attn = _CausalSelfAttention(n_embd, n_head, bias)
        self.ln_2 = nn.LayerNorm(n_embd, bias=bias)
        self.mlp = _MLP(n_embd, bias)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class TinyNanoGPT(nn.Module):
    """nanoGPT's GPT with identical state-dict keys (weight-tied head, LayerNorm eps 1e-5)."""

    def __init__(self, n_layer: int, n_head: int, n_embd: int, block_size: int, vocab_size: int, bias: bool):
        super().__init__()
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(vocab_size, n_embd),
            wpe=nn.Embedding(block_size, n_embd),
            h=nn.ModuleList([_Block(n_embd, n_head, bias) for _ in range(n_layer)]),
            ln_f=nn.LayerNorm(n_embd, bias=bias),
        ))
        self.lm_head = nn.Linear(n_embd, vocab_size, bias=False)
        self.transformer.wte.weight = self.lm_head.weight
        g = torch.Generator().manual_seed(1234)
        with torch.no_grad():
            for name, p in self.named_parameters():
                if p.dim() == 2:
                    p.copy_(torch.randn(p.shape, generator=g) * INIT_STD)
                elif name.endswith("bias"):
                    p.copy_(torch.randn(p.shape, generator=g) * 0.02)
                else:  # LayerNorm gains: perturbed so a wrong mapping cannot hide
                    p.copy_(1.0 + torch.randn(p.shape, generator=g) * 0.1)

    def forward(self, idx):
        t = idx.shape[1]
        x = self.transformer.wte(idx) + self.transformer.wpe(torch.arange(t))
        for block in self.transformer.h:
            x = block(x)
        return self.lm_head(self.transformer.ln_f(x))


# ---------------------------------------------------------------- reference wrappers

@dataclass
class Source:
    """A checkpoint on disk plus everything needed to check a conversion of it."""

    key: str
    src: Path
    tokenizer: Path | None
    forward: Callable[[list[int]], np.ndarray]  # ids -> (T, V_real) float64 logits
    encode: Callable[[str], list[int]]
    vocab_real: int  # logits columns that correspond to real tokens
    covers: Callable[[str], bool]

    def logits(self, ids: list[int]) -> np.ndarray:
        return self.forward(ids)


def _torch_forward(model: nn.Module, vocab_real: int, hf: bool):
    model.eval()

    def fwd(ids: list[int]) -> np.ndarray:
        with torch.no_grad():
            x = torch.tensor([ids])
            out = model(x).logits if hf else model(x)
        return out[0, :, :vocab_real].double().numpy()

    return fwd


def train_bpe() -> tokenizers.Tokenizer:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=BPE_VOCAB,
        special_tokens=["<|endoftext|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(CORPUS.splitlines(keepends=True), trainer=trainer)
    return tok


def _write_vocab_merges(tok, folder: Path) -> None:
    tok.model.save(str(folder))  # vocab.json + merges.txt


def _hf_model(vocab_size: int):
    cfg = transformers.GPT2Config(
        n_layer=N_LAYER, n_head=N_HEAD, n_embd=N_EMBD, n_positions=N_CTX, vocab_size=vocab_size,
        initializer_range=INIT_STD, bos_token_id=0, eos_token_id=0,
    )
    torch.manual_seed(0)
    model = transformers.GPT2LMHeadModel(cfg)
    with torch.no_grad():  # perturb LayerNorms and biases so every tensor matters
        for name, p in model.named_parameters():
            if p.dim() == 1:
                p.add_(torch.randn_like(p) * (0.1 if "ln" in name else 0.02))
    return model.eval()


def _char_meta(text: str) -> dict:
    chars = sorted(set(text))
    return {"vocab_size": len(chars), "itos": dict(enumerate(chars)), "stoi": {c: i for i, c in enumerate(chars)}}


def save_nanogpt(path: Path, model: TinyNanoGPT, model_args: dict, *, compiled: bool, dataset: str) -> None:
    """Write the dict nanoGPT's train.py saves (``_orig_mod.`` keys when compiled)."""
    sd = model.state_dict()
    if compiled:
        sd = {f"_orig_mod.{k}": v for k, v in sd.items()}
    torch.save({
        "model": sd,
        "optimizer": {"state": {}, "param_groups": []},
        "model_args": model_args,
        "iter_num": 1234,
        "best_val_loss": torch.tensor(1.875),
        "config": {"dataset": dataset, "batch_size": 12, "learning_rate": 6e-4, "compile": compiled},
    }, path)


@pytest.fixture(scope="session")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("conv")


@pytest.fixture(scope="session")
def bpe():
    return train_bpe()


@pytest.fixture(scope="session")
def sources(workdir: Path, bpe) -> dict[str, Source]:
    """All test checkpoints, keyed by a short name used in test ids."""
    out: dict[str, Source] = {}
    v_bpe = bpe.get_vocab_size()
    bpe_encode = lambda s: bpe.encode(s, add_special_tokens=False).ids  # noqa: E731
    always = lambda s: True  # noqa: E731

    # --- Hugging Face, current layout, safetensors + tokenizer.json
    hf = _hf_model(v_bpe)
    d = workdir / "hf_safetensors"
    hf.save_pretrained(d)
    bpe.save(str(d / "tokenizer.json"))
    fwd = _torch_forward(hf, v_bpe, hf=True)
    out["hf_safetensors"] = Source("hf_safetensors", d, None, fwd, bpe_encode, v_bpe, always)

    # --- same weights, vocab.json + merges.txt instead of tokenizer.json
    d2 = workdir / "hf_vocab_merges"
    d2.mkdir()
    for f in ("config.json", "model.safetensors"):
        shutil.copy(d / f, d2 / f)
    _write_vocab_merges(bpe, d2)
    out["hf_vocab_merges"] = Source("hf_vocab_merges", d2, None, fwd, bpe_encode, v_bpe, always)

    # --- sharded safetensors
    d3 = workdir / "hf_sharded"
    hf.save_pretrained(d3, max_shard_size="150KB")
    bpe.save(str(d3 / "tokenizer.json"))
    assert (d3 / "model.safetensors.index.json").is_file()
    out["hf_sharded"] = Source("hf_sharded", d3, None, fwd, bpe_encode, v_bpe, always)

    # --- original GPT-2 release layout: pytorch_model.bin, no "transformer." prefix,
    #     causal-mask buffers, n_ctx in config, lm_head present
    d4 = workdir / "hf_original_bin"
    d4.mkdir()
    sd = {}
    for k, v in hf.state_dict().items():
        sd[k.removeprefix("transformer.")] = v.clone()
    for i in range(N_LAYER):
        sd[f"h.{i}.attn.bias"] = torch.tril(torch.ones(N_CTX, N_CTX)).view(1, 1, N_CTX, N_CTX)
        sd[f"h.{i}.attn.masked_bias"] = torch.tensor(-1e4)
    sd.setdefault("lm_head.weight", sd["wte.weight"])
    torch.save(sd, d4 / "pytorch_model.bin")
    cfg = json.loads((d / "config.json").read_text())
    cfg.pop("architectures", None)
    cfg["n_ctx"] = cfg["n_positions"]
    (d4 / "config.json").write_text(json.dumps(cfg))
    _write_vocab_merges(bpe, d4)
    out["hf_original_bin"] = Source("hf_original_bin", d4, None, fwd, bpe_encode, v_bpe, always)

    # --- nanoGPT character-level (Chinese + English), bias=True, plain keys, meta.pkl beside
    meta = _char_meta(CORPUS)
    v_char = meta["vocab_size"]
    stoi = meta["stoi"]
    char_encode = lambda s: [stoi[c] for c in s]  # noqa: E731
    char_covers = lambda s: all(c in stoi for c in s)  # noqa: E731
    for key, bias, compiled in (("nano_char_bias", True, False), ("nano_char_nobias_compiled", False, True)):
        model = TinyNanoGPT(N_LAYER, N_HEAD, N_EMBD, N_CTX, v_char, bias)
        dd = workdir / key
        dd.mkdir()
        args = dict(n_layer=N_LAYER, n_head=N_HEAD, n_embd=N_EMBD, block_size=N_CTX, bias=bias,
                    vocab_size=v_char, dropout=0.0)
        save_nanogpt(dd / "ckpt.pt", model, args, compiled=compiled, dataset="tiny_zh_char")
        with open(dd / "meta.pkl", "wb") as fh:
            pickle.dump(meta, fh)
        out[key] = Source(key, dd / "ckpt.pt", None, _torch_forward(model, v_char, hf=False),
                          char_encode, v_char, char_covers)

    # --- nanoGPT BPE, vocab padded up to a multiple of 64 (like 50257 -> 50304)
    padded = ((v_bpe + 63) // 64) * 64
    assert padded > v_bpe
    tokdir = workdir / "bpe_tokenizer"
    tokdir.mkdir()
    bpe.save(str(tokdir / "tokenizer.json"))
    for key, bias, compiled in (("nano_bpe_padded_nobias_compiled", False, True), ("nano_bpe_padded_bias", True, False)):
        model = TinyNanoGPT(N_LAYER, N_HEAD, N_EMBD, N_CTX, padded, bias)
        dd = workdir / key
        dd.mkdir()
        args = dict(n_layer=N_LAYER, n_head=N_HEAD, n_embd=N_EMBD, block_size=N_CTX, bias=bias,
                    vocab_size=padded, dropout=0.0)
        save_nanogpt(dd / "ckpt.pt", model, args, compiled=compiled, dataset="openwebtext")
        out[key] = Source(key, dd / "ckpt.pt", tokdir, _torch_forward(model, v_bpe, hf=False),
                          bpe_encode, v_bpe, always)
    return out


@pytest.fixture(scope="session")
def converted(sources, workdir):
    """converted(key, qtype) -> (ConversionResult, path); each conversion runs once per session."""
    from converters import convert

    cache: dict = {}
    outdir = workdir / "gguf"
    outdir.mkdir()

    def get(key: str, qtype: str):
        if (key, qtype) not in cache:
            s = sources[key]
            path = outdir / f"{key}.{qtype}.gguf"
            result = convert(s.src, path, qtype, tokenizer=s.tokenizer)
            cache[(key, qtype)] = (result, path)
        return cache[(key, qtype)]

    return get


# ---------------------------------------------------------------- llama.cpp helpers

def load_llama(path: Path, **kwargs):
    """Structural validation first (a malformed file can abort the process), then llama.cpp."""
    from llama_cpp import Llama

    import ggufcheck

    info = ggufcheck.check(path)
    kwargs.setdefault("n_ctx", info.context_length)
    kwargs.setdefault("verbose", False)
    return Llama(model_path=str(path), **kwargs)


def llama_logits(llm, ids: list[int], n_real: int) -> np.ndarray:
    llm.reset()
    llm.eval(ids)
    return np.asarray(llm.scores[: len(ids), :n_real], dtype=np.float64)


def llama_greedy(llm, ids: list[int], n_new: int) -> list[int]:
    """Greedy decoding by repeated eval + argmax over llama's own scores (no sampler)."""
    llm.reset()
    seq = list(ids)
    llm.eval(seq)
    out = []
    for _ in range(n_new):
        nxt = int(np.argmax(llm.scores[llm.n_tokens - 1]))
        out.append(nxt)
        llm.eval([nxt])
    return out


def torch_greedy(src: Source, ids: list[int], n_new: int, n_vocab_llama: int) -> list[int]:
    seq = list(ids)
    out = []
    for _ in range(n_new):
        logits = src.logits(seq)[-1]
        # llama.cpp also scores appended control tokens (zero embedding -> logit 0)
        full = np.concatenate([logits, np.zeros(n_vocab_llama - logits.shape[0])])
        nxt = int(np.argmax(full))
        out.append(nxt)
        seq.append(nxt)
    return out


def prompt_for(src: Source) -> str:
    text = "It was the best of times. 床前明月光，疑是地上霜。 Party 🎉 with friends 😀!\n  def greet(name):"
    if src.covers(text):
        return text
    return "".join(c for c in text if src.covers(c))


def no_partial_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial") or p.suffix == ".gguf")


PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
