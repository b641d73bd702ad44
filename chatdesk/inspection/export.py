"""The inspection as JSON (format documented in docs/inspection.md), written as a stream.

Attention is the bulk: [layer][head][query][key] with key ≤ query is n_layer · n_head · T(T+1)/2
numbers (35 million for 512 tokens of SmolLM2). ``write_json`` therefore writes it one row at a
time from the memory-mapped files and never builds the whole document in memory; ``to_data``
builds it as a dict for small inspections and tests. Probabilities and weights are rounded to
``DECIMALS`` places (the stored attention is exact to 7.6e-6 anyway); NaN becomes null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from chatdesk.inspection.errors import InspectionError
from translatable import msg

if TYPE_CHECKING:
    from chatdesk.inspection.head import LensRows
    from chatdesk.inspection.result import Inspection

FORMAT = "chatdesk-inspection"
VERSION = 1
DECIMALS = 6


def _floats(values: np.ndarray, decimals: int = DECIMALS) -> list[float | None]:
    arr = np.round(np.asarray(values, dtype=np.float64), decimals)
    return [None if v != v else v for v in arr.tolist()]  # NaN -> null


def _pairs(lens: LensRows) -> list[list[list[float | int]]]:
    probs = np.round(lens.probs.astype(np.float64), DECIMALS).tolist()
    return [[[int(i), p] for i, p in zip(ids, ps)] for ids, ps in zip(lens.ids.tolist(), probs)]


def chosen_layers(result: Inspection, layers: Iterable[int] | None) -> list[int]:
    """The layers an export covers: those asked for (default: those whose attention was kept)."""
    chosen = list(result.attention_layers) if layers is None else sorted({int(il) for il in layers})
    missing = [il for il in chosen if il not in result.attention_layers]
    if missing:
        raise InspectionError(msg("The attention of layer {layer} was not recorded in this inspection.", layer=missing[0]))
    return chosen


def header(result: Inspection, layers: list[int]) -> dict[str, Any]:
    """Everything but the attention, as a JSON-ready dict."""
    m = result.model
    lens = [result.logit_lens(il) for il in layers]
    return {
        "format": FORMAT,
        "version": VERSION,
        "model": {"path": m.path, "name": m.name, "architecture": m.architecture, "file_type": m.file_type,
                  "n_layer": m.n_layer, "n_head": m.n_head, "n_head_kv": m.n_head_kv, "n_embd": m.n_embd,
                  "n_vocab": m.n_vocab, "n_ctx_train": m.n_ctx_train},
        "n_layer": m.n_layer,
        "n_head": m.n_head,
        "layers": layers,
        "prompt_tokens": result.prompt_tokens,
        "tokens": [{"id": t.id, "text": t.text} for t in result.tokens],
        "top_k": result.top_k,
        "logit_lens": [_pairs(lr) for lr in lens],
        "next_token_probability": [_floats(lr.target_probs) for lr in lens],
        "output": _pairs(result.output),
        "output_next_token_probability": _floats(result.output.target_probs),
        "residual_norms": [_floats(result.residual_norms[il], 4) for il in layers],
        "contributions": {
            "input": _floats(result.input_norms, 4),
            "token_embedding": None if result.token_embedding_norms is None else _floats(result.token_embedding_norms, 4),
            "position_embedding": None if result.position_embedding_norms is None
            else _floats(result.position_embedding_norms, 4),
            "attention": [_floats(result.attention_norms[il], 4) for il in layers],
            "ffn": [_floats(result.ffn_norms[il], 4) for il in layers],
        },
        "checks": {k: round(float(v), 8) for k, v in result.checks.items()},
    }


def _attention_rows(result: Inspection, il: int, head: int) -> Iterable[list[float | None]]:
    for q in range(result.n_tokens):
        yield _floats(result.files.attention_row(il, head, q))


def to_data(result: Inspection, layers: Iterable[int] | None = None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    chosen = chosen_layers(result, layers)
    data = {**header(result, chosen), **(extra or {})}
    data["attention"] = [[list(_attention_rows(result, il, h)) for h in range(result.model.n_head)] for il in chosen]
    return data


def write_json(result: Inspection, out: IO[str], layers: Iterable[int] | None = None,
               extra: dict[str, Any] | None = None) -> None:
    """Write the documented JSON to a text stream, attention row by row; ``extra`` adds top-level
    keys (``chatdesk inspect`` adds ``source`` and ``notes``)."""
    chosen = chosen_layers(result, layers)
    head = json.dumps({**header(result, chosen), **(extra or {})}, ensure_ascii=False, allow_nan=False)
    out.write(head[:-1])  # reopen the object to append "attention" last
    out.write(', "attention": [')
    for li, il in enumerate(chosen):
        out.write("[" if li == 0 else ",\n[")
        for h in range(result.model.n_head):
            out.write("[" if h == 0 else ",[")
            for q, row in enumerate(_attention_rows(result, il, h)):
                if q:
                    out.write(",")
                out.write(json.dumps(row, allow_nan=False))
            out.write("]")
        out.write("]")
    out.write("]}\n")


def write_json_file(result: Inspection, path: str | Path, layers: Iterable[int] | None = None,
                    extra: dict[str, Any] | None = None) -> Path:
    """``write_json`` to ``path`` through a temporary file renamed into place (no half-written file)."""
    import os
    import tempfile

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".partial", dir=str(target.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            write_json(result, fh, layers, extra)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
