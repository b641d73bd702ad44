#!/usr/bin/env python3
"""Render ChatDesk's application icon from its SVG into the PNG sizes desktops and Qt ask for.

The SVG (assets/icons/hicolor/scalable/apps/chatdesk.svg) is the only drawing; every PNG in
assets/icons/hicolor/<N>x<N>/apps/ is made from it here with Qt's own SVG renderer (QtSvg is
part of PySide6-Essentials), so the result depends on nothing but the pinned Qt. Small sizes
matter: window managers and task bars use 16-48 px, and a PNG rendered for that size looks
sharper than the big one scaled down at run time.

    .venv/bin/python scripts/render_icons.py            # (re)write the PNGs
    .venv/bin/python scripts/render_icons.py --check    # exit 1 if a PNG no longer matches the SVG
    .venv/bin/python scripts/render_icons.py --out DIR  # write the hicolor tree somewhere else

The same Qt version writes byte-identical files, so re-running it on unchanged input changes
nothing in git.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
HICOLOR = ROOT / "assets" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / "chatdesk.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
# Largest per-channel difference --check accepts: another Qt release may anti-alias an edge
# pixel slightly differently; a changed drawing differs by far more.
TOLERANCE = 8


def png_path(root: Path, size: int) -> Path:
    return root / f"{size}x{size}" / "apps" / "chatdesk.png"


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG file (Qt could not parse it).")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def max_difference(a: QImage, b: QImage) -> int:
    """Largest difference of any channel of any pixel (255 when the sizes differ)."""
    if a.size() != b.size():
        return 255
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    da, db = bytes(a.constBits()), bytes(b.constBits())
    return max((abs(x - y) for x, y in zip(da, db)), default=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare the PNGs with a fresh rendering; write nothing")
    parser.add_argument("--out", type=Path, default=HICOLOR, help="hicolor folder to write (default: assets/icons/hicolor)")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(["render_icons", "-platform", "offscreen"])

    stale = []
    for size in SIZES:
        image = render(SVG, size)
        target = png_path(args.out, size)
        if args.check:
            existing = QImage(str(target))
            if existing.isNull() or max_difference(existing, image) > TOLERANCE:
                stale.append(str(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"Could not write {target}.")
        print(f"{target} ({size}x{size})")
    if stale:
        print("Out of date with chatdesk.svg (run scripts/render_icons.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
