"""The full-text search query (FTS5), kept beside ``search_text`` which prepares its input."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from chatdesk.store.records import SearchHit
from chatdesk.store.search_text import fts_query, make_snippet

SEARCH_CANDIDATES = 2000

# bm25 ranking of every match is the expensive part for common words (46k matches of
# "model" in the 1M-message benchmark), so rank only the newest SEARCH_CANDIDATES matches.
_SEARCH = text(
    """
    WITH hits AS (
        SELECT rowid AS id, rank FROM messages_fts
        WHERE messages_fts MATCH :q ORDER BY rowid DESC LIMIT :candidates
    )
    SELECT m.id, m.conversation_id, c.title, m.role, m.content, hits.rank
    FROM hits
    JOIN messages m ON m.id = hits.id
    JOIN conversations c ON c.id = m.conversation_id
    WHERE c.deleted_at IS NULL
    ORDER BY hits.rank
    LIMIT :limit"""
)


def run_search(session: Session, query: str, limit: int) -> list[SearchHit]:
    expr = fts_query(query)
    if expr is None:
        return []
    rows = session.execute(_SEARCH, {"q": expr, "limit": limit, "candidates": SEARCH_CANDIDATES}).all()
    return [
        SearchHit(
            conversation_id=cid,
            conversation_title=title,
            message_id=mid,
            role=role,
            snippet=make_snippet(content, query),
            rank=rank,
        )
        for mid, cid, title, role, content, rank in rows
    ]
