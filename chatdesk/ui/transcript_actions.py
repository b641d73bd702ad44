"""File → Export… / Import… for transcripts: file dialogs in front of ``chatdesk.archive``,
with the work on the thread pool and the outcome in the window's notice or error banner."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from chatdesk import archive
from chatdesk.transcripts import FORMATS
from chatdesk.ui.background import run_in_background

if TYPE_CHECKING:
    from chatdesk.ui.main_window import MainWindow


def export_conversations(window: MainWindow, ids: list[int] | None) -> None:
    """Export the given chats (None: all) on a background thread; errors go to the banner."""
    if ids is not None and not ids:
        window.banner.show_message("Open or select a chat to export first.", "info")
        return
    filters = ";;".join(f"{label} (*{ext})" for label, ext in FORMATS.values())
    path, chosen = QFileDialog.getSaveFileName(window, "Export chats", str(Path.home() / "chatdesk-export.md"), filters)
    if not path:
        return
    by_suffix = {ext: fmt for fmt, (_label, ext) in FORMATS.items()}
    fmt = next((f for f, (label, _ext) in FORMATS.items() if chosen.startswith(label)), by_suffix.get(Path(path).suffix, "md"))
    window.notice.show_message("Exporting…", "info")
    run_in_background(
        lambda: archive.export_conversations(window.store, ids, fmt, Path(path)),
        lambda n: window.notice.show_message(f"Exported {n} chat(s) to {path}.", "info"),
        lambda exc: (window.notice.hide(), window.banner.show_message(str(exc))),
    )


def import_transcript(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Import a ChatDesk JSON transcript", str(Path.home()), "ChatDesk transcript (*.json)")
    if not path:
        return

    def done(report: archive.ImportReport) -> None:
        window.notice.show_message(report.summary(), "info")
        window.refresh_sidebar()

    run_in_background(lambda: archive.import_file(window.store, Path(path)), done, lambda exc: window.banner.show_message(str(exc)))

