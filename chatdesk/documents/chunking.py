"""Pages of text → passages for search, each remembering exactly where it came from.

A chunk's ``start``/``end`` are character offsets into its page's text (the whole text for
formats without pages), so a source chip can open the passage and highlight precisely what was
cited. Cuts fall at the best boundary available near the size limit: a blank line, a line
break, a sentence end (Latin or CJK punctuation), a space, and only then mid-word. Chinese
characters count more than Latin ones, because each carries about a word's meaning (and one
embedding token), so a chunk holds a similar amount of meaning in either language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from chatdesk.documents.extract import Page

MAX_WEIGHT = 700  # about 150 English tokens or 230 Chinese characters
OVERLAP_WEIGHT = 100
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_BOUNDARIES = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?;:])\s|(?<=[。！？；：…])"),
    re.compile(r"(?<=[，、,])|\s"),
)


@dataclass(frozen=True)
class Chunk:
    ordinal: int
    page: int | None
    start: int
    end: int
    text: str


def _weight(text: str) -> int:
    return len(text) + 2 * len(_CJK.findall(text))


def _limit(text: str, start: int, max_weight: int) -> int:
    """The furthest end such that text[start:end] weighs at most ``max_weight``."""
    end = min(len(text), start + max_weight)  # every character weighs at least 1
    while end > start + 1 and _weight(text[start:end]) > max_weight:
        over = _weight(text[start:end]) - max_weight
        end -= max(1, over // 3)
    return end


def _cut(text: str, start: int, hard_end: int) -> int:
    """The best boundary in the second half of text[start:hard_end]."""
    if hard_end >= len(text):
        return len(text)
    floor = start + (hard_end - start) // 2
    window = text[floor:hard_end]
    for pattern in _BOUNDARIES:
        last = None
        for m in pattern.finditer(window):
            last = m
        if last is not None and floor + last.end() > start:
            return floor + last.end()
    return hard_end


def chunk_page(page: Page, first_ordinal: int = 0, max_weight: int = MAX_WEIGHT, overlap: int = OVERLAP_WEIGHT) -> list[Chunk]:
    text = page.text
    chunks: list[Chunk] = []
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        end = _cut(text, pos, _limit(text, pos, max_weight))
        stop = end
        while stop > pos and text[stop - 1].isspace():
            stop -= 1
        chunks.append(Chunk(first_ordinal + len(chunks), page.number, pos, stop, text[pos:stop]))
        if end >= len(text):
            break
        back = _limit_back(text, end, overlap)
        nxt = _next_start(text, back, end)
        pos = nxt if nxt > pos else end
    return chunks


def _limit_back(text: str, end: int, overlap: int) -> int:
    start = max(0, end - overlap)
    while start < end - 1 and _weight(text[start:end]) > overlap:
        start += 1
    return start


def _next_start(text: str, lo: int, end: int) -> int:
    """Start the overlap at a sentence or word start, not mid-word."""
    window = text[lo:end]
    for pattern in _BOUNDARIES[2:]:
        m = pattern.search(window)
        if m is not None:
            return lo + m.end()
    return end


def chunk_pages(pages: Iterable[Page], max_weight: int = MAX_WEIGHT, overlap: int = OVERLAP_WEIGHT) -> list[Chunk]:
    out: list[Chunk] = []
    for page in pages:
        out.extend(chunk_page(page, len(out), max_weight, overlap))
    return out
