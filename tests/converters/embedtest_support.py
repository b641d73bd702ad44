"""Tiny sentence-embedding checkpoints and a PyTorch reference, for the embedding converter tests.

A WordPiece tokenizer is trained with ``tokenizers`` on ``data/corpus.txt`` (English and
Chinese), and a random ``transformers.BertModel`` (2 layers, 64 wide) is saved in the
sentence-transformers layout: weights + config + tokenizer at the root, ``modules.json``,
``1_Pooling/config.json`` and ``sentence_bert_config.json``. The reference embedding is what
sentence-transformers computes: the encoder's last hidden state, pooled (mean over the
attention mask, or the CLS row), then L2-normalised, all in PyTorch with transformers.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch
import transformers
from tokenizers import BertWordPieceTokenizer

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus.txt"

# Sentences the tiny models never saw as such (mixed scripts, accents, punctuation, digits).
HELD_BACK = [
    "The lighthouse keeper counted ships until dawn.",
    "Quarterly revenue grew 12.5% while costs fell.",
    "春眠不觉晓，处处闻啼鸟。",
    "我们明天在图书馆见面，好吗？",
    "Café owners in Zürich serve naïve tourists crème brûlée.",
    "Mixed 中文 and English 混合 text: 3 apples, 4 pears!",
    "",
]


def train_wordpiece(folder: Path, *, lowercase: bool = True, vocab_size: int = 600) -> transformers.BertTokenizerFast:
    folder.mkdir(parents=True, exist_ok=True)
    tok = BertWordPieceTokenizer(lowercase=lowercase, strip_accents=lowercase, handle_chinese_chars=True)
    tok.train([str(CORPUS)], vocab_size=vocab_size, min_frequency=1,
              special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tok.save_model(str(folder))
    tok.save(str(folder / "tokenizer.json"))
    fast = transformers.BertTokenizerFast.from_pretrained(str(folder), do_lower_case=lowercase, strip_accents=lowercase)
    fast.save_pretrained(str(folder))
    assert len(fast) > 500, len(fast)  # the trained vocabulary, not just the special tokens
    return fast


def write_sentence_bert(folder: Path, *, pooling: str = "mean", lowercase: bool = True, safetensors: bool = True,
                        extra_modules: list[dict] | None = None, max_seq_length: int = 96, seed: int = 0,
                        n_positions: int = 128) -> Path:
    """A random tiny BERT sentence encoder in the sentence-transformers folder layout."""
    fast = train_wordpiece(folder, lowercase=lowercase)
    torch.manual_seed(seed)
    cfg = transformers.BertConfig(
        vocab_size=len(fast), hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
        intermediate_size=128, max_position_embeddings=n_positions, type_vocab_size=2,
        hidden_act="gelu", layer_norm_eps=1e-12,
    )
    model = transformers.BertModel(cfg, add_pooling_layer=True)
    with torch.no_grad():  # larger than BERT's 0.02 init so the vectors differ clearly between texts
        for p in model.parameters():
            if p.dim() == 2:
                p.normal_(0.0, 0.08)
    model.eval()
    model.save_pretrained(str(folder), safe_serialization=safetensors)
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ] + list(extra_modules or [])
    (folder / "modules.json").write_text(json.dumps(modules), "utf-8")
    (folder / "1_Pooling").mkdir(exist_ok=True)
    (folder / "1_Pooling" / "config.json").write_text(json.dumps({
        "word_embedding_dimension": 64,
        "pooling_mode_cls_token": pooling == "cls",
        "pooling_mode_mean_tokens": pooling == "mean",
        "pooling_mode_max_tokens": pooling == "max",
        "pooling_mode_mean_sqrt_len_tokens": False,
    }), "utf-8")
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": max_seq_length,
                                                                  "do_lower_case": False}), "utf-8")
    return folder


def reference_embeddings(folder: Path, texts: list[str], *, pooling: str = "mean", max_length: int | None = None) -> np.ndarray:
    """sentence-transformers' computation with plain transformers: encode, pool, L2-normalise."""
    tok = transformers.AutoTokenizer.from_pretrained(str(folder))
    model = transformers.AutoModel.from_pretrained(str(folder))
    model.eval()
    if max_length is None:
        cfg = json.loads((folder / "sentence_bert_config.json").read_text("utf-8"))
        max_length = int(cfg["max_seq_length"])
    out = []
    with torch.no_grad():
        for text in texts:
            enc = tok([text], padding=True, truncation=True, max_length=max_length, return_tensors="pt")
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            if pooling == "cls":
                vec = hidden[:, 0]
            else:
                vec = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out.append(torch.nn.functional.normalize(vec, p=2, dim=1)[0].numpy())
    return np.stack(out).astype(np.float32)


def reference_token_ids(folder: Path, text: str) -> list[int]:
    tok = transformers.AutoTokenizer.from_pretrained(str(folder))
    return list(tok(text)["input_ids"])


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(1)
