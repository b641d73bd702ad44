"""The full-text search query (FTS5), kept beside ``search_text`` which prepares its input.

Every match is ranked with FTS5's bm25, so the oldest message can come first when it is the best
match, and ``offset`` pages through all of them. Why the query has this shape:

* ``ORDER BY bm25(...) LIMIT n`` keeps only the best n rows while sorting; ``ORDER BY rank`` makes
  FTS5 sort every match itself (about a third slower for 50,000 matches).
* Messages of trashed chats are removed before ranking (``rowid NOT IN`` a set built once per
  query from the trashed chats, which are few: trash is purged when its undo window closes), so
  they never take a place in the result. The set is built from ``conversations`` first: driven
  from ``messages`` it would scan every message. With nothing in the trash, the usual case, the
  filter is left out (it costs a little for every match).
* Only the page that is returned is joined to ``messages`` and ``conversations``; joining every
  match would read every matching message's row.

What remains is FTS5's own work per match (its doclist, and a document-size lookup for bm25):
about a microsecond, so a word found in 50,000 messages costs tens of milliseconds and one found
in most of a million messages (a stop word such as "the") costs most of a second.
``benchmarks/history_scale.py`` measures both.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from chatdesk.store.records import SearchHit
from chatdesk.store.search_text import fts_query, make_snippet

_TRASHED = """
          AND rowid NOT IN (
              SELECT m.id FROM messages m
              WHERE m.conversation_id IN (SELECT c.id FROM conversations c WHERE c.deleted_at IS NOT NULL))"""

_TEMPLATE = """
    WITH ranked AS MATERIALIZED (
        SELECT rowid AS id, bm25(messages_fts) AS score
        FROM messages_fts
        WHERE messages_fts MATCH :q{trashed}
        ORDER BY score, id DESC
        LIMIT :limit OFFSET :offset
    )
    SELECT m.id, m.conversation_id, c.title, m.role, m.content, ranked.score
    FROM ranked
    JOIN messages m ON m.id = ranked.id
    JOIN conversations c ON c.id = m.conversation_id
    ORDER BY ranked.score, ranked.id DESC"""

_SEARCH_ALL = text(_TEMPLATE.format(trashed=""))
_SEARCH_LIVE = text(_TEMPLATE.format(trashed=_TRASHED))
_ANY_TRASHED = text("SELECT EXISTS (SELECT 1 FROM conversations WHERE deleted_at IS NOT NULL)")


def run_search(session: Session, query: str, limit: int, offset: int = 0) -> list[SearchHit]:
    """The ``limit`` best matches after skipping ``offset`` (best first; equal scores newest first)."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    if offset < 0:
        raise ValueError(f"offset must not be negative, not {offset}")
    expr = fts_query(query)
    if expr is None:
        return []
    with session.begin():  # one snapshot for both statements
        query_ = _SEARCH_LIVE if session.scalar(_ANY_TRASHED) else _SEARCH_ALL
        rows = session.execute(query_, {"q": expr, "limit": limit, "offset": offset}).all()
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
