"""Embeddings for ``/v1/embeddings``: the model's pooled hidden state, one vector per text.

The engine layer is getting its own embedding path (``chatdesk.engine.embedder.Embedder``, built
for document search on another branch); when it is present the server uses it, so search and
the API give the same vectors. Until then ``LlamaEmbedder`` below is the minimal stand-in: the
GGUF loaded by llama-cpp-python in embedding mode with mean pooling and L2-normalised output
(what OpenAI's embeddings are). A generative model embeds this way too (poorly, but usefully for
tests); a remote model cannot, and gets a clear 400.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import llama_cpp
import numpy as np
from llama_cpp import Llama

from chatdesk.engine.errors import ContextOverflowError, ModelLoadError
from translatable import msg

EMBED_CTX = 2048


class LlamaEmbedder:
    """A GGUF in llama.cpp's embedding mode (one owner thread at a time)."""

    def __init__(self, path: str, n_threads: int | None = None) -> None:
        try:
            self._llm = Llama(
                model_path=path,
                embedding=True,
                pooling_type=llama_cpp.LLAMA_POOLING_TYPE_MEAN,
                n_ctx=EMBED_CTX,
                n_batch=EMBED_CTX,
                n_ubatch=EMBED_CTX,
                n_threads=n_threads,
                n_threads_batch=n_threads,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelLoadError(msg("llama.cpp could not load {file} for embeddings ({error}).", file=path, error=str(exc))) from exc
        self._n_ctx = min(EMBED_CTX, self._llm.n_ctx())
        self._lock = threading.Lock()

    def count_tokens(self, text: str) -> int:
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=True, special=False))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), n_embd) float32, each row of unit length."""
        with self._lock:
            for i, t in enumerate(texts):
                n = self.count_tokens(t)
                if n > self._n_ctx:
                    raise ContextOverflowError(msg(
                        "Input {index} is too long to embed: it has {needed} tokens, but the model's context holds "
                        "{budget}.", index=i, needed=n, budget=self._n_ctx,
                    ))
            rows = [np.asarray(self._llm.embed(t, normalize=True, truncate=False), dtype=np.float32) for t in texts]
        return np.vstack(rows)

    def close(self) -> None:
        self._llm.close()


def open_embedder(path: str, n_threads: int | None = None):
    """The engine layer's embedder when present, else the stand-in above."""
    try:
        from chatdesk.engine.embedder import Embedder
    except ImportError:
        return LlamaEmbedder(path, n_threads)
    return Embedder(path)
