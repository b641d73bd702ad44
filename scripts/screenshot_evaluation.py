"""Screenshot of the evaluation window (artifacts/evaluation.png by default) under Xvfb.

The bundled SmolLM2-135M (Q4_1) is re-quantized by llama.cpp's own quantizer into smaller types
(Q4_0, Q3_K_M, Q2_K; rows that do not fit a K-quant fall back to Q4_0, as llama.cpp decides), in
a throw-away folder; the real window then measures all four on the built-in bilingual text with
the Q4_1 file as the reference for KL divergence and top-1 agreement, and the picture is taken
with every result selected and charted. Nothing here is staged: the figures are measured.

    .venv/bin/python scripts/screenshot_evaluation.py [OUT.png]
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
TYPES = ("Q4_0", "Q3_K_M", "Q2_K")


def requantize(src: Path, folder: Path, types: tuple[str, ...] = TYPES) -> list[Path]:
    import llama_cpp

    out = []
    for name in types:
        params = llama_cpp.llama_model_quantize_default_params()
        params.ftype = getattr(llama_cpp, f"LLAMA_FTYPE_MOSTLY_{name}")
        params.allow_requantize = True
        dest = folder / f"SmolLM2-135M-Instruct.{name}.gguf"
        if llama_cpp.llama_model_quantize(str(src).encode(), str(dest).encode(), ctypes.byref(params)) != 0:
            raise SystemExit(f"llama.cpp could not quantize to {name}")
        out.append(dest)
    return out


def child(out: Path) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from chatdesk import paths
    from chatdesk.engine import default_model_path
    from chatdesk.ui.app.appearance import app_stylesheet

    tmp = Path(tempfile.mkdtemp(prefix="chatdesk-eval-shot-"))
    paths.set_data_dir(tmp / "data")
    paths.ensure_data_dir()
    reference = tmp / "SmolLM2-135M-Instruct.Q4_1.gguf"
    shutil.copyfile(default_model_path(), reference)
    models = [reference, *requantize(reference, tmp)]

    app = QApplication([])
    app.setStyleSheet(app_stylesheet())
    from chatdesk.ui.evaluation.evaluation_window import EvaluationWindow

    win = EvaluationWindow(models=[str(m) for m in models])
    win.resize(1240, 820)
    win.set_reference(str(reference))
    win.ctx.setValue(256)
    win.show()
    loop = QEventLoop()
    win.run_finished.connect(loop.quit)
    QTimer.singleShot(0, win.start_button.click)
    QTimer.singleShot(900_000, loop.quit)
    loop.exec()
    win.table.selectAll()
    for _ in range(20):
        app.processEvents()
    if len(win.chart.points()) != len(models):
        raise SystemExit(f"only {len(win.chart.points())} of {len(models)} results charted: {win.message_text()}")
    out.parent.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(out))
    print(f"{out}: {win.width()}×{win.height()}", flush=True)
    shutil.rmtree(tmp, ignore_errors=True)
    os._exit(0)


def main(out: Path) -> int:
    from xvfb_support import private_display

    with private_display() as display:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "CHATDESK_HOME")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8", LANGUAGE="")
        return subprocess.run([sys.executable, __file__, "--child", str(out)], env=env, check=False).returncode


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
    else:
        raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "evaluation.png"))
