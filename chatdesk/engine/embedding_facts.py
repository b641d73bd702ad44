"""Is this GGUF an embedding model? Answered from its metadata alone (no llama.cpp load).

The library shows embedding models as their own kind and the chat flow must never offer one as
a chat model, so both need the answer cheaply, from the validated summary they already hold.
A GGUF is an embedding model when it declares a pooling type that yields one vector per text
(``{arch}.pooling_type`` mean, CLS or last token), which is what converters write for
sentence-embedding checkpoints and what llama.cpp's own converter writes for BERT, BGE, E5,
nomic-embed and friends. Causal chat models carry no pooling type.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

# llama.cpp's enum llama_pooling_type
POOLING_NAMES = {0: "none", 1: "mean", 2: "cls", 3: "last", 4: "rank"}
SENTENCE_POOLING = {1, 2, 3}


def pooling_type(metadata: dict[str, Any], architecture: str) -> int | None:
    value = metadata.get(f"{architecture}.pooling_type")
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def is_embedding_model(metadata: dict[str, Any], architecture: str) -> bool:
    return pooling_type(metadata, architecture) in SENTENCE_POOLING


def instruction_prefixes(name: str) -> tuple[str, str]:
    """(query prefix, passage prefix) the model was trained with. The E5 family (multilingual-E5
    included) expects "query: " before a question and "passage: " before a text; without them
    its retrieval quality drops, as its model card says. BGE-M3, MiniLM and BGE v1.5 (for
    passages) take the text as it is."""
    if re.search(r"(^|[^a-z0-9])e5([^a-z0-9]|$)", name.lower()):
        return "query: ", "passage: "
    return "", ""


def model_file_id(path: str | os.PathLike[str]) -> str:
    """Which model made an index's vectors: file name, size and a hash of the file's first
    megabyte (cheap on every run, and different for any other model file)."""
    path = Path(path)
    with open(path, "rb") as fh:
        head = hashlib.sha256(fh.read(1 << 20)).hexdigest()[:16]
    return f"{path.name}:{path.stat().st_size}:{head}"


def as_query(embedder: Any, text: str) -> str:
    """``text`` as the embedder's model expects a search question (``instruction_prefixes``)."""
    return getattr(embedder, "query_prefix", "") + text


def as_passages(embedder: Any, texts: list[str]) -> list[str]:
    """``texts`` as the embedder's model expects passages to search in (``instruction_prefixes``)."""
    prefix = getattr(embedder, "passage_prefix", "")
    return [prefix + t for t in texts] if prefix else texts


def embedding_dimension(metadata: dict[str, Any], architecture: str) -> int | None:
    value = metadata.get(f"{architecture}.embedding_length")
    return int(value) if isinstance(value, int) else None
