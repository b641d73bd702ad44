"""Markdown rendering cost per streaming update: full re-render vs chatdesk.markdown.IncrementalRenderer.

What it measures
    A ~16 KB reply (prose, lists, a table, a few code blocks and a ~2.5 KB Python block near the
    end, then a closing paragraph) is cut into the prefixes a streaming view sees: one update every
    ``--step`` characters (24 by default: ~6 tokens, about one 30 Hz repaint at 180 tokens/s).
    For every update the incremental renderer renders the prefix, in order, as the chat view does;
    the full renderer (``chatdesk.markdown.render``, the baseline, measured in the same run) renders
    every ``--full-every``-th prefix from scratch. Reported: mean ms per update over the whole
    reply and over its last quarter (where the big code block streams), the worst incremental
    update, and the ratio full / incremental. Every incremental result is checked to equal the full
    render at the sampled prefixes.

    The same is measured for the worst case of block caching, a 16 KB reply that is one long
    numbered list (a list stays one unfinished block until something follows it, so each update
    re-renders all of it). Optionally (on by default) the Qt side of one update is timed too:
    ``QTextDocument.setHtml`` and layout of the final reply's HTML, the part of a repaint the
    renderer cannot save.

    python benchmarks/markdown_render.py [--step 24] [--full-every 8] [--no-qt]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, percentile, say, use_offscreen_qt

PROSE = ("Streaming replies are re-rendered many times a second, so the renderer must not redo work it has "
         "already done. This paragraph has **bold**, *italic*, `inline code`, a [link](https://example.com/docs) "
         "and a bare URL https://example.org/path?q=1 to exercise the inline rules.\n"
         "It also keeps its line breaks, like a poem would.\n")

SMALL_CODE = '''```bash
python -m venv .venv && .venv/bin/pip install -e ".[test]"
```
'''

TABLE = """| Option | Default | Meaning |
|:-------|:-------:|--------:|
| `n_ctx` | 4096 | context length |
| `temperature` | 0.7 | randomness |
| `top_p` | 0.9 | nucleus sampling |
"""

BIG_CODE_LINES = [
    "def parse_rows(path: Path) -> list[dict[str, str]]:",
    '    """Read a CSV file and return its rows as dictionaries."""',
    "    rows = []",
    '    with path.open(encoding="utf-8", newline="") as handle:',
    "        reader = csv.DictReader(handle)",
    "        for number, row in enumerate(reader, start=2):",
    "            if not row.get(\"name\"):",
    '                raise ValueError(f"line {number}: the name column is empty")',
    "            rows.append({key.strip(): value.strip() for key, value in row.items()})",
    "    return rows",
    "",
]


def build_reply(target_bytes: int = 16_000) -> str:
    parts = ["# Reading and checking CSV files\n\n"]
    section = 0
    while sum(len(p) for p in parts) < target_bytes - 3_200:
        section += 1
        parts.append(f"## Step {section}\n\n{PROSE}\n")
        parts.append("- first point with `code`\n- second point\n  continued on a new line\n- third point\n\n")
        if section % 3 == 0:
            parts.append(TABLE + "\n")
        if section % 4 == 0:
            parts.append(SMALL_CODE + "\n")
    parts.append("Here is the whole function:\n\n```python\nimport csv\nfrom pathlib import Path\n\n")
    parts.append("\n".join(BIG_CODE_LINES * 5) + "\n```\n\n")
    parts.append("That is all: call `parse_rows(Path(\"data.csv\"))` and handle `ValueError`.\n")
    return "".join(parts)


def build_list_reply(target_bytes: int = 16_000) -> str:
    """The worst case for block caching: one long list is one top-level block until it ends."""
    items = []
    n = 0
    while sum(len(i) for i in items) < target_bytes:
        n += 1
        items.append(f"{n}. **Point {n}**: {PROSE.splitlines()[0][:160]}\n   More on point {n}.\n")
    return "Here are the points:\n\n" + "".join(items)


def measure(reply: str, step: int, full_every: int, markdown) -> dict:  # type: ignore[no-untyped-def]
    """Stream ``reply`` through an IncrementalRenderer; time it and (sampled) full renders."""
    cuts = list(range(step, len(reply), step)) + [len(reply)]
    tail_from = len(reply) * 3 // 4
    incremental = markdown.IncrementalRenderer()
    inc_ms: list[float] = []
    full_ms: list[float] = []
    inc_tail: list[float] = []
    full_tail: list[float] = []
    for n, cut in enumerate(cuts):
        text = reply[:cut]
        start = time.perf_counter()
        html = incremental.render(text)
        elapsed = (time.perf_counter() - start) * 1000
        inc_ms.append(elapsed)
        if cut >= tail_from:
            inc_tail.append(elapsed)
        if n % full_every == 0 or cut == len(reply):
            start = time.perf_counter()
            expected = markdown.render(text)
            elapsed = (time.perf_counter() - start) * 1000
            full_ms.append(elapsed)
            if cut >= tail_from:
                full_tail.append(elapsed)
            if html != expected:
                raise SystemExit(f"incremental output differs from the full render at character {cut}")
    result = {
        "reply_chars": len(reply),
        "updates": len(cuts),
        "full_ms": round(statistics.fmean(full_ms), 2),
        "incremental_ms": round(statistics.fmean(inc_ms), 2),
        "full_tail_ms": round(statistics.fmean(full_tail), 2),
        "incremental_tail_ms": round(statistics.fmean(inc_tail), 2),
        "incremental_p95_ms": round(percentile(inc_ms, 95), 2),
        "incremental_max_ms": round(max(inc_ms), 2),
        "cache_drops": incremental.cache_drops,
    }
    result["ratio"] = round(result["full_ms"] / result["incremental_ms"], 1)
    result["tail_ratio"] = round(result["full_tail_ms"] / result["incremental_tail_ms"], 1)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--step", type=int, default=24, help="characters per update (default 24)")
    ap.add_argument("--full-every", type=int, default=8, help="time the full render at every Nth update (default 8)")
    ap.add_argument("--no-qt", action="store_true", help="skip the QTextDocument.setHtml timing")
    args = ap.parse_args()

    from chatdesk import markdown

    markdown.warm_up()
    reply = build_reply()
    say(f"reply: {len(reply)} characters, {reply.count('```') // 2} code blocks, updates every {args.step} chars")
    result = measure(reply, args.step, args.full_every, markdown)
    say(f"full render per update:        {result['full_ms']:.2f} ms (last quarter {result['full_tail_ms']:.2f} ms)")
    say(f"incremental render per update: {result['incremental_ms']:.2f} ms (last quarter "
        f"{result['incremental_tail_ms']:.2f} ms, p95 {result['incremental_p95_ms']:.2f}, max {result['incremental_max_ms']:.2f})")
    say(f"ratio full/incremental: {result['ratio']}x overall, {result['tail_ratio']}x in the last quarter")

    one_list = measure(build_list_reply(), args.step, args.full_every, markdown)
    say(f"worst case, a {one_list['reply_chars']}-character reply that is one list: full {one_list['full_ms']:.2f} ms, "
        f"incremental {one_list['incremental_ms']:.2f} ms per update (ratio {one_list['ratio']}x)")
    result["one_list_full_ms"] = one_list["full_ms"]
    result["one_list_incremental_ms"] = one_list["incremental_ms"]
    result["one_list_ratio"] = one_list["ratio"]

    if not args.no_qt:
        use_offscreen_qt()
        from PySide6.QtGui import QGuiApplication, QTextDocument

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        html = markdown.render(reply)
        times = []
        for _ in range(10):
            start = time.perf_counter()
            doc = QTextDocument()
            doc.setHtml(html)
            doc.setTextWidth(700)
            doc.size()
            times.append((time.perf_counter() - start) * 1000)
        result["qt_set_html_ms"] = round(statistics.median(times), 2)
        say(f"Qt setHtml + layout of the whole reply: {result['qt_set_html_ms']:.2f} ms (median of 10)")
        del app

    emit_json(result)


if __name__ == "__main__":
    main()
