"""A large history: 10,000 conversations / 1,000,000 messages. Sidebar, open, search, export.

What it measures (milliseconds)
    * list_ms: ``Store.list_conversations(limit=50)`` (the sidebar's first page);
    * open_ms: opening the 5,000-message conversation until the view has painted its newest
      message, as the window does: ``Store.active_path_tail`` (its newest ``OPEN_FIRST``
      messages; ``Store.active_path`` for a chat of at most ``SYNC_OPEN_LIMIT``) +
      ``Store.sibling_info`` + ``ChatView.show_messages`` + ``processEvents`` until a viewport
      paint with the last row visible (offscreen Qt). The first paint of anything is reported
      too (open_first_paint_ms), and open_rest_ms: reading the rest of the path and adding it
      above (the window does that on the thread pool once the newest messages are shown);
    * search_en_ms / search_zh_ms: ``Store.search`` for an English word and a two-character
      Chinese word (default "model" and "模型"), the way the sidebar search calls it (limit 100);
    * the search's worst cases: search_oldest_ms, a word found in tens of thousands of messages
      (default "python") whose best match is the oldest message of the history (planted), with
      search_oldest_position (where that message came: 1 is right, null is "not in the first
      100"); search_en_last_page_ms, the last page of the English word (offset = matches - 100);
      search_stopword_ms and search_stopword_pair_ms, a word in most messages ("the") alone and
      before the English word ("the model"); search_en_trash_ms, the English word again while 20
      conversations are in the trash (as during a delete's undo window; their messages must not
      come back, and they are restored afterwards). Every match is ranked (bm25), so these grow
      with the number of matches; the lines printed give each one's match count and what bare
      FTS5 takes to rank the same matches;
    * with ``Store.search(quick=True)`` (what the sidebar shows first: the best of the newest
      matches), each search_*_ms is that quick list and search_*_complete_ms the ranking of every
      match that replaces it (search_oldest_position is then the complete ranking's,
      search_oldest_quick_position the quick list's);
    * search_cpu_ms: the CPU time (this thread only) of each of these searches by label, which a
      machine busy with other work inflates far less than the wall-clock figures;
    * export_{md,json,html,txt}_ms: ``chatdesk.archive.export_conversations(store, [id], fmt,
      path)`` of the 5,000-message conversation.

    Store and view figures are the median of ``--repeats`` runs after one warm-up (the first,
    cold call is printed as well). Baselines from the same run are printed next to them: the
    same SQL through bare sqlite3, and opening/exporting a 20-message conversation.

Why
    Targets: list <= 50, open <= 100, search <= 50, each export <= 1000.

The database
    Built once per parameter set and cached in ``$TMPDIR/chatdesk-bench-history/<key>/`` (the key
    includes the schema's migration list, so a schema change rebuilds it): the schema comes from
    opening a ``chatdesk.store.Store`` once, then rows are written with raw sqlite3
    ``executemany`` in one transaction, into ``messages`` and ``messages_fts`` (the body through
    ``chatdesk.store.search_text.index_text``). Messages of different conversations interleave
    in time (ids follow time), every conversation is a linear chain with ``active_leaf_id`` set,
    about 30% of messages are Chinese or mixed Chinese/English, assistant replies are longer
    and some carry Markdown code blocks. One conversation has ``--big`` (5,000) messages; the
    oldest message is a short one repeating ``--query-oldest``. The full
    size takes a few minutes to build the first time; for a quick run use e.g.
    ``--messages 100000 --conversations 1000``.

    python benchmarks/history_scale.py [--messages 1000000] [--conversations 10000] [--big 5000]
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, require_supported_pyside, say, temp_data_dir, use_offscreen_qt

FORMAT_VERSION = 3  # bump when the generator changes

EN_WORDS = ["the", "of", "and", "to", "in", "is", "you", "that", "it", "for", "was", "on", "are", "with", "as", "I", "his", "they", "be", "at", "one", "have", "this", "from", "or", "had", "by", "word", "but", "what", "some", "we", "can", "out", "other", "were", "all", "there", "when", "up", "use", "your", "how", "said", "an", "each", "she", "which", "do", "their", "time", "if", "will", "way", "about", "many", "then", "them", "write", "would", "like", "so", "these", "her", "long", "make", "thing", "see", "him", "two", "has", "look", "more", "day", "could", "go", "come", "did", "number", "sound", "no", "most", "people", "my", "over", "know", "water", "than", "call", "first", "who", "may", "down", "side", "been", "now", "find", "any", "new", "work", "part", "take", "get", "place", "made", "live", "where", "after", "back", "little", "only", "round", "man", "year", "came", "show", "every", "good", "me", "give", "our", "under", "name", "very", "through", "just", "form", "sentence", "great", "think", "say", "help", "low", "line", "differ", "turn", "cause", "much", "mean", "before", "move", "right", "boy", "old", "too", "same", "tell", "does", "set", "three", "want", "air", "well", "also", "play", "small", "end", "put", "home", "read", "hand", "port", "large", "spell", "add", "even", "land", "here", "must", "big", "high", "such", "follow", "act", "why", "ask", "men", "change", "went", "light", "kind", "off", "need", "house", "picture", "try", "us", "again", "animal", "point", "mother", "world", "near", "build", "self", "earth", "father", "head", "stand", "own", "page", "should", "country", "found", "answer", "school", "grow", "study", "still", "learn", "plant", "cover", "food", "sun", "four", "between", "state", "keep", "eye", "never", "last", "let", "thought", "city", "tree", "cross", "farm", "hard", "start", "might", "story", "saw", "far", "sea", "draw", "left", "late", "run", "while", "press", "close", "night", "real", "life", "few", "north", "open", "seem", "together", "next", "white", "children", "begin", "got", "walk", "example", "ease", "paper", "group", "always", "music", "those", "both", "mark", "often", "letter", "until", "mile", "river", "car", "feet", "care", "second", "book", "carry", "took", "science", "eat", "room", "friend", "began", "idea", "fish", "mountain", "stop", "once", "base", "hear", "horse", "cut", "sure", "watch", "color", "face", "wood", "main", "enough", "plain", "girl", "usual", "young", "ready", "above", "ever", "red", "list", "though", "feel", "talk", "bird", "soon", "body", "dog", "family", "direct", "pose", "leave", "song", "measure", "door", "product", "black", "short", "numeral", "class", "wind", "question", "happen", "complete", "ship", "area", "half", "rock", "order", "fire", "south", "problem", "piece", "told", "knew", "pass", "since", "top", "whole", "king", "space", "heard", "best", "hour", "better", "true", "during", "hundred", "five", "remember", "step", "early", "hold", "west", "ground", "interest", "reach", "fast", "verb", "sing", "listen", "six", "table", "travel", "less", "morning", "ten", "simple", "several", "vowel", "toward", "war", "lay", "against", "pattern", "slow", "center", "love", "person", "money", "serve", "appear", "road", "map", "rain", "rule", "govern", "pull", "cold", "notice", "voice", "unit", "power", "town", "fine", "certain", "fly", "fall", "lead", "cry", "dark", "machine", "note", "wait", "plan", "figure", "star", "box", "noun", "field", "rest", "correct", "able", "pound", "done", "beauty", "drive", "stood", "contain", "front", "teach", "week", "final", "gave", "green", "oh", "quick", "develop", "ocean", "warm", "free", "minute", "strong", "special", "mind", "behind", "clear", "tail", "produce", "fact", "street", "inch", "multiply", "nothing", "course", "stay", "wheel", "full", "force", "blue", "object", "decide", "surface", "deep", "moon", "island", "foot", "system", "busy", "test", "record", "boat", "common", "gold", "possible", "plane", "stead", "dry", "wonder", "laugh", "thousand", "ago", "ran", "check", "game", "shape", "equate", "hot", "miss", "brought", "heat", "snow", "tire", "bring", "yes", "distant", "fill", "east", "paint", "language", "among", "python", "function", "variable", "gradient", "training", "dataset", "token", "layer", "network", "query", "index", "server", "client", "request", "response", "error", "debug", "compile", "install", "package", "version", "release", "branch", "commit", "merge", "docker", "kernel", "memory", "thread", "process", "cache", "buffer", "stream", "socket", "database", "schema", "migration"]
ZH_WORDS = ["我们", "你们", "他们", "可以", "这个", "那个", "问题", "数据", "训练", "学习", "时间", "系统", "方法", "使用", "需要", "因为", "所以", "但是", "如果", "已经", "今天", "明天", "工作", "生活", "朋友", "知道", "觉得", "应该", "一起", "非常", "重要", "简单", "复杂", "结果", "过程", "开始", "结束", "计算", "程序", "代码", "文件", "目录", "网络", "服务", "用户", "界面", "窗口", "按钮", "设置", "选项", "中文", "英文", "翻译", "文章", "故事", "历史", "城市", "天气", "音乐", "电影", "学校", "老师", "学生", "考试", "问题", "答案", "解释", "例子", "部分", "全部", "性能", "速度", "内存", "显卡", "处理", "参数", "语言", "生成", "回答", "对话"]
CODE = "```python\ndef add(a, b):\n    \"\"\"Return the sum.\"\"\"\n    return a + b\n\nprint(add(2, 3))\n```"


class TextGen:
    """Cheap, deterministic, realistic-ish message text."""

    def __init__(self, seed: int, en_term: str, zh_term: str) -> None:
        rnd = random.Random(seed)
        self.rnd = random.Random(seed + 1)
        zipf = [1.0 / (i + 1) ** 0.9 for i in range(len(EN_WORDS))]

        def en_sentence() -> str:
            words = rnd.choices(EN_WORDS, zipf, k=rnd.randint(6, 18))
            if rnd.random() < 0.012:
                words.insert(rnd.randrange(len(words)), en_term)
            if rnd.random() < 0.004:
                words.insert(rnd.randrange(len(words)), en_term + "s")
            return " ".join(words).capitalize() + rnd.choice(".,.?!.")

        def zh_sentence() -> str:
            words = rnd.choices(ZH_WORDS, k=rnd.randint(5, 14))
            if rnd.random() < 0.03:
                words.insert(rnd.randrange(len(words)), zh_term)
            if rnd.random() < 0.2:
                words.insert(rnd.randrange(len(words)), rnd.choice(EN_WORDS[-40:]))
            return "".join(words) + rnd.choice("。，。？！。")

        self.en = [en_sentence() for _ in range(4000)]
        self.zh = [zh_sentence() for _ in range(3000)]

    def message(self, role: str, lang: str) -> str:
        r = self.rnd
        n = r.randint(1, 3) if role == "user" else r.randint(2, 9)
        if lang == "en":
            parts = r.choices(self.en, k=n)
        elif lang == "zh":
            parts = r.choices(self.zh, k=n)
        else:
            parts = r.choices(self.en, k=n // 2 + 1) + r.choices(self.zh, k=n // 2 + 1)
        if role == "assistant" and n > 5:
            text = " ".join(parts[:3]) + "\n\n- " + "\n- ".join(parts[3:])
            if r.random() < 0.15:
                text += "\n\n" + CODE
            return text
        return " ".join(parts) if lang != "zh" else "".join(parts)


def schema_key() -> str:
    from chatdesk.store import migrations

    return hashlib.sha1(",".join(n for n, _ in migrations.MIGRATIONS).encode()).hexdigest()[:10]


def build(path: Path, n_messages: int, n_convs: int, big: int, seed: int, en_term: str, zh_term: str,
          oldest_term: str) -> None:
    import numpy as np

    from chatdesk.store import Store
    from chatdesk.store.search_text import index_text

    t0 = time.perf_counter()
    Store(path, None).close()  # the real schema, through the real migrations
    rng = np.random.default_rng(seed)
    gen = TextGen(seed, en_term, zh_term)
    now = time.time()
    span = 2 * 365 * 86400.0
    # Messages per conversation: conversation 1 is the big one, the rest share what is left.
    rest = n_messages - big
    counts = np.maximum(2, rng.gamma(1.2, rest / (n_convs - 1) / 1.2, n_convs - 1).astype(np.int64))
    counts = np.maximum(2, (counts * rest / counts.sum()).astype(np.int64))
    counts[-1] += rest - counts.sum()
    counts = np.concatenate([[big], counts])
    if counts[-1] < 2:
        counts[-1] = 2
    starts = now - span * rng.random(n_convs)
    starts[0] = now - 120 * 86400.0  # the big one: months of daily use
    # Each message: its conversation and its time (conversation start + cumulative gaps).
    conv_of = np.repeat(np.arange(n_convs), counts)
    gaps = rng.exponential(90.0, conv_of.size)
    gaps[conv_of == 0] = rng.exponential(120 * 86400.0 / big, big)
    cum = np.cumsum(gaps)
    first_idx = np.concatenate([[0], np.cumsum(counts)[:-1]])
    base = np.repeat(cum[first_idx] - gaps[first_idx], counts)
    times = np.repeat(starts, counts) + (cum - base)
    order = np.argsort(times, kind="stable")
    lang_of_conv = rng.choice(np.array(["en", "zh", "mix"]), n_convs, p=[0.7, 0.2, 0.1])
    lang_of_conv[0] = "mix"

    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -400000")
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("BEGIN")
    last_id = np.zeros(n_convs, dtype=np.int64)
    n_in_conv = np.zeros(n_convs, dtype=np.int64)
    title = [""] * n_convs
    first_time = [0.0] * n_convs
    last_time = [0.0] * n_convs
    prov = ('{"model_name": "SmolLM2 135M", "quantization": "Q4_1", "seed": 1234, "prompt_tokens": 812, '
            '"reply_tokens": 211, "ttft_ms": 48.2, "tokens_per_s": 61.3, "stop_reason": "end"}')
    chunk = 20000
    done = 0
    for lo in range(0, order.size, chunk):
        idx = order[lo: lo + chunk]
        msgs = []
        fts = []
        for k, i in enumerate(idx.tolist()):
            mid = lo + k + 1
            c = int(conv_of[i])
            role = "user" if n_in_conv[c] % 2 == 0 else "assistant"
            text = gen.message(role, str(lang_of_conv[c]))
            if mid == 1:  # the best match for oldest_term is the oldest message of all
                text = f"{oldest_term.capitalize()}, {oldest_term}, {oldest_term}!"
            t = float(times[i])
            parent = int(last_id[c]) or None
            msgs.append((mid, f"{mid:032x}", c + 1, parent, role, text, "done", t, t,
                         prov if role == "assistant" and c == 0 else None))
            fts.append((mid, index_text(text)))
            if not title[c] and role == "user":
                title[c] = text[:60]
            if n_in_conv[c] == 0:
                first_time[c] = t
            last_time[c] = t
            last_id[c] = mid
            n_in_conv[c] += 1
        if lo == 0:
            convs = []  # conversations must exist first (foreign keys are off here, but be tidy)
        db.executemany(
            "INSERT INTO messages (id, uid, conversation_id, parent_id, role, content, status, created_at, "
            "updated_at, provenance) VALUES (?,?,?,?,?,?,?,?,?,?)", msgs)
        db.executemany("INSERT INTO messages_fts(rowid, body) VALUES (?, ?)", fts)
        done += len(msgs)
        if done % 200000 < chunk:
            say(f"  built {done:,} / {n_messages:,} messages ({time.perf_counter() - t0:.0f} s)")
    convs = [
        (c + 1, f"c{c:031x}", title[c] or "New chat", first_time[c], last_time[c], None,
         "You are a helpful, concise assistant.", int(last_id[c]), 1 if c in (17, 4242) else 0, None)
        for c in range(n_convs)
    ]
    db.executemany(
        "INSERT INTO conversations (id, uid, title, created_at, updated_at, model_path, system_prompt, "
        "active_leaf_id, pinned, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?)", convs)
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    say(f"  database built in {time.perf_counter() - t0:.0f} s, {path.stat().st_size / 1e6:.0f} MB")


def timed(fn, repeats: int) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    """(first call ms, median of the following ``repeats`` calls ms, last result)."""
    t = time.perf_counter()
    out = fn()
    first = (time.perf_counter() - t) * 1000
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        runs.append((time.perf_counter() - t) * 1000)
    return first, statistics.median(runs) if runs else first, out


def cpu_ms(fn, repeats: int) -> float:  # type: ignore[no-untyped-def]
    """Median CPU time of this thread per call (ms): what ``fn`` costs when the machine is busy
    with other work too (SQLite runs in the calling thread). Same warm-up as ``timed``."""
    fn()
    runs = []
    for _ in range(repeats):
        t = time.thread_time()
        fn()
        runs.append((time.thread_time() - t) * 1000)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=1_000_000, help="total messages (default 1,000,000)")
    ap.add_argument("--conversations", type=int, default=10_000, help="conversations (default 10,000)")
    ap.add_argument("--big", type=int, default=5000, help="messages in the long conversation (default 5,000)")
    ap.add_argument("--query-en", default="model")
    ap.add_argument("--query-zh", default="模型")
    ap.add_argument("--query-oldest", default="python",
                    help="a common word; the oldest message is planted as its best match (default python)")
    ap.add_argument("--query-stop", default="the", help="a word found in most messages (default the)")
    ap.add_argument("--repeats", type=int, default=3, help="measured repeats after a warm-up (default 3)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--rebuild", action="store_true", help="ignore the cached database")
    ap.add_argument("--no-export", action="store_true", help="skip the export figures (a quicker run)")
    args = ap.parse_args()
    if args.messages < args.big + 2 * (args.conversations - 1):
        ap.error("--messages is too small for --conversations and --big")
    require_supported_pyside()

    use_offscreen_qt()
    work = temp_data_dir("chatdesk-bench-history-")
    key = (f"m{args.messages}-c{args.conversations}-b{args.big}-s{args.seed}-"
           f"{args.query_en}-{args.query_zh.encode().hex()}-{args.query_oldest}-{schema_key()}-v{FORMAT_VERSION}")
    cache = Path(tempfile.gettempdir()) / "chatdesk-bench-history" / key
    db_path = cache / "chatdesk.sqlite3"
    if args.rebuild and cache.exists():
        shutil.rmtree(cache)
    if not db_path.exists():
        say(f"building {args.messages:,} messages / {args.conversations:,} conversations in {cache} …")
        partial = cache.with_name(cache.name + ".part")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        build(partial / "chatdesk.sqlite3", args.messages, args.conversations, args.big, args.seed,
              args.query_en, args.query_zh, args.query_oldest)
        partial.rename(cache)
    else:
        say(f"using cached database {db_path} ({db_path.stat().st_size / 1e6:.0f} MB)")

    from PySide6.QtCore import QEvent, QObject, QPoint
    from PySide6.QtWidgets import QApplication

    from chatdesk.store import Store
    from chatdesk.ui.conversation.chat_controller import OPEN_FIRST, SYNC_OPEN_LIMIT
    from chatdesk.ui.conversation.chat_view import ChatView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store(db_path, None)
    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    n_msgs = raw.execute("SELECT count(*) FROM messages").fetchone()[0]
    n_convs = raw.execute("SELECT count(*) FROM conversations").fetchone()[0]
    big_id = 1
    assert raw.execute("SELECT count(*) FROM messages WHERE conversation_id = 1").fetchone()[0] == args.big
    small_id = raw.execute(
        "SELECT conversation_id FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE deleted_at IS NULL) "
        "GROUP BY conversation_id HAVING count(*) BETWEEN 18 AND 24 LIMIT 1"
    ).fetchone()[0]
    results: dict[str, object] = {}
    R = args.repeats

    # ---------------------------------------------------------------- sidebar
    first, med, rows = timed(lambda: store.list_conversations(limit=50), R)
    _f, raw_med, _ = timed(lambda: raw.execute(
        "SELECT * FROM conversations WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC, id DESC "
        "LIMIT 50").fetchall(), R)
    plan = " | ".join(r[-1] for r in raw.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM conversations WHERE deleted_at IS NULL "
        "ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT 50"))
    say(f"list_conversations(50): {med:.1f} ms (first call {first:.1f}); bare sqlite3 {raw_med:.1f} ms "
        f"(x{med / max(raw_med, 1e-6):.1f}); plan: {plan}")
    results["list_ms"] = med

    # ---------------------------------------------------------------- open the long conversation
    view = ChatView()
    view.resize(840, 640)
    view.show()
    paints: list[tuple[float, bool]] = []

    class PaintSpy(QObject):
        """Records, at every viewport paint, whether any row and whether the newest row is on screen."""

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                n = view.model_.rowCount()
                area = view.viewport().rect()
                newest = n > 0 and view.visualRect(view.model_.index(n - 1)).intersects(area)
                some = n > 0 and (view.indexAt(area.topLeft() + QPoint(20, 5)).isValid()
                                  or view.indexAt(area.center()).isValid() or newest)
                paints.append((time.perf_counter(), some, newest))
            return False

    spy = PaintSpy()
    view.viewport().installEventFilter(spy)

    def open_conv(cid: int, timeout_s: float = 20.0) -> dict:
        view.show_messages([], {})
        for _ in range(5):
            app.processEvents()
        paints.clear()
        t0 = time.perf_counter()
        c0 = time.thread_time()  # this (GUI) thread's CPU: less inflated by other programs' load than wall time
        # As the window opens it (ChatController.open_conversation): a long chat's newest messages
        # first, the rest of its path afterwards, off the GUI thread (timed below as "rest").
        newest_first = hasattr(store, "stored_rows") and store.stored_rows(cid) > SYNC_OPEN_LIMIT
        path, before = store.active_path_tail(cid, OPEN_FIRST) if newest_first else (store.active_path(cid), 0)
        t1 = time.perf_counter()
        sib = store.sibling_info(cid)
        t2 = time.perf_counter()
        view.show_messages(path, sib)
        t3 = time.perf_counter()
        deadline = t3 + timeout_s
        settle = None
        while time.perf_counter() < deadline:
            app.processEvents()
            if any(nw for _, _, nw in paints):
                break
            if settle is None and any(so for _, so, _ in paints):
                settle = time.perf_counter() + 1.0  # content shown: allow 1 s for a scroll to the end
            if settle is not None and time.perf_counter() > settle:
                break
        cpu = (time.thread_time() - c0) * 1000
        nan = float("nan")
        r0 = time.perf_counter()
        if before:
            view.model_.add_earlier(store.active_path(cid)[:before])
        rest = (time.perf_counter() - r0) * 1000 if before else nan
        first_paint = paints[0][0] if paints else nan
        content = next((t for t, so, _ in paints if so), nan)
        newest = next((t for t, _, nw in paints if nw), nan)
        bar = view.verticalScrollBar()
        return {
            "rows": len(path) + before,
            "rest": rest,
            "active_path": (t1 - t0) * 1000,
            "sibling_info": (t2 - t1) * 1000,
            "show": (t3 - t2) * 1000,
            "first_paint": (first_paint - t0) * 1000,
            "content": (content - t0) * 1000,
            "newest": (newest - t0) * 1000,
            "paints": len(paints),
            "cpu": cpu,
            "scroll": f"{bar.value()}/{bar.maximum()}",
        }

    open_conv(small_id)  # warm-up: fonts, Markdown importer, SQL compile caches
    small = [open_conv(small_id) for _ in range(R)]
    bigs = [open_conv(big_id) for _ in range(R)]

    def med_of(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    for label, runs in (("small", small), ("big", bigs)):
        say(f"open {label} ({runs[0]['rows']} messages): newest message painted {med_of(runs, 'newest'):.1f} ms, "
            f"first paint {med_of(runs, 'first_paint'):.1f}, first paint showing messages {med_of(runs, 'content'):.1f} "
            f"(active_path {med_of(runs, 'active_path'):.1f}, sibling_info {med_of(runs, 'sibling_info'):.1f}, "
            f"show_messages {med_of(runs, 'show'):.1f}; GUI thread CPU {med_of(runs, 'cpu'):.1f}; "
            f"the rest of the path, read off the GUI thread afterwards: {med_of(runs, 'rest'):.1f}; "
            f"{runs[-1]['paints']} paints, scroll bar ended at "
            f"{runs[-1]['scroll']}); newest-painted per run: {[round(r['newest'], 1) for r in runs]}")
    newest_ok = all(r["newest"] == r["newest"] for r in bigs)  # not NaN
    if not newest_ok:
        say("  !! the long conversation never showed its newest message (the view did not end up scrolled "
            "to the bottom); open_ms below is the first paint that showed any messages")
    results["open_ms"] = med_of(bigs, "newest") if newest_ok else med_of(bigs, "content")
    results["open_first_paint_ms"] = med_of(bigs, "first_paint")
    results["open_shows_newest"] = newest_ok
    results["open_small_ms"] = med_of(small, "newest")
    results["open_cpu_ms"] = med_of(bigs, "cpu")
    results["open_rest_ms"] = med_of(bigs, "rest")

    # ---------------------------------------------------------------- search
    from chatdesk.store.search_text import fts_query

    pages = "offset" in inspect.signature(store.search).parameters  # False before search had pages
    searches = (("en", args.query_en), ("zh", args.query_zh), ("oldest", args.query_oldest),
                ("stopword", args.query_stop), ("stopword_pair", f"{args.query_stop} {args.query_en}"))
    # The sidebar asks quick first (the best of the newest matches, bounded time), then, when the
    # query has more matches, for the ranking of every match; both are measured.
    quick = {"quick": True} if "quick" in inspect.signature(store.search).parameters else {}
    for label, query in searches:
        first, med, hits = timed(lambda q=query: store.search(q, 100, **quick), R)
        cpu = cpu_ms(lambda q=query: store.search(q, 100, **quick), R)
        if quick:
            complete = getattr(hits, "complete", True)
            c_first, c_med, all_hits = timed(lambda q=query: store.search(q, 100), R) if not complete else (first, med, hits)
            c_cpu = cpu_ms(lambda q=query: store.search(q, 100), R) if not complete else cpu
            say(f"search {label} {query!r}: quick (sidebar's first list) {med:.1f} ms (CPU {cpu:.1f}), "
                f"{'already every match' if complete else 'newest matches only'}; every match ranked "
                f"{c_med:.1f} ms (first {c_first:.1f}, CPU {c_cpu:.1f})")
            results[f"search_{label}_complete_ms"] = c_med
            results.setdefault("search_complete_cpu_ms", {})[label] = round(c_cpu, 1)  # type: ignore[union-attr]
            if label == "oldest":
                q_pos = next((n for n, h in enumerate(hits, 1) if h.message_id == 1), None)
                say(f"  quick list: the oldest message came {'at position ' + str(q_pos) if q_pos else 'nowhere in the first 100'}")
                results["search_oldest_quick_position"] = q_pos
                hits = all_hits
        expr = fts_query(query)
        total = raw.execute("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?", (expr,)).fetchone()[0]
        _f, match_med, _ = timed(lambda e=expr: raw.execute(
            "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? LIMIT 100", (e,)).fetchall(), R)
        _f, rank_med, ranked = timed(lambda e=expr: raw.execute(
            "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY bm25(messages_fts) LIMIT 100",
            (e,)).fetchall(), R)
        say(f"search {label} {query!r} -> {expr}: {med:.1f} ms (first {first:.1f}, CPU {cpu:.1f}) for {len(hits)} hits of {total:,} "
            f"matching messages; bare FTS5 unranked LIMIT 100 {match_med:.1f} ms, "
            f"every match ranked by bm25 {rank_med:.1f} ms (x{med / max(rank_med, 1e-6):.2f})")
        results[f"search_{label}_ms"] = med
        results.setdefault("search_cpu_ms", {})[label] = round(cpu, 1)  # type: ignore[union-attr]
        if label == "oldest":
            position = next((n for n, h in enumerate(hits, 1) if h.message_id == 1), None)
            say(f"  the oldest message came {'at position ' + str(position) if position else 'nowhere in the first 100'}; "
                f"bare FTS5's best bm25 match is message {ranked[0][0]} (1 is the oldest)")
            results["search_oldest_position"] = position
            results["search_oldest_matches"] = total
        if label == "en":
            if pages:
                first, med, last = timed(lambda q=query, o=max(0, total - 100): store.search(q, 100, offset=o), R)
                say(f"search en, last page (offset {max(0, total - 100):,}): {med:.1f} ms (first {first:.1f}), {len(last)} hits")
                results["search_en_last_page_ms"] = med
            else:
                say("search en, last page: Store.search has no offset here")
                results["search_en_last_page_ms"] = None

    trashed = [int(c) for c in random.Random(args.seed).sample(range(2, n_convs + 1), 20) if c != small_id]
    store.trash_conversations(trashed)
    try:
        first, med, hits = timed(lambda: store.search(args.query_en, 100), R)
        n_trash = raw.execute(
            "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ? AND rowid IN (SELECT id FROM messages WHERE "
            "conversation_id IN (SELECT id FROM conversations WHERE deleted_at IS NOT NULL))",
            (fts_query(args.query_en),)).fetchone()[0]
        leaked = [h for h in hits if h.conversation_id in set(trashed)]
        say(f"search en with {len(trashed)} conversations in the trash ({n_trash} of the matches): {med:.1f} ms "
            f"(first {first:.1f}); hits from the trash: {len(leaked)}")
        results["search_en_trash_ms"] = med
    finally:
        store.restore_conversations(trashed)

    # ---------------------------------------------------------------- export
    out_dir = work / "exports"
    out_dir.mkdir()
    try:
        from chatdesk import archive
    except ImportError as exc:
        archive = None
        say(f"export: chatdesk.archive is not available ({exc}); export figures are null")
    for fmt in ("md", "json", "html", "txt"):
        key_ = f"export_{fmt}_ms"
        if archive is None or args.no_export:
            results[key_] = None
            continue
        try:
            archive.export_conversations(store, [small_id], fmt, out_dir / f"small.{fmt}")
            t = time.perf_counter()
            archive.export_conversations(store, [small_id], fmt, out_dir / f"small2.{fmt}")
            small_ms = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            archive.export_conversations(store, [big_id], fmt, out_dir / f"big.{fmt}")
            ms = (time.perf_counter() - t) * 1000
            size = (out_dir / f"big.{fmt}").stat().st_size
            say(f"export {fmt}: {ms:.0f} ms for {args.big} messages ({size / 1e6:.1f} MB); "
                f"20-message conversation {small_ms:.1f} ms")
            results[key_] = ms
        except Exception as exc:
            say(f"export {fmt} failed: {type(exc).__name__}: {exc}")
            results[key_] = None

    results["messages"] = n_msgs
    results["conversations"] = n_convs
    store.close()
    raw.close()
    emit_json({k: (round(v, 1) if isinstance(v, float) else v) for k, v in results.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
