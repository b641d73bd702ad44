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
* Only the page that is returned is joined to ``messages`` and ``conversations`` (and gets a
  snippet); joining every match would read every matching message's row.

What remains is FTS5's own work per ranked match (bm25 reads the match's instances and its
document size): one to three microseconds, so a word found in 50,000 messages costs 50-150 ms and
one found in most of a million messages (a stop word such as "the") more than a second, where
FTS5 only counts the same matches in a few tens of milliseconds (``benchmarks/history_scale.py``).
No ranking of every match can meet the sidebar's 50 ms on a large history, so the sidebar asks
twice (``quick``): first for the best of the newest ``RANK_WINDOW`` matches — bounded work,
whatever the word, and already the exact answer when a query has no more matches than that —
then, only when there were more, for the ranking of every match, which replaces the first list
when it is ready. The window is found without ranking anything: FTS5 walks a term's matches
newest first and stops at the window's edge.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from chatdesk.store.records import SearchHit, SearchHits
from chatdesk.store.search_text import fts_query, make_snippet

# Newest matches a quick search ranks. bm25 over 5,000 matches plus its one pass over the
# query's terms for their frequencies stays well below 50 ms even for a word in most messages.
RANK_WINDOW = 5_000

_TRASHED = """
          AND rowid NOT IN (
              SELECT m.id FROM messages m
              WHERE m.conversation_id IN (SELECT c.id FROM conversations c WHERE c.deleted_at IS NOT NULL))"""
_NEWEST = """
          AND rowid > :floor"""

_TEMPLATE = """
    WITH ranked AS MATERIALIZED (
        SELECT rowid AS id, bm25(messages_fts) AS score
        FROM messages_fts
        WHERE messages_fts MATCH :q{window}{trashed}
        ORDER BY score, id DESC
        LIMIT :limit OFFSET :offset
    )
    SELECT m.id, m.conversation_id, c.title, m.role, m.content, ranked.score
    FROM ranked
    JOIN messages m ON m.id = ranked.id
    JOIN conversations c ON c.id = m.conversation_id
    ORDER BY ranked.score, ranked.id DESC"""

_SEARCH = {
    (window, trashed): text(_TEMPLATE.format(window=_NEWEST if window else "", trashed=_TRASHED if trashed else ""))
    for window in (False, True)
    for trashed in (False, True)
}
_ANY_TRASHED = text("SELECT EXISTS (SELECT 1 FROM conversations WHERE deleted_at IS NOT NULL)")
# The id just below the newest RANK_WINDOW matches (None: the query has no more matches than that).
_WINDOW_FLOOR = text(
    "SELECT rowid FROM messages_fts WHERE messages_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :window"
)


def run_search(session: Session, query: str, limit: int, offset: int = 0, *, quick: bool = False) -> SearchHits:
    """The ``limit`` best matches after skipping ``offset`` (best first; equal scores newest first).

    ``quick``: rank only the newest ``RANK_WINDOW`` matches (the result's ``complete`` says whether
    that was every match). Pages after the first (``offset`` > 0) always rank every match, so that
    pages never disagree.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    if offset < 0:
        raise ValueError(f"offset must not be negative, not {offset}")
    expr = fts_query(query)
    if expr is None:
        return SearchHits([], complete=True)
    with session.begin():  # one snapshot for every statement
        floor = None
        if quick and offset == 0:
            floor = session.scalar(_WINDOW_FLOOR, {"q": expr, "window": RANK_WINDOW})
        trashed = bool(session.scalar(_ANY_TRASHED))
        params = {"q": expr, "limit": limit, "offset": offset, "floor": floor}
        rows = session.execute(_SEARCH[floor is not None, trashed], params).all()
    return SearchHits(
        (
            SearchHit(
                conversation_id=cid,
                conversation_title=title,
                message_id=mid,
                role=role,
                snippet=make_snippet(content, query),
                rank=rank,
            )
            for mid, cid, title, role, content, rank in rows
        ),
        complete=floor is None,
    )
