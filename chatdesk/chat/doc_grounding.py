"""Ground a reply in the chat's document collections: retrieve, fit, cite. One rule for the window
and ``chatdesk ask --docs``.

The question (with the previous one, for a short follow-up) is searched in the collections with
the hybrid search (keyword + vectors); the best passages, as many as fit half the model's context
once the reply's share is set aside, become numbered sources in the prompt and in the reply's
provenance. ``CollectionGrounder`` keeps the embedding model open between replies (loading it
costs more than a search) and is used from one thread at a time: the window's inference worker,
or the command.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chatdesk.chat.grounding import ground, grounded_plan, retrieval_query

if TYPE_CHECKING:
    from chatdesk.chat.flow import ReplyPlan

DEFAULT_SOURCES = 5


def passage_budget(n_ctx: int, max_tokens: int | None) -> int:
    """Tokens the passages may take: half the context, less half the reply's share, at least 256."""
    return max(256, n_ctx // 2 - (max_tokens or 0) // 2)


class CollectionGrounder:
    def __init__(self, index_path: Path, embedding_model: Path | str | None = None, *, keyword_only: bool = False) -> None:
        """``embedding_model``: a GGUF path or a library id; None or "": the built-in one. It is
        found (and the built-in one converted, the first time) when the first search needs it, on
        the caller's thread, never the window's."""
        self.index_path = index_path
        self.embedding_model = embedding_model
        self.keyword_only = keyword_only
        self._embedder: Any = None

    def _open_embedder(self) -> Any:
        if self.keyword_only:
            return None
        if self._embedder is None:
            if not isinstance(self.embedding_model, Path):
                from chatdesk.library.embedding_default import embedding_model_path

                self.embedding_model = embedding_model_path(self.embedding_model or None)
            from chatdesk.engine.embedder import Embedder

            self._embedder = Embedder(self.embedding_model)
        return self._embedder

    def ground(self, plan: ReplyPlan, collections: Sequence[str], *, question: str, n_ctx: int,
               limit: int = DEFAULT_SOURCES) -> ReplyPlan:
        """``plan`` grounded in ``collections`` (unchanged when nothing matches; raises DocumentsError)."""
        from chatdesk.documents import DocumentIndex, search

        with DocumentIndex(self.index_path) as index:
            query = retrieval_query(plan.request.messages[:-1], question)
            hits = search(index, query, collections=list(collections), limit=max(1, limit), embedder=self._open_embedder())
        budget = passage_budget(n_ctx, plan.request.sampling.max_tokens)
        return grounded_plan(plan, ground(question, hits, budget_tokens=budget))

    def close(self) -> None:
        if self._embedder is not None:
            self._embedder.close()
            self._embedder = None
