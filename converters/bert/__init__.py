"""BERT-family sentence-embedding checkpoints (sentence-transformers layout) → ``bert`` GGUF.

``convert_embedding(src, out, "f16")`` / ``inspect_embedding(src)`` / ``verify_embedding(src, gguf)``; ``looks_like_bert(src)``
tells :func:`converters.convert` to route a folder here. See docs/converting.md.
"""

from .api import EmbeddingConversionResult, EmbeddingSummary, convert_embedding, inspect_embedding
from .source import looks_like_bert
from .verify import EmbeddingVerifyReport, verify_embedding

__all__ = ["EmbeddingConversionResult", "EmbeddingSummary", "EmbeddingVerifyReport", "convert_embedding",
           "inspect_embedding", "looks_like_bert", "verify_embedding"]
