"""BERT-family sentence-embedding checkpoints (sentence-transformers layout) → ``bert`` GGUF.

``convert_embedding(src, out, "f16")`` / ``inspect_embedding(src)``; ``looks_like_bert(src)``
tells :func:`converters.convert` to route a folder here. See docs/converting.md.
"""

from .api import EmbeddingConversionResult, EmbeddingSummary, convert_embedding, inspect_embedding
from .source import looks_like_bert

__all__ = ["EmbeddingConversionResult", "EmbeddingSummary", "convert_embedding", "inspect_embedding", "looks_like_bert"]
