"""Text → words for FTS5, with Chinese split into words by jieba.

FTS5's tokenizers treat a run of Chinese characters as one token, so "合同期限" in a query never
matches "本合同的期限为两年". Both the indexed text and the query go through jieba's search mode
(which also emits the shorter words inside long ones) and are stored space-separated; FTS5's
``porter unicode61`` tokenizer then splits on those spaces, lower-cases and stems English. A
query becomes an OR of its words ranked by BM25, so a paraphrase that shares the key words still
finds the passage; common function words are dropped from queries so they do not dilute it.
"""

from __future__ import annotations

import re
import threading

_lock = threading.Lock()
_ready = False
_WORD = re.compile(r"\w", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_STOPWORD_TEXT = """
    a an the and or but if of to in on at by for with from as is are was were be been being do does did
    done have has had having it its this that these those there here what which who whom whose when where why
    how i me my we our you your he she they them their his her not no so than then too very can could would
    should will shall may might must about into over under again further once any all each few more most other
    some such only own same just also please tell explain describe give say according document text file
    的 了 和 是 在 我 有 就 不 人 都 一 一个 上 也 很 到 说 要 去 你 会 着 没有 看 好 自己 这 那 吗 呢 吧 啊
    什么 怎么 如何 为什么 哪 哪些 哪个 多少 几 请问 请 是否 可以 根据 文档 文件 中 里 与 及 或 对 把 被"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_CHAR_STOP = frozenset("的了和是在我有就不也很到说要去你会着这那吗呢吧啊什么怎么哪几请否可以中里与及或对把被为之其")


def _jieba():
    global _ready
    import jieba  # noqa: PLC0415 - its dictionary takes a second to load; only search and indexing need it

    if not _ready:
        with _lock:
            if not _ready:
                jieba.setLogLevel(60)  # it logs its dictionary loading at INFO
                jieba.initialize()
                _ready = True
    return jieba


_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")


def words(text: str) -> list[str]:
    """The words of ``text`` (punctuation and spaces dropped), Chinese segmented."""
    if not _CJK.search(text):
        return re.findall(r"\w+", text.lower())
    out: list[str] = []
    chars: list[str] = []
    jieba = _jieba()
    for run in _RUNS.finditer(text):
        piece = run.group()
        if not _CJK.match(piece):  # Latin, digits, punctuation: no need for the (slow) segmenter
            out.extend(re.findall(r"\w+", piece.lower()))
            continue
        out.extend(w for w in jieba.cut_for_search(piece) if w.strip())
        # Each Chinese character as well: a paraphrase rarely uses the same compound (租期 for
        # 租赁期限) but shares its characters; BM25's IDF keeps common characters from dominating.
        chars.extend(c for c in piece if c not in _CHAR_STOP)
    return out + chars


def for_index(text: str) -> str:
    """What FTS5 stores for a chunk: its words separated by spaces."""
    return " ".join(words(text))


def for_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's question, or None if it has no searchable word."""
    terms = []
    seen = set()
    all_words = words(query)
    kept = [w for w in all_words if w not in STOPWORDS] or all_words
    for w in kept:
        if w not in seen:
            seen.add(w)
            terms.append('"' + w.replace('"', '""') + '"')
    return " OR ".join(terms) if terms else None
