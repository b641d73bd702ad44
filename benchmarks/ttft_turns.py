"""Time to first token as one conversation grows (turns 1, 5, 10, 20), via LlamaEngine directly.

What it measures
    ``GenerationResult.ttft_ms`` (request -> first sampled token, prompt rendering, tokenizing
    and prompt evaluation included) at turns 1, 5, 10 and 20 of a single conversation whose
    history grows with the model's real replies (``--max-tokens`` each, default 48).

Why
    Every turn re-renders the whole history. The engine reuses whole canonical 64-token chunks of
    the KV cache (``chatdesk/engine/kv_plan.py``: reproducible replies) so only the last partial
    chunk, the previous reply and the new question are evaluated; if that reuse breaks (for
    instance because re-tokenizing a reply gives different tokens than were sampled) the cost of
    turn N grows with the whole history. Target: ttft(turn 20) / ttft(turn 1) <= 1.3.

How
    At each reported turn the first token is timed ``--samples`` extra times from the same KV-cache
    state (llama.cpp ``save_state``/``load_state`` plus the engine's record of what the cache holds,
    ``max_tokens=1``) plus the real reply; the
    best sample is reported (the machine is noisy and interference only adds time; the median is
    printed too). Turn 1 (the baseline) is measured in the same run, after a warm-up reply to an
    unrelated prompt, so it evaluates its whole prompt like a fresh conversation would. Every turn also prints prompt tokens, tokens reused from the KV cache and tokens
    actually evaluated, plus the first position where the cached tokens and the new prompt differ,
    so a broken prefix reuse shows up with its cause.

    python benchmarks/ttft_turns.py [--turns 20] [--max-tokens 48] [--samples 4] [--threads N]
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit_json, median, say, temp_data_dir

QUESTIONS = [
    "What is a lighthouse?",
    "How does its lamp work?",
    "Who used to keep lighthouses running?",
    "Why are most lighthouses painted with stripes?",
    "What is the tallest lighthouse in the world?",
    "How far can the light be seen at sea?",
    "What replaced the old oil lamps?",
    "Tell me about the Fresnel lens.",
    "Are lighthouses still needed with GPS?",
    "What was daily life like for a keeper?",
    "Name three famous lighthouses.",
    "How are lighthouses built on rocks in the sea?",
    "What is a lightship?",
    "How do ships tell one lighthouse from another?",
    "What is a foghorn for?",
    "Can you visit lighthouses today?",
    "What happens to old lighthouses?",
    "Write one sentence a keeper might put in a logbook.",
    "What colour is a lighthouse light usually?",
    "Summarise what we talked about.",
    "Thank you!",
    "One more: what is a range light?",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--turns", type=int, default=20, help="turns in the conversation (default 20)")
    ap.add_argument("--max-tokens", type=int, default=48, help="reply length limit per turn (default 48)")
    ap.add_argument("--samples", type=int, default=4, help="extra TTFT samples at each reported turn (default 4)")
    ap.add_argument("--threads", type=int, default=0, help="llama.cpp threads (default: the app's choice)")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    report_turns = [t for t in (1, 5, 10, 20) if t <= args.turns]

    data = temp_data_dir("chatdesk-bench-ttft-")
    import copy

    from chatdesk.engine import ChatMessage, GenerationRequest, LoadSettings, SamplingSettings, default_model_path
    from chatdesk.engine.kv_plan import common_prefix
    from chatdesk.engine.llama_engine import LlamaEngine, physical_cores
    from chatdesk.settings import DEFAULT_SYSTEM_PROMPT

    engine = LlamaEngine(data / "model-checks.json")
    info = engine.load(default_model_path(), LoadSettings(n_threads=args.threads or physical_cores()))
    say(f"model {info.name}  n_ctx={info.n_ctx}  threads={info.n_threads}  load {info.load_ms:.0f} ms")
    stop = threading.Event()
    request_id = 0

    def run(messages: list, seed: int):  # type: ignore[no-untyped-def]
        nonlocal request_id
        request_id += 1
        sampling = SamplingSettings(max_tokens=args.max_tokens, seed=seed)
        return engine.generate(GenerationRequest(request_id, tuple(messages), sampling), stop, lambda _t: None)

    # Warm-up with an unrelated prompt (different system text) so turn 1 is not the very first decode.
    run([ChatMessage("system", "Warm-up."), ChatMessage("user", "Count to five.")], 1)

    # The machine is noisy (other jobs; llama.cpp's spinning thread barriers suffer badly when
    # cores are oversubscribed), so each reported turn is sampled ``--samples`` times from the
    # same starting KV-cache state (llama.cpp save_state/load_state) and the minimum is used:
    # interference only ever adds time. The median is printed too.
    llm = engine._llm
    assert llm is not None
    samples: dict[int, list[float]] = {}
    detail: dict[int, tuple[int, int, int, int]] = {}
    messages = [ChatMessage("system", DEFAULT_SYSTEM_PROMPT)]
    for turn in range(1, args.turns + 1):
        messages.append(ChatMessage("user", QUESTIONS[(turn - 1) % len(QUESTIONS)]))
        cached_ids = list(engine._kv.tokens)
        prompt, _r, _d, _b = engine.fit(messages, args.max_tokens)
        diverge = common_prefix(cached_ids, prompt)
        if turn in report_turns:
            state, kv = llm.save_state(), copy.deepcopy(engine._kv)
            samples[turn] = []
            for i in range(args.samples):
                llm.load_state(state)
                engine._kv = copy.deepcopy(kv)
                r1 = engine.generate(GenerationRequest(10_000 + turn * 100 + i, tuple(messages),
                                                       SamplingSettings(max_tokens=1, seed=1)), stop, lambda _t: None)
                samples[turn].append(r1.ttft_ms)
            llm.load_state(state)
            engine._kv = copy.deepcopy(kv)
        result = run(messages, args.seed + turn)
        if turn in report_turns:
            samples[turn].append(result.ttft_ms)
        detail[turn] = (result.prompt_tokens, result.cached_tokens, len(cached_ids), diverge)
        say(f"turn {turn:2d}: ttft {result.ttft_ms:7.1f} ms  prompt {result.prompt_tokens:5d} tok  "
            f"reused {result.cached_tokens:5d}  evaluated {result.prompt_tokens - result.cached_tokens:4d}  "
            f"cache held {len(cached_ids):5d} tok, first difference at {diverge}  "
            f"reply {result.completion_tokens} tok ({result.stop_reason})"
            + (f"  samples {[round(x) for x in samples[turn]]}" if turn in report_turns else ""))
        messages.append(ChatMessage("assistant", result.text))

    ttft = [min(samples[t]) for t in report_turns]
    ttft_median = [median(samples[t]) for t in report_turns]
    ratio = ttft[-1] / ttft[0] if ttft and ttft[0] > 0 else float("nan")
    ratio_median = ttft_median[-1] / ttft_median[0] if ttft_median and ttft_median[0] > 0 else float("nan")
    lost = [t for t in range(2, args.turns + 1) if detail[t][3] < detail[t][2]]
    say("best-of-samples ttft (ms): " + ", ".join(f"turn {t}: {v:.1f}" for t, v in zip(report_turns, ttft)))
    say("median ttft (ms):          " + ", ".join(f"turn {t}: {v:.1f}" for t, v in zip(report_turns, ttft_median))
        + f"  (ratio {ratio_median:.2f})")
    say("prompt tokens evaluated:   " + ", ".join(f"turn {t}: {detail[t][0] - detail[t][1]}" for t in report_turns))
    say(f"turns where the cached tokens stopped matching before the end of the cache (re-tokenized reply "
        f"differs from the sampled tokens): {lost or 'none'}")
    say(f"ratio turn {report_turns[-1]} / turn 1: {ratio:.3f} (target <= 1.3)")
    engine.unload()
    emit_json({"ttft_ms": [round(v, 1) for v in ttft], "ratio_20_to_1": round(ratio, 3)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
