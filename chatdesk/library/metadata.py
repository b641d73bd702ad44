"""What a GGUF says about itself, turned into the fields of a ``ModelEntry``.

The parsing is ``chatdesk.engine.gguf_check.check_gguf`` (the ``gguf`` package reads the header
and metadata without loading weights); this module only maps its summary to library fields and
reads a quantization label from a file name, which is all the Hub tells before a download.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

# llama.cpp's quantization labels as they appear in file names ("qwen2.5-0.5b-instruct-q4_k_m.gguf",
# "SmolLM2-360M-Instruct.Q8_0.gguf", "Qwen3-0.6B-BF16.gguf"). Longest alternatives first.
_QUANT = re.compile(
    r"(?<![A-Za-z0-9])("
    r"IQ[1-4]_(?:XXS|XS|NL|S|M)"
    r"|Q[2-6]_K_(?:XL|S|M|L)|Q[2-8]_K|Q[4-8]_[01]"
    r"|TQ[12]_0|MXFP4|BF16|FP16|F16|FP32|F32"
    r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"-(\d{5})-of-(\d{5})\.gguf$", re.IGNORECASE)


def quantization_from_name(filename: str) -> str:
    """The quantization label in a GGUF file name ("Q4_K_M"), or "" when it names none."""
    stem = PurePosixPath(filename).name
    found = _QUANT.findall(stem)
    if not found:
        return ""
    label = found[-1].upper()
    return {"FP16": "F16", "FP32": "F32"}.get(label, label)


def split_part(filename: str) -> tuple[int, int] | None:
    """(part, of) for llama.cpp's split files ("model-00001-of-00003.gguf"), else None."""
    m = _SPLIT.search(filename)
    return (int(m.group(1)), int(m.group(2))) if m else None


def license_of(metadata: dict[str, Any]) -> str | None:
    """The licence the GGUF states (general.license, else general.license.name), if any."""
    lic = metadata.get("general.license")
    name = metadata.get("general.license.name")
    if isinstance(lic, str) and lic.strip() and lic.strip().lower() != "other":
        return lic.strip()
    if isinstance(name, str) and name.strip():
        return name.strip()
    return lic.strip() if isinstance(lic, str) and lic.strip() else None


# The converter's provenance keys (converters/gguf_output.py) and the names the library uses.
CONVERSION_KEYS = {
    "chatdesk.source.format": "source_format",
    "chatdesk.source.file": "source_file",
    "chatdesk.source.sha256": "source_sha256",
    "chatdesk.converter.version": "converter_version",
    "chatdesk.tokenizer.kind": "tokenizer_kind",
    "chatdesk.training.iter_num": "training_step",
    "chatdesk.training.best_val_loss": "val_loss",
}


def conversion_of(metadata: dict[str, Any]) -> dict[str, Any] | None:
    """A converted checkpoint's provenance (source SHA-256, training step, validation loss ...),
    or None when the GGUF was not written by ChatDesk's converter."""
    out: dict[str, Any] = {}
    for key, name in CONVERSION_KEYS.items():
        value = metadata.get(key)
        if value is None:
            continue
        if name == "training_step":
            value = int(value)
        elif name == "val_loss":
            value = round(float(value), 6)
        else:
            value = str(value)
        out[name] = value
    return out or None


def entry_fields(summary: Any, filename: str) -> dict[str, Any]:
    """ModelEntry fields from a ``GGUFSummary`` (architecture, size, quantization, licence...)."""
    file_type = str(getattr(summary, "file_type", "") or "")
    quant = file_type.replace("ALL_", "").replace("MOSTLY_", "")
    if not quant or quant == "unknown" or quant.startswith("type "):
        quant = quantization_from_name(filename) or quant
    from chatdesk.engine.embedding_facts import is_embedding_model

    metadata = dict(summary.metadata or {})
    return {
        "name": str(summary.name or PurePosixPath(filename).stem),
        "kind": "embedding" if is_embedding_model(metadata, str(summary.architecture)) else "chat",
        "architecture": str(summary.architecture),
        "parameters": int(summary.n_params),
        "quantization": quant,
        "context_length": int(summary.context_length),
        "file_size": int(summary.size_bytes),
        "chat_template": bool(summary.chat_template),
        "license": license_of(metadata),
        "conversion": conversion_of(metadata),
    }
