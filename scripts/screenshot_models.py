"""Screenshots of File → Models… (the library window) and Download from the Hub… under Xvfb.

Runs the real widgets on a private X display (tests/xvfb_support.py) against a throw-away data
folder: a library with the bundled model, a file of the user's, a converted checkpoint, a model
whose file vanished and a remote one; the download dialog lists a repository of the local Hub
stand-in (tests/hub_server.py) and is caught mid-download. Writes artifacts/library-window.png and
artifacts/download-dialog.png.

    .venv/bin/python scripts/screenshot_models.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
ARTIFACTS = ROOT / "artifacts"


def child() -> None:
    from hub_server import HubServer
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from chatdesk import paths
    from chatdesk.engine import default_model_path
    from chatdesk.library import Catalog

    def wait(condition, timeout_ms: int = 30_000) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: condition() and loop.quit())
        QTimer.singleShot(timeout_ms, loop.quit)
        timer.start()
        loop.exec()
        timer.stop()

    tmp = Path(tempfile.mkdtemp(prefix="chatdesk-shots-"))
    data = tmp / "data"
    paths.set_data_dir(data)
    os.environ["CHATDESK_HOME"] = str(data)
    bundled = default_model_path()
    mine = tmp / "My models" / "SmolLM2-135M-Instruct-finetune.Q4_1.gguf"
    mine.parent.mkdir(parents=True)
    os.link(bundled, mine) if bundled.stat().st_dev == mine.parent.stat().st_dev else shutil.copyfile(bundled, mine)
    gone = tmp / "My models" / "old-experiment.Q8_0.gguf"
    shutil.copyfile(mine, gone)
    lib = Catalog.open()
    lib.add_file(mine, name="My fine-tune")
    lib.add_file(gone, name="Old experiment")
    gone.unlink()
    (data / "models").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundled, data / "models" / "shakespeare-char-q8_0.gguf")
    lib.reload()
    lib.add_remote("http://192.168.1.20:8080/v1", "qwen2.5-7b-instruct", name="Qwen2.5 7B Instruct", context_length=32768)

    app = QApplication([])
    from chatdesk.ui.models.download_dialog import DownloadDialog
    from chatdesk.ui.models.library_window import LibraryWindow

    win = LibraryWindow(current_key=str(bundled))
    win.resize(1240, 420)
    win.show()
    wait(lambda: len(win.entries()) == 5 and not win.busy)
    win.select(lib.default().id)
    app.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    win.grab().save(str(ARTIFACTS / "library-window.png"))

    repo = "acme/SmolLM2-135M-Instruct-GGUF"
    with HubServer() as hub:
        hub.add_repo(repo, {"SmolLM2-135M-Instruct.Q4_1.gguf": bundled, "SmolLM2-135M-Instruct.Q2_K.gguf": b"GGUF" * 9000,
                            "SmolLM2-135M-Instruct.Q8_0.gguf": b"GGUF" * 40000, "README.md": b"# model\n"})
        os.environ["HF_ENDPOINT"] = hub.endpoint
        os.environ.pop("HF_HUB_OFFLINE", None)
        hub.faults.rate_bps = 20e6
        hub.faults.gate_at = bundled.stat().st_size * 2 // 5
        dlg = DownloadDialog(lib)
        dlg.show()
        dlg.repo.setText(repo)
        dlg.list_files()
        wait(lambda: dlg.files.rowCount() == 3)
        dlg.files.selectRow(dlg.file_names().index("SmolLM2-135M-Instruct.Q4_1.gguf"))
        dlg.download_selected()
        wait(lambda: hub.gate_reached.is_set() and "left" in dlg.progress_label.text())
        app.processEvents()
        dlg.grab().save(str(ARTIFACTS / "download-dialog.png"))
        dlg.cancel()
        hub.gate_open.set()
        wait(lambda: not dlg.downloading)
    win.close()
    dlg.close()
    shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", ARTIFACTS / "library-window.png", "and", ARTIFACTS / "download-dialog.png")


def main() -> int:
    from xvfb_support import private_display

    with private_display() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        return subprocess.run([sys.executable, __file__, "--child"], env=env, check=False).returncode


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        raise SystemExit(main())
