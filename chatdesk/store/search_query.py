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

Ranking even a small window costs one pass over all matches of each word, wherever they are:
bm25 counts the messages that contain a word for its weight. For a word in most messages that
pass is the whole cost (48 ms for "the", in 768,000 of 1,000,000 messages), and it buys nothing:
bm25 gives a word found in more than half of all messages a weight of 1e-6 (its idf is clamped).
So the quick list first asks which of the query's phrases are common, from how many of the
newest ``COMMON_SAMPLE`` messages contain each (bounded, like the window), and ranks by the
other phrases only, over the window's messages that match the whole query; when every phrase is
common it lists the newest matches first. Either way the list is marked incomplete, and the
exact ranking of every match replaces it.
"""

from __future__ import annotations

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from chatdesk.store.records import SearchHit, SearchHits
from chatdesk.store.search_text import fts_phrases, make_snippet

# Newest matches a quick search ranks: bm25 over 5,000 matches costs 5-15 ms, on top of its one
# pass over each ranked word's matches (which is why common words are left out of the ranking).
RANK_WINDOW = 5_000
# Newest messages that decide whether a phrase is common (in more than half of them).
COMMON_SAMPLE = 5_000

_TRASHED = """
          AND rowid NOT IN (
              SELECT m.id FROM messages m
              WHERE m.conversation_id IN (SELECT c.id FROM conversations c WHERE c.deleted_at IS NOT NULL))"""
_NEWEST = """
          AND rowid > :floor"""

# The page: only the rows returned are joined to messages and conversations.
_PAGE = """
    SELECT m.id, m.conversation_id, c.title, m.role, m.content, ranked.score
    FROM ranked
    JOIN messages m ON m.id = ranked.id
    JOIN conversations c ON c.id = m.conversation_id
    ORDER BY ranked.score, ranked.id DESC"""

_RANKED = """
    WITH ranked AS MATERIALIZED (
        SELECT rowid AS id, bm25(messages_fts) AS score
        FROM messages_fts
        WHERE messages_fts MATCH :q{window}{trashed}
        ORDER BY score, id DESC
        LIMIT :limit OFFSET :offset
    )"""

# The quick list when some phrases are common: bm25 of the other phrases (:rare) over the
# messages that match the whole query (:q); both are bounded by the window when there is one.
_RANKED_WITHOUT_COMMON = """
    WITH matching AS MATERIALIZED (
        SELECT rowid AS id FROM messages_fts
        WHERE messages_fts MATCH :q{window}{trashed}
    ),
    scored AS MATERIALIZED (
        SELECT rowid AS id, bm25(messages_fts) AS score FROM messages_fts
        WHERE messages_fts MATCH :rare{window}
    ),
    ranked AS MATERIALIZED (
        SELECT scored.id, scored.score FROM scored JOIN matching ON matching.id = scored.id
        ORDER BY scored.score, scored.id DESC
        LIMIT :limit
    )"""

# The quick list when every phrase is common: the newest matches first (no ranking to speak of).
_NEWEST_FIRST = """
    WITH ranked AS MATERIALIZED (
        SELECT rowid AS id, 0.0 AS score
        FROM messages_fts
        WHERE messages_fts MATCH :q{trashed}
        ORDER BY rowid DESC
        LIMIT :limit
    )"""


def _statements(head: str) -> dict[tuple[bool, bool], TextClause]:
    return {
        (window, trashed): text(head.format(window=_NEWEST if window else "", trashed=_TRASHED if trashed else "") + _PAGE)
        for window in (False, True)
        for trashed in (False, True)
    }


_SEARCH = _statements(_RANKED)
_SEARCH_WITHOUT_COMMON = _statements(_RANKED_WITHOUT_COMMON)
_SEARCH_NEWEST = _statements(_NEWEST_FIRST)
_ANY_TRASHED = text("SELECT EXISTS (SELECT 1 FROM conversations WHERE deleted_at IS NOT NULL)")
# The id just below the newest RANK_WINDOW matches (None: the query has no more matches than that).
_WINDOW_FLOOR = text(
    "SELECT rowid FROM messages_fts WHERE messages_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :window"
)
_NEWEST_ID = text("SELECT max(id) FROM messages")
_RECENT_MATCHES = text("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH :q AND rowid > :since")


def _common_phrases(session: Session, phrases: list[str]) -> set[str]:
    """The phrases found in more than half of the newest ``COMMON_SAMPLE`` messages."""
    newest = session.scalar(_NEWEST_ID)
    if newest is None or newest <= COMMON_SAMPLE:
        return set()
    since = newest - COMMON_SAMPLE
    return {p for p in set(phrases) if (session.scalar(_RECENT_MATCHES, {"q": p, "since": since}) or 0) * 2 > COMMON_SAMPLE}


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
    phrases = fts_phrases(query)
    if not phrases:
        return SearchHits([], complete=True)
    expr = " ".join(phrases)
    with session.begin():  # one snapshot for every statement
        floor = None
        common: set[str] = set()
        if quick and offset == 0:
            floor = session.scalar(_WINDOW_FLOOR, {"q": expr, "window": RANK_WINDOW})
            common = _common_phrases(session, phrases)
        trashed = bool(session.scalar(_ANY_TRASHED))
        params = {"q": expr, "limit": limit, "offset": offset, "floor": floor}
        rare = [p for p in phrases if p not in common]
        if not common:
            statement = _SEARCH[floor is not None, trashed]
        elif rare:
            statement = _SEARCH_WITHOUT_COMMON[floor is not None, trashed]
            params["rare"] = " ".join(rare)
        else:
            statement = _SEARCH_NEWEST[floor is not None, trashed]
        rows = session.execute(statement, params).all()
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
        # Without common phrases and within the window, this was the exact ranking of every
        # match; with them the order is approximate, unless there is no order to speak of.
        complete=floor is None and (not common or len(rows) <= 1),
    )
