"""What one context-meter count costs, against asking the engine about the whole conversation.

What it measures
    A conversation of N messages (default 5,000) in a real SQLite store and the bundled model
    loaded with a 4,096-token context. "full" is ``engine.plan`` over the whole history — what a
    meter that simply asked the engine would pay per typing pause. "meter" is
    ``chatdesk.chat.context_plan.plan_draft``, which the meter runs on the thread pool: it reads
    the active branch from the store and asks the engine about the newest messages only, widening
    until older ones are certainly left out. Both must give the same prompt size and the same
    left-out count; the script checks that before timing.

Why
    The meter counts after every pause in typing. Its cost must follow the model's context, not
    the length of the chat, or a long chat keeps a core busy while the user types.

    python benchmarks/context_meter.py [--messages 5000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, median, say, temp_data_dir


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    data = temp_data_dir()

    from chatdesk.chat.chat_settings import resolve
    from chatdesk.chat.context_plan import draft_history, left_out_ids, plan_draft
    from chatdesk.engine import LoadSettings, default_model_path
    from chatdesk.engine.llama_engine import LlamaEngine
    from chatdesk.settings import AppSettings
    from chatdesk.store import Store
    from chatdesk.store.bulk import import_conversations

    engine = LlamaEngine(data / "model-checks.json")
    engine.load(str(default_model_path()), LoadSettings(n_ctx=4096))
    store = Store(data / "chatdesk.sqlite3")
    n = args.messages
    msgs = [
        {"uid": f"m{i}", "parent_uid": f"m{i - 1}" if i else None, "role": "user" if i % 2 == 0 else "assistant",
         "content": f"Message {i}: a line of ordinary chat text, 第{i}行。", "status": "done", "created_at": float(i)}
        for i in range(n)
    ]
    import_conversations(store, [({"uid": "big", "title": "Big", "created_at": 0.0, "updated_at": 1.0, "active_leaf_uid": f"m{n - 1}"}, msgs)])
    conv = store.list_conversations()[0]
    defaults = AppSettings()
    draft = "What did we say at the start?"

    def full():
        history = draft_history(store, conv.id, resolve(conv, defaults), draft)
        return history, engine.plan(history.messages, defaults.sampling.max_tokens)

    history, whole = full()
    mine = plan_draft(engine, store, defaults, conv.id, draft)
    assert mine.prompt_tokens == whole.prompt_tokens and mine.left_out == left_out_ids(history, whole.dropped_messages)

    def timed(fn) -> float:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        return median(times)

    full_ms = timed(full)
    meter_ms = timed(lambda: plan_draft(engine, store, defaults, conv.id, draft))
    say(f"{n} messages, context {whole.context}: prompt {mine.prompt_tokens} tokens, {len(mine.left_out)} messages left out")
    say(f"whole history: {full_ms:.0f} ms per count; meter: {meter_ms:.0f} ms per count (median of {args.repeat})")
    emit_json({"messages": n, "full_ms": round(full_ms, 1), "meter_ms": round(meter_ms, 1), "ratio": round(meter_ms / full_ms, 3)})
    engine.unload()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
