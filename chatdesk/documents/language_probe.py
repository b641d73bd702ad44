"""Does the embedding model understand this language? Measured, not assumed.

The built-in embedding model is English-only, a multilingual one (BGE-M3, multilingual-E5) is
not, and a GGUF says nothing about it. So each model is probed once per index: six pairs of
Chinese sentences that say the same thing in different words; a model that understands Chinese
puts each sentence nearest its own paraphrase. A model that fails gives Chinese queries vectors
that are close to noise, and rank fusion would let that noise push good keyword hits down, so
hybrid search leaves the vector side out for Chinese queries with such a model (keyword search,
which segments Chinese properly, carries them).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from chatdesk.engine.embedding_facts import as_query

if TYPE_CHECKING:
    from chatdesk.documents.indexer import EmbedderLike

PAIRS = {
    "zh": (
        ("今天天气很好，阳光明媚。", "外面晴朗，太阳很大。"),
        ("我的电脑坏了，需要修理。", "笔记本出故障了，得找人修。"),
        ("这家餐厅的菜非常好吃。", "那个饭馆的饭味道特别棒。"),
        ("火车晚点了两个小时。", "列车延误了二小时。"),
        ("他每天早上跑步锻炼身体。", "他天天清晨去慢跑健身。"),
        ("孩子们在公园里放风筝。", "小朋友在广场上玩纸鸢。"),
    ),
}
PASS = 5 / 6  # paraphrases found nearest
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def understood(embedder: EmbedderLike) -> dict[str, bool]:
    """``{"zh": True/False}``: whether the model finds Chinese paraphrases."""
    out = {}
    for lang, pairs in PAIRS.items():
        a = np.asarray(embedder.embed([as_query(embedder, p[0]) for p in pairs]), dtype=np.float32)
        b = np.asarray(embedder.embed([as_query(embedder, p[1]) for p in pairs]), dtype=np.float32)
        nearest = (a @ b.T).argmax(axis=1)
        out[lang] = float(np.mean(nearest == np.arange(len(pairs)))) >= PASS
    return out


def query_language(query: str) -> str:
    """"zh" when Chinese characters make up a third or more of the query's letters, else "en"."""
    letters = [c for c in query if c.isalnum()]
    if not letters:
        return "en"
    return "zh" if sum(1 for c in letters if _CJK.match(c)) * 3 >= len(letters) else "en"
