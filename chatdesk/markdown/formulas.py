"""TeX formulas (``$…$``, ``$$…$$``) as images, for the chat view and the HTML export.

Why: models write formulas in TeX, and ``$\\frac{a}{b}$`` shown as source is hard to read, while
Markdown's own escapes used to eat ``\\,`` and friends. The parser (``dialect``) takes formulas
out of the Markdown *before* escapes are processed (mdit-py-plugins' dollarmath), and this
module draws each with matplotlib's mathtext (a TeX subset; no LaTeX installation, no network,
no JavaScript), as a ``data:`` image: SVG for the export (sharp at any zoom), PNG for Qt's rich
text (which draws PNG natively).

A formula mathtext cannot draw is shown as its source, in code style, never dropped. Drawing is
cached (formulas repeat while a reply streams) and serialised (matplotlib is not thread-safe).
"""

from __future__ import annotations

import base64
import io
import threading
from functools import lru_cache

_lock = threading.Lock()
MAX_CHARS = 2000  # longer "formulas" are shown as source: mathtext is slow on huge inputs
PNG_DPI = 144  # 1.5 x the usual 96 dpi: crisp on high-density screens, scaled down by width/height
FONT_SIZE = 13  # points; near the chat's body text


class MathError(ValueError):
    """mathtext cannot draw this formula (the caller shows its source instead)."""


@lru_cache(maxsize=512)
def formula_image(tex: str, *, display: bool = False, fmt: str = "svg", color: str = "#000000") -> tuple[str, int, int]:
    """``(data URI, width px, height px)`` of the formula ``tex`` (without its dollars).

    ``display``: a block formula (drawn larger); ``fmt``: "svg" or "png"; ``color``: the text
    colour. Raises MathError when mathtext cannot parse it.
    """
    if fmt not in ("svg", "png"):
        raise ValueError(f"fmt must be 'svg' or 'png', not {fmt!r}")
    source = tex.strip()
    if not source or len(source) > MAX_CHARS:
        raise MathError("empty or too long formula")
    with _lock:
        from matplotlib import mathtext
        from matplotlib.font_manager import FontProperties

        buf = io.BytesIO()
        size = FONT_SIZE * (1.25 if display else 1.0)
        try:
            mathtext.math_to_image(f"${source}$", buf, prop=FontProperties(size=size), dpi=PNG_DPI if fmt == "png" else 72,
                                           format=fmt, color=color)
        except Exception as exc:
            raise MathError(str(exc)) from exc
    data = buf.getvalue()
    width, height = _size(data, fmt)
    if fmt == "png":  # drawn at PNG_DPI, shown at 96 dpi CSS pixels
        width, height = round(width * 96 / PNG_DPI), round(height * 96 / PNG_DPI)
    else:  # SVG sizes are points
        width, height = round(width * 96 / 72), round(height * 96 / 72)
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}", width, height


def _size(data: bytes, fmt: str) -> tuple[float, float]:
    if fmt == "png":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    import re

    head = data[:2000].decode("utf-8", "replace")
    w = re.search(r'<svg[^>]*\bwidth="([\d.]+)', head)
    h = re.search(r'<svg[^>]*\bheight="([\d.]+)', head)
    return (float(w.group(1)) if w else 0.0), (float(h.group(1)) if h else 0.0)


def warm_up() -> None:
    """Import matplotlib and draw one formula (~1.5 s the first time, once per process), so the
    first ``$…$`` in a reply does not stall the thread that renders it. Safe on any thread."""
    formula_image("x^2", fmt="png")
