"""Results as CSV (one row per evaluation, for a spreadsheet) and JSON (everything, for tools).

Pure functions over result dicts (``EvaluationResult.to_dict()``, as the child prints them and the
store keeps them): no files, no database, so the CLI, a window and the tests share them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

EXPORT_SCHEMA = "chatdesk.evaluation-export/1"

# CSV column -> path into the result dict.
COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("model", ("model", "name")),
    ("model_file", ("model", "path")),
    ("model_sha256", ("model", "sha256")),
    ("file_type", ("model", "file_type")),
    ("n_params", ("model", "n_params")),
    ("size_bytes", ("model", "size_bytes")),
    ("text", ("text", "name")),
    ("text_sha256", ("text", "sha256")),
    ("n_ctx", ("n_ctx",)),
    ("n_chunks", ("n_chunks",)),
    ("tokens", ("tokens",)),
    ("perplexity", ("perplexity",)),
    ("perplexity_error", ("perplexity_error",)),
    ("bits_per_token", ("bits_per_token",)),
    ("bits_per_byte", ("bits_per_byte",)),
    ("prompt_tokens_per_s", ("prompt_tokens_per_s",)),
    ("gen_tokens_per_s", ("gen_tokens_per_s",)),
    ("peak_rss_bytes", ("peak_rss_bytes",)),
    ("seconds", ("seconds",)),
    ("reference_kind", ("comparison", "kind")),
    ("reference", ("comparison", "name")),
    ("reference_sha256", ("comparison", "sha256")),
    ("reference_file_type", ("comparison", "file_type")),
    ("reference_perplexity", ("comparison", "reference_perplexity")),
    ("kl_divergence", ("comparison", "kl_divergence")),
    ("kl_p99", ("comparison", "kl_p99")),
    ("top1_agreement", ("comparison", "top1_agreement")),
    ("llama_cpp_python", ("provenance", "llama_cpp_python")),
    ("ggml_commit", ("provenance", "ggml_commit")),
    ("threads", ("provenance", "threads")),
    ("date", ("provenance", "date")),
)


def dig(result: Mapping[str, Any] | None, *path: str) -> Any:
    """``result[path[0]][path[1]]…``, or None where a level is missing (a result written by an
    older ChatDesk, or a figure that was not measured)."""
    value: Any = result
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def flat_row(result: Mapping[str, Any]) -> dict[str, Any]:
    """One evaluation as a flat mapping of the CSV columns (None where not measured)."""
    return {name: dig(result, *path) for name, path in COLUMNS}


def to_csv(results: Iterable[Mapping[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in COLUMNS], lineterminator="\n")
    writer.writeheader()
    for r in results:
        writer.writerow({k: ("" if v is None else v) for k, v in flat_row(r).items()})
    return out.getvalue()


def to_json(results: Iterable[Mapping[str, Any]]) -> str:
    return json.dumps({"schema": EXPORT_SCHEMA, "results": list(results)}, ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"
