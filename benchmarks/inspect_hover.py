"""How fast the inspector's attention view redraws on hover, for a 512-token inspection.

Inspects 512 tokens of the bundled model (attention of every layer), shows the text in the
inspector's ``TokenAttentionView`` (offscreen Qt), then moves the hovered token across the text:
each step reads one row of the memory-mapped attention (one head, and the mean of the heads) and
repaints the view. The baseline, in the same run, is the same repaint with no attention row to
read (the text drawn plain), so the ratio is the price of the hover itself. Target (issue 16): a
redraw ≤ 50 ms. Ends with one JSON line.

    python benchmarks/inspect_hover.py [--steps 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, say

N_TOKENS = 512
TARGET_MS = 50.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=100)
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from chatdesk.engine.bundled import default_model_path
    from chatdesk.inspection import Inspector
    from chatdesk.ui.inspector.attention_view import TokenAttentionView

    app = QApplication.instance() or QApplication([])
    model = str(default_model_path())
    text = ("The attention of a small model over a long text: " + "tokens look back at earlier tokens, " * 90)
    with tempfile.TemporaryDirectory() as work, Inspector(model) as insp:
        tokens = insp.tokenize(text)[:N_TOKENS]
        say(f"inspecting {len(tokens)} tokens …")
        with insp.inspect(tokens, logit_lens=False, workdir=work) as result:
            view = TokenAttentionView()
            view.resize(900, 700)
            view.set_tokens([t.text for t in result.tokens], None)
            view.show()
            app.processEvents()
            layer = result.attention_layers[len(result.attention_layers) // 2]
            queries = [int(q) for q in (list(range(len(tokens) - 1, 0, -max(1, len(tokens) // args.steps))))][: args.steps]

            def run(row_of) -> list[float]:  # type: ignore[no-untyped-def]
                view.set_rows(row_of)
                out = []
                for q in queries:
                    t0 = time.perf_counter()
                    view._set_query(q)
                    view.repaint()
                    out.append((time.perf_counter() - t0) * 1000)
                return out

            plain = run(None)
            one_head = run(lambda q: result.attention_row(layer, 0, q))
            mean = run(lambda q: result.attention_row(layer, None, q))
            view.close()
    med = {k: statistics.median(v) for k, v in (("plain", plain), ("head", one_head), ("mean", mean))}
    worst = max(max(one_head), max(mean))
    say(f"repaint without attention: median {med['plain']:.2f} ms, worst {max(plain):.2f}")
    say(f"hover, one head:           median {med['head']:.2f} ms, worst {max(one_head):.2f}")
    say(f"hover, mean of the heads:  median {med['mean']:.2f} ms, worst {max(mean):.2f}")
    emit_json({"benchmark": "inspect_hover", "tokens": len(tokens), "steps": len(queries),
               "plain_median_ms": round(med["plain"], 3), "head_median_ms": round(med["head"], 3),
               "mean_median_ms": round(med["mean"], 3), "worst_ms": round(worst, 3),
               "ratio_head": round(med["head"] / med["plain"], 3), "ratio_mean": round(med["mean"] / med["plain"], 3),
               "target_ms": TARGET_MS, "met": worst <= TARGET_MS})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
