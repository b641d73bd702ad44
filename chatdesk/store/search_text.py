"""Text preparation for the full-text index, shared by indexing and querying.

SQLite's unicode61 tokenizer treats a run of Chinese characters as a single "word", so a
two-character query such as 模型 would never match inside 语言模型很小. The trigram tokenizer
needs at least three characters. We therefore index a copy of each message in which every CJK
character stands alone (separated by spaces); a Chinese query becomes a phrase of single
characters, which FTS5 matches by adjacency using the index (no table scan). Latin text is
left as words, so English keeps word and prefix matching.
"""

from __future__ import annotations

import re

# CJK Unified Ideographs (+ext A), compatibility ideographs, kana, hangul syllables, CJK punctuation.
_CJK = re.compile(
    "([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3000-\u303f\uff00-\uffef])"
)
_TOKEN = re.compile(r"\w+", re.UNICODE)

# A shorter last word matches whole words only: "t*" would match nearly every message without
# narrowing anything down. From three letters the last word is a prefix ("pyt" finds "python");
# the index keeps prefix lists for two to six letters (migrations m012, m014), so "the*" is one
# list to read rather than the merge of every word starting with "the" (the, them, then, there, …).
MIN_PREFIX = 3


def index_text(text: str) -> str:
    """The form of ``text`` stored in the FTS table."""
    return _CJK.sub(r" \1 ", text)


def fts_query(user_query: str) -> str | None:
    """Turn what the user typed into a safe FTS5 MATCH expression (None when nothing to search).

    Every token is quoted, so FTS5 operators typed by the user (AND, NEAR, *, quotes) are
    taken literally; the last Latin token also matches as a prefix once it has ``MIN_PREFIX``
    characters, which makes search-as-you-type feel right. CJK runs become phrases of single
    characters.
    """
    phrases = fts_phrases(user_query)
    return " ".join(phrases) if phrases else None


def fts_phrases(user_query: str) -> list[str]:
    """The phrases of ``fts_query``'s expression, each a MATCH expression of its own (the
    expression matches a message when every phrase does)."""
    spaced = index_text(user_query)
    words = _TOKEN.findall(spaced)
    if not words:
        return []
    # Merge consecutive single CJK characters into one phrase so they must be adjacent.
    merged: list[str] = []
    run: list[str] = []
    for word in words:
        if len(word) == 1 and _CJK.match(word):
            run.append(word)
            continue
        if run:
            merged.append('"' + " ".join(run) + '"')
            run = []
        merged.append('"' + word.replace('"', '""') + '"')
    if run:
        merged.append('"' + " ".join(run) + '"')
    last = merged[-1]
    if not _CJK.search(last) and len(words[-1]) >= MIN_PREFIX:
        merged[-1] = last + "*"
    return merged


def make_snippet(content: str, user_query: str, width: int = 120) -> str:
    """A plain-text excerpt of ``content`` around the first match, the match wrapped in [[ ]].

    Built in Python from the original text (not FTS5's snippet()), because the indexed copy has
    spaces inserted between Chinese characters.
    """
    flat = " ".join(content.split())
    terms = [t for t in _TOKEN.findall(user_query) if t]
    lowered = flat.lower()
    pos, length = -1, 0
    for term in sorted(terms, key=len, reverse=True):
        pos = lowered.find(term.lower())
        if pos >= 0:
            length = len(term)
            break
    if pos < 0:
        return flat[:width] + ("…" if len(flat) > width else "")
    start = max(0, pos - width // 3)
    end = min(len(flat), pos + length + (2 * width) // 3)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    return (
        prefix
        + flat[start:pos]
        + "[["
        + flat[pos : pos + length]
        + "]]"
        + flat[pos + length : end]
        + suffix
    )
