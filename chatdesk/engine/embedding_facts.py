"""Is this GGUF an embedding model? Answered from its metadata alone (no llama.cpp load).

The library shows embedding models as their own kind and the chat flow must never offer one as
a chat model, so both need the answer cheaply, from the validated summary they already hold.
A GGUF is an embedding model when it declares a pooling type that yields one vector per text
(``{arch}.pooling_type`` mean, CLS or last token), which is what converters write for
sentence-embedding checkpoints and what llama.cpp's own converter writes for BERT, BGE, E5,
nomic-embed and friends. Causal chat models carry no pooling type.
"""

from __future__ import annotations

from typing import Any

# llama.cpp's enum llama_pooling_type
POOLING_NAMES = {0: "none", 1: "mean", 2: "cls", 3: "last", 4: "rank"}
SENTENCE_POOLING = {1, 2, 3}


def pooling_type(metadata: dict[str, Any], architecture: str) -> int | None:
    value = metadata.get(f"{architecture}.pooling_type")
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def is_embedding_model(metadata: dict[str, Any], architecture: str) -> bool:
    return pooling_type(metadata, architecture) in SENTENCE_POOLING


def embedding_dimension(metadata: dict[str, Any], architecture: str) -> int | None:
    value = metadata.get(f"{architecture}.embedding_length")
    return int(value) if isinstance(value, int) else None
