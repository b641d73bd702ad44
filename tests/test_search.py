"""Search finds every message: bm25 over all matches, trashed chats left out, pages to the end.

The history is built once per module through the real import path (``chatdesk.store.bulk``,
one transaction) into a real SQLite file; tests that change it work on a copy.
"""

from __future__ import annotations

import shutil

import pytest

from chatdesk.store import Store
from chatdesk.store.bulk import import_conversations

# More newer matches than the 2,000 newest the old search ranked (SEARCH_CANDIDATES).
NEWER = 2_100

FILLER = ["the", "herd", "walked", "down", "to", "a", "river", "near", "old", "farm", "at", "dusk"]
ZH_FILLER = "今天我们在城市里讨论了很多问题和答案"


def _conversation(uid: str, title: str, texts: list[str], start: float) -> tuple[dict, list[dict]]:
    msgs = []
    for i, text in enumerate(texts):
        msgs.append(
            {
                "uid": f"{uid}-m{i}",
                "parent_uid": f"{uid}-m{i - 1}" if i else None,
                "role": "user" if i % 2 == 0 else "assistant",
                "content": text,
                "status": "done",
                "created_at": start + i,
            }
        )
    conv = {
        "uid": uid,
        "title": title,
        "created_at": start,
        "updated_at": start + len(texts),
        "active_leaf_uid": msgs[-1]["uid"] if msgs else None,
    }
    return conv, msgs


def _long_en(i: int) -> str:
    words = [FILLER[(i + k) % len(FILLER)] for k in range(14)]
    words.insert(i % 14, "llama")
    return " ".join(words) + "."


def _long_zh(i: int) -> str:
    cut = i % len(ZH_FILLER)
    return ZH_FILLER[:cut] + "模型" + ZH_FILLER[cut:] + "。"


def _ids_containing(store: Store, needle: str) -> set[int]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, content FROM messages").all()
    return {mid for mid, content in rows if needle in content.lower()}


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """Oldest first: the best English and Chinese matches, a mediocre old match, then
    2,100 newer English and 2,100 newer Chinese matches."""
    path = tmp_path_factory.mktemp("search-history") / "chatdesk.sqlite3"
    store = Store(path)
    oldest = [
        "Llama llama!",  # shortest, two occurrences: the best bm25 match of all
        "模型模型",  # the same for the Chinese word
        "A long, rambling old note that mentions a llama only once among very many other words "
        "about farms, rivers, weather, towns, roads, bridges, markets, and the seasons of the year.",
    ]
    items = [_conversation("old", "Old notes", oldest, 1_000.0)]
    items.append(_conversation("en", "Newer English", [_long_en(i) for i in range(NEWER)], 10_000.0))
    items.append(_conversation("zh", "较新的中文", [_long_zh(i) for i in range(NEWER)], 20_000.0))
    import_conversations(store, items)
    old = [m for c in store.list_conversations() if c.title == "Old notes" for m in store.active_path(c.id)]
    store.close()
    return {"path": path, "best_en": old[0].id, "best_zh": old[1].id, "mediocre": old[2].id}


@pytest.fixture
def store_of(history):
    opened: list[Store] = []

    def open_(path=None) -> Store:
        s = Store(path or history["path"])
        opened.append(s)
        return s

    yield open_
    for s in opened:
        s.close()


@pytest.fixture
def copy_of_history(history, tmp_path):
    dest = tmp_path / "copy.sqlite3"
    shutil.copyfile(history["path"], dest)
    return dest


def test_oldest_message_is_found_and_ranks_first_behind_2000_newer_matches(history, store_of):
    store = store_of()
    hits = store.search("llama", 10)
    assert len(hits) == 10
    assert hits[0].message_id == history["best_en"]
    assert hits[0].conversation_title == "Old notes"
    assert "[[Llama]]" in hits[0].snippet
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)  # bm25: lower is better


def test_chinese_oldest_message_is_found_and_ranks_first(history, store_of):
    store = store_of()
    hits = store.search("模型", 5)
    assert hits[0].message_id == history["best_zh"]
    assert "[[模型]]" in hits[0].snippet
    # Characters must still be adjacent: 型模 occurs only across the repeated word of the oldest one.
    assert [h.message_id for h in store.search("型模")] == [history["best_zh"]]
    assert store.search("模离") == []


def test_pages_reach_every_match_down_to_the_oldest(history, store_of):
    store = store_of()
    expected = _ids_containing(store, "llama")
    assert len(expected) == NEWER + 2
    seen: list[int] = []
    ranks: list[float] = []
    offset = 0
    while True:
        page = store.search("llama", 500, offset=offset)
        seen += [h.message_id for h in page]
        ranks += [h.rank for h in page]
        if len(page) < 500:
            break
        offset += 500
    assert len(seen) == len(set(seen))  # no message on two pages
    assert set(seen) == expected
    assert history["mediocre"] in seen
    assert ranks == sorted(ranks)  # one ranking across pages


def test_trashed_chats_do_not_hide_matches_of_live_chats(history, store_of, copy_of_history):
    store = store_of(copy_of_history)
    # A newer chat full of even better matches (short, three occurrences each), then trashed.
    import_conversations(
        store, [_conversation("trash", "Trashed", ["llama llama llama"] * NEWER, 50_000.0)]
    )
    trashed = next(c for c in store.list_conversations() if c.title == "Trashed")
    store.trash_conversations([trashed.id])

    hits = store.search("llama", 5)
    assert len(hits) == 5
    assert trashed.id not in {h.conversation_id for h in hits}
    assert hits[0].message_id == history["best_en"]
    deep = store.search("llama", 50, offset=NEWER)
    assert deep and trashed.id not in {h.conversation_id for h in deep}

    store.restore_conversations([trashed.id])
    assert {h.conversation_id for h in store.search("llama", 5)} == {trashed.id}


def test_limit_and_offset_are_checked(store_of):
    store = store_of()
    with pytest.raises(ValueError):
        store.search("llama", 0)
    with pytest.raises(ValueError):
        store.search("llama", 10, offset=-1)
    assert store.search("llama", 10, offset=10**6) == []


def test_short_last_word_matches_whole_words_only(store):
    c = store.create_conversation("words")
    go = store.add_message(c.id, "user", "go")
    golang = store.add_message(c.id, "assistant", "golang and python")
    assert [h.message_id for h in store.search("go")] == [go.id]  # not every word starting with go
    assert {h.message_id for h in store.search("gol")} == {golang.id}  # three letters: a prefix
    assert {h.message_id for h in store.search("gola")} == {golang.id}
    assert {h.message_id for h in store.search("python go")} == set()
    assert {h.message_id for h in store.search("and pyth")} == {golang.id}
    assert {h.message_id for h in store.search("and pyt")} == {golang.id}


def test_quick_search_ranks_the_newest_matches_then_the_full_search_ranks_all(history, store_of, monkeypatch):
    from chatdesk.store import search_query

    store = store_of()
    everything = store.search("llama", 10)
    assert everything.complete and everything[0].message_id == history["best_en"]
    # Fewer matches than the window: the quick answer is already the whole ranking.
    assert store.search("llama", 10, quick=True) == everything
    assert store.search("llama", 10, quick=True).complete

    monkeypatch.setattr(search_query, "RANK_WINDOW", 1_000)
    quick = store.search("llama", 10, quick=True)
    assert not quick.complete  # 2,102 matches: only the newest 1,000 were ranked
    newest = sorted(_ids_containing(store, "llama"), reverse=True)[:1_000]
    assert {h.message_id for h in quick} <= set(newest)
    assert [h.rank for h in quick] == sorted(h.rank for h in quick)
    # The same order as ranking those 1,000 alone: the best of the window, in bm25 order.
    full_ranks = {h.message_id: h.rank for h in store.search("llama", 3_000)}
    assert [h.message_id for h in quick] == sorted(newest, key=lambda m: (full_ranks[m], -m))[:10]
    # Without quick, and on any later page, every match is ranked.
    assert store.search("llama", 10) == everything
    assert store.search("llama", 10, offset=5, quick=True) == store.search("llama", 10, offset=5)
    assert store.search("llama", 10, offset=5, quick=True).complete
    assert store.search("zzzz", 10, quick=True) == [] and store.search("zzzz", 10, quick=True).complete


def test_quick_search_leaves_trashed_chats_out(history, store_of, copy_of_history, monkeypatch):
    from chatdesk.store import search_query

    store = store_of(copy_of_history)
    import_conversations(store, [_conversation("trash", "Trashed", ["llama llama llama"] * 50, 50_000.0)])
    trashed = next(c for c in store.list_conversations() if c.title == "Trashed")
    store.trash_conversations([trashed.id])
    monkeypatch.setattr(search_query, "RANK_WINDOW", 1_000)
    quick = store.search("llama", 20, quick=True)
    assert len(quick) == 20 and not quick.complete
    assert trashed.id not in {h.conversation_id for h in quick}


def test_quick_search_ranks_without_the_words_most_messages_contain(tmp_path, monkeypatch):
    """A word in most messages ("the") adds nothing to bm25 but costs a pass over all its matches:
    the quick list ranks by the other words over the window's messages that contain every word,
    lists the newest first when every word is that common, and is never called complete."""
    from chatdesk.store import search_query

    store = Store(tmp_path / "chatdesk.sqlite3")
    try:
        def text(i: int) -> str:
            words = ["the", "herd", "walked", "down", "to", "the", "river"][: 2 + i % 6]
            return " ".join(words + ["llama"] * (1 + i % 4 if i % 3 == 0 else 0)) + "."

        items = [_conversation("gone", "Trashed", [f"the llama {'llama ' * (i % 3)}" for i in range(60)], 500.0),
                 _conversation("kept", "Kept", [text(i) for i in range(300)], 1_000.0)]
        import_conversations(store, items)
        trashed = next(c for c in store.list_conversations() if c.title == "Trashed")
        store.trash_conversations([trashed.id])
        monkeypatch.setattr(search_query, "RANK_WINDOW", 50)
        monkeypatch.setattr(search_query, "COMMON_SAMPLE", 100)

        kept = {m.id: m.content.lower() for c in store.list_conversations() for m in store.active_path(c.id)}
        both = sorted((m for m, t in kept.items() if "the" in t.split() and "llama" in t), reverse=True)
        window = both[:50]
        llama_rank = {h.message_id: h.rank for h in store.search("llama", 1_000)}
        quick = store.search("the llama", 10, quick=True)
        assert not quick.complete
        assert [h.message_id for h in quick] == sorted(window, key=lambda m: (llama_rank[m], -m))[:10]
        assert [h.rank for h in quick] == [llama_rank[h.message_id] for h in quick]

        newest_the = sorted((m for m, t in kept.items() if "the" in t.split()), reverse=True)
        quick = store.search("the", 10, quick=True)
        assert [h.message_id for h in quick] == newest_the[:10] and not quick.complete
        assert store.search("the zzzz", 10, quick=True) == [] and store.search("the zzzz", 10, quick=True).complete

        # The complete ranking is still bm25 over every word and every match, the trash left out.
        everything = store.search("the llama", 200)
        assert {h.message_id for h in everything} == set(both)
        assert [h.rank for h in everything] == sorted(h.rank for h in everything)
        monkeypatch.setattr(search_query, "RANK_WINDOW", 10_000)  # no window: every match is a candidate
        for query, matches in (("the llama", len(both)), ("the", len(newest_the))):
            hits = store.search(query, 500, quick=True)
            assert len(hits) == matches and trashed.id not in {h.conversation_id for h in hits}
    finally:
        store.close()
