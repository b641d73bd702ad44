#!/usr/bin/env python3
"""Train a tiny character-level GPT on CPU and save it in nanoGPT's format.

This is the first half of the newcomer's path through ChatDesk:

    python examples/train_tiny_gpt.py                      # a few minutes on CPU
    chatdesk-convert out-tiny/ckpt.pt -o tiny.gguf --type f16 --verify
    # then File -> Import checkpoint... (or open tiny.gguf) in ChatDesk

The model and the files it writes follow karpathy/nanoGPT exactly, so the
converter treats them like any nanoGPT run: ``ckpt.pt`` holds ``model`` (the
state dict, keys ``transformer.h.N...`` and a tied ``lm_head.weight``),
``optimizer``, ``model_args``, ``iter_num``, ``best_val_loss`` and ``config``;
``meta.pkl`` beside it holds the character vocabulary (``stoi``/``itos``),
as nanoGPT's ``data/shakespeare_char/prepare.py`` writes it.

Only PyTorch is needed. The corpus (``examples/data/tiny_corpus.txt``) is
public-domain text: Aesop, Shakespeare, Austen, Dickens, Tang poems, the
Analects and the Dao De Jing, so the vocabulary includes Chinese characters.
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import time
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent


class CausalSelfAttention(nn.Module):
    def __init__(self, n_embd: int, n_head: int, bias: bool, dropout: float):
        super().__init__()
        self.c_attn = nn.Linear(n_embd, 3 * n_embd, bias=bias)
        self.c_proj = nn.Linear(n_embd, n_embd, bias=bias)
        self.n_head = n_head
        self.dropout = dropout

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.c_attn(x).split(c, dim=2)
        q, k, v = (z.view(b, t, self.n_head, c // self.n_head).transpose(1, 2) for z in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True, dropout_p=self.dropout if self.training else 0.0)
        return self.c_proj(y.transpose(1, 2).contiguous().view(b, t, c))


class MLP(nn.Module):
    def __init__(self, n_embd: int, bias: bool):
        super().__init__()
        self.c_fc = nn.Linear(n_embd, 4 * n_embd, bias=bias)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(4 * n_embd, n_embd, bias=bias)

    def forward(self, x):
        return self.c_proj(self.gelu(self.c_fc(x)))


class Block(nn.Module):
    def __init__(self, n_embd: int, n_head: int, bias: bool, dropout: float):
        super().__init__()
        self.ln_1 = nn.LayerNorm(n_embd, bias=bias)
        self.attn = CausalSelfAttention(n_embd, n_head, bias, dropout)
        self.ln_2 = nn.LayerNorm(n_embd, bias=bias)
        self.mlp = MLP(n_embd, bias)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    """nanoGPT's GPT: same module names, so the state-dict keys match nanoGPT checkpoints."""

    def __init__(self, n_layer, n_head, n_embd, block_size, vocab_size, bias=False, dropout=0.0):
        super().__init__()
        self.block_size = block_size
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(vocab_size, n_embd),
            wpe=nn.Embedding(block_size, n_embd),
            drop=nn.Dropout(dropout),
            h=nn.ModuleList([Block(n_embd, n_head, bias, dropout) for _ in range(n_layer)]),
            ln_f=nn.LayerNorm(n_embd, bias=bias),
        ))
        self.lm_head = nn.Linear(n_embd, vocab_size, bias=False)
        self.transformer.wte.weight = self.lm_head.weight  # weight tying, as nanoGPT
        self.apply(self._init)
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * n_layer))

    @staticmethod
    def _init(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if isinstance(module, nn.Linear) and module.bias is not None:
                nn.init.zeros_(module.bias)

    def forward(self, idx, targets=None):
        t = idx.shape[1]
        x = self.transformer.drop(self.transformer.wte(idx) + self.transformer.wpe(torch.arange(t, device=idx.device)))
        for block in self.transformer.h:
            x = block(x)
        logits = self.lm_head(self.transformer.ln_f(x))
        loss = None if targets is None else F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))
        return logits, loss

    @torch.no_grad()
    def generate(self, idx, max_new_tokens, temperature=0.8):
        for _ in range(max_new_tokens):
            logits, _ = self(idx[:, -self.block_size:])
            probs = F.softmax(logits[:, -1, :] / temperature, dim=-1)
            idx = torch.cat((idx, torch.multinomial(probs, num_samples=1)), dim=1)
        return idx


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default=str(HERE / "data" / "tiny_corpus.txt"))
    p.add_argument("--out-dir", default="out-tiny")
    p.add_argument("--max-iters", type=int, default=800)
    p.add_argument("--eval-interval", type=int, default=200)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--block-size", type=int, default=256, help="context; keep it a multiple of 256 for llama.cpp")
    p.add_argument("--n-layer", type=int, default=4)
    p.add_argument("--n-head", type=int, default=4)
    p.add_argument("--n-embd", type=int, default=128)
    p.add_argument("--bias", action="store_true", help="nanoGPT's train.py default is bias=False")
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--eval-iters", type=int, default=10)
    p.add_argument("--sample-chars", type=int, default=200, help="characters to sample at the end (0: none)")
    p.add_argument("--seed", type=int, default=1337)
    args = p.parse_args(argv)

    torch.manual_seed(args.seed)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    text = Path(args.data).read_text(encoding="utf-8")
    chars = sorted(set(text))
    stoi = {c: i for i, c in enumerate(chars)}
    itos = {i: c for i, c in enumerate(chars)}
    data = torch.tensor([stoi[c] for c in text], dtype=torch.long)
    # every 10th of ~50 chunks is held out, so validation sees both the English
    # and the Chinese parts of the corpus (a plain 90/10 split would not)
    chunks = list(data.split(max(64, len(data) // 50)))
    train = torch.cat([c for i, c in enumerate(chunks) if i % 10 != 9])
    val = torch.cat([c for i, c in enumerate(chunks) if i % 10 == 9])
    block = min(args.block_size, len(val) - 2)
    if block < args.block_size:
        print(f"corpus is short: training windows of {block} characters (model still has {args.block_size} positions)")

    def batch(split):
        src = train if split == "train" else val
        ix = torch.randint(len(src) - block - 1, (args.batch_size,))
        x = torch.stack([src[i:i + block] for i in ix])
        y = torch.stack([src[i + 1:i + 1 + block] for i in ix])
        return x, y

    model_args = dict(n_layer=args.n_layer, n_head=args.n_head, n_embd=args.n_embd, block_size=args.block_size,
                      bias=args.bias, vocab_size=len(chars), dropout=0.0)
    model = GPT(**model_args)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.99), weight_decay=0.1)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "meta.pkl", "wb") as fh:
        pickle.dump({"vocab_size": len(chars), "itos": itos, "stoi": stoi}, fh)

    @torch.no_grad()
    def val_loss():
        model.eval()
        losses = [model(*batch("val"))[1].item() for _ in range(args.eval_iters)]
        model.train()
        return sum(losses) / len(losses)

    def save(iter_num, best):
        torch.save({
            "model": model.state_dict(),
            "optimizer": opt.state_dict(),
            "model_args": model_args,
            "iter_num": iter_num,
            "best_val_loss": torch.tensor(best),
            "config": {"dataset": "tiny_corpus", **{k: v for k, v in vars(args).items()
                                                   if isinstance(v, (int, float, bool, str))}},
        }, out / "ckpt.pt")

    best = float("inf")
    t0 = time.time()
    for it in range(args.max_iters + 1):
        lr = args.lr * 0.5 * (1 + math.cos(math.pi * it / max(1, args.max_iters)))
        for g in opt.param_groups:
            g["lr"] = lr
        if it % args.eval_interval == 0 or it == args.max_iters:
            vl = val_loss()
            if vl < best or it == args.max_iters:
                best = min(best, vl)
                save(it, best)
            print(f"iter {it}: val loss {vl:.3f} ({time.time() - t0:.0f}s)")
        if it == args.max_iters:
            break
        x, y = batch("train")
        _, loss = model(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    model.eval()
    if args.sample_chars > 0:
        sample = model.generate(torch.tensor([[stoi[text[0]]]]), args.sample_chars)[0].tolist()
        print("sample:", "".join(itos[i] for i in sample))
    print(f"wrote {out / 'ckpt.pt'} and {out / 'meta.pkl'}")
    print(f"next: chatdesk-convert {out / 'ckpt.pt'} -o tiny.gguf --type f16 --verify")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
