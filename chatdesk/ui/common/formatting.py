"""Numbers as people read them, shared by the model library and the evaluation results."""

from __future__ import annotations


def human_size(n: int | None) -> str:
    if not n:
        return "—"
    if n >= 1 << 30:
        return f"{n / (1 << 30):.2f} GB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{max(n, 0) / 1024:.0f} KB"
