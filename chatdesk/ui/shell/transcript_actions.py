"""File → Export… / Import… for transcripts: file dialogs in front of ``chatdesk.archive``,
with the work on the thread pool and the outcome in the window's notice or error banner."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog

from chatdesk import archive
from chatdesk.store import StoreError
from chatdesk.transcripts import FORMATS, export_target, safe_file_stem
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background

if TYPE_CHECKING:
    from chatdesk.ui.shell.main_window import MainWindow

# The export formats' names as the file dialog shows them (chatdesk.transcripts.FORMATS, in words).
FORMAT_NAMES = {
    "md": QT_TRANSLATE_NOOP("TranscriptActions", "Markdown"),
    "json": QT_TRANSLATE_NOOP("TranscriptActions", "ChatDesk JSON (all branches, re-importable)"),
    "html": QT_TRANSLATE_NOOP("TranscriptActions", "Web page (HTML)"),
    "txt": QT_TRANSLATE_NOOP("TranscriptActions", "Plain text"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TranscriptActions", text)


def format_label(fmt: str) -> str:
    return _tr(FORMAT_NAMES[fmt]) if fmt in FORMAT_NAMES else FORMATS[fmt][0]


def suggested_path(window: MainWindow, ids: list[int] | None) -> Path:
    """The save dialog's proposal: the chat's title as the file name (all chats: chatdesk-export),
    in the folder of the last export (else the home folder)."""
    folder = Path(window.settings.export_folder) if window.settings.export_folder else Path.home()
    if not folder.is_dir():
        folder = Path.home()
    name = "chatdesk-export"
    if ids is not None and len(ids) == 1:
        try:
            conv = window.store.get_conversation(ids[0])
        except StoreError:
            conv = None
        if conv is not None and conv.title:
            name = safe_file_stem(conv.title)
    return folder / f"{name}.md"


def export_conversations(window: MainWindow, ids: list[int] | None) -> None:
    """Export the given chats (None: all) on a background thread; errors go to the banner."""
    if ids is not None and not ids:
        window.banner.show_message(_tr("Open or select a chat to export first."), "info")
        return
    labels = {fmt: format_label(fmt) for fmt in FORMATS}
    filters = ";;".join(f"{labels[fmt]} (*{ext})" for fmt, (_label, ext) in FORMATS.items())
    path, chosen = QFileDialog.getSaveFileName(window, _tr("Export chats"), str(suggested_path(window, ids)), filters)
    if not path:
        return
    chosen_fmt = next((f for f, label in labels.items() if chosen.startswith(label)), None)
    target, fmt = export_target(path, chosen_fmt)  # the typed extension wins; none typed: the chosen format's
    path = str(target)
    window.set_settings(replace(window.settings, export_folder=str(target.parent)))
    window.notice.show_message(_tr("Exporting…"), "info")
    run_in_background(
        lambda: archive.export_conversations(window.store, ids, fmt, Path(path)),
        lambda n: window.notice.show_message(
            QCoreApplication.translate("TranscriptActions", "Exported %n chat(s) to {path}.", "", n).format(path=path), "info"),
        lambda exc: (window.notice.hide(), window.banner.show_message(localized(exc))),
    )


def import_summary(report: archive.ImportReport) -> str:
    """The import's outcome in the interface's language (``ImportReport.summary`` in words)."""
    in_file, conversations, messages = report.conversations_in_file, report.new_conversations, report.new_messages
    if not conversations and not messages:
        return QCoreApplication.translate(
            "TranscriptActions", "Nothing new: all %n conversation(s) in the file are already in ChatDesk.", "", in_file)
    return _tr("Imported {conversations} and {messages}.").format(
        conversations=QCoreApplication.translate("TranscriptActions", "%n conversation(s)", "", conversations),
        messages=QCoreApplication.translate("TranscriptActions", "%n message(s)", "", messages),
    )


def import_transcript(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, _tr("Import a ChatDesk JSON transcript"), str(Path.home()),
                                          _tr("ChatDesk transcript (*.json)"))
    if not path:
        return

    def done(report: archive.ImportReport) -> None:
        window.notice.show_message(import_summary(report), "info")
        window.refresh_sidebar()

    run_in_background(lambda: archive.import_file(window.store, Path(path)), done, lambda exc: window.banner.show_message(localized(exc)))
