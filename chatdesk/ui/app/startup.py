"""Application start-up: data folder, database, settings, window; every failure in words.

The interface language (Qt translators) and the colour theme are set first, from settings.json,
before anything is shown: a message box about a failed start speaks the user's language too.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from chatdesk import __version__, paths
from chatdesk.engine import early_load
from chatdesk.engine.types import LocalSource
from chatdesk.settings import AppSettings, load_settings
from chatdesk.store import StoreError
from chatdesk.ui.app import i18n
from chatdesk.ui.app.appearance import app_icon, app_stylesheet, theme_manager
from chatdesk.ui.app.i18n import localized

if TYPE_CHECKING:
    from chatdesk.ui.app.gc_guard import MainThreadCollector
    from chatdesk.ui.app.single_instance import SingleInstance


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def _fatal(app: QApplication, message: str) -> int:
    print(f"ChatDesk: {message}", file=sys.stderr, flush=True)
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("ChatDesk cannot start"), message)
    QTimer.singleShot(0, box.raise_)
    if QApplication.platformName() not in ("offscreen", "minimal"):
        box.exec()
    return 2


def run_gui(model: str | None = None, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("ChatDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("chatdesk")
    app.setWindowIcon(app_icon())
    app.setStyleSheet(app_stylesheet())
    prefs = load_settings()  # unreadable or missing: defaults (never fails)
    i18n.install(app, prefs.language)  # before any widget: they take their words when built
    theme_manager(app, prefs.theme)
    from chatdesk.ui.app.gc_guard import MainThreadCollector

    collector = MainThreadCollector(app)  # Qt objects in garbage are destroyed on their own thread
    try:
        return _run(app, model, prefs, collector)
    finally:
        collector.stop()
        i18n.uninstall(app)  # the application is left as it was found (it may live on, e.g. in tests)


def _run(app: QApplication, model: str | None, prefs: AppSettings, collector: MainThreadCollector) -> int:
    try:
        paths.ensure_data_dir()
    except paths.DataDirError as exc:
        return _fatal(app, localized(exc))
    from chatdesk.ui.app.single_instance import SingleInstance

    instance = SingleInstance(paths.data_dir())
    if not instance.acquire():
        # Another ChatDesk owns this data folder: bring its window forward instead of opening a
        # second window on the same database (which would also mark its streaming reply as
        # interrupted).
        if instance.ask_first_to_show():
            print(_tr("ChatDesk is already running with {folder}; switched to its window.").format(folder=paths.data_dir()),
                  file=sys.stderr, flush=True)
            return 0
        return _fatal(
            app,
            _tr("ChatDesk is already running with the data folder {folder} ({holder}), but it does not answer. "
                "Close it (or end that process) and start ChatDesk again.").format(folder=paths.data_dir(), holder=instance.holder()),
        )
    from chatdesk.ui.shell.model_actions import startup_model

    # --model, else the library's default (a path remembered in settings.json is adopted into it).
    start = startup_model(model, prefs)
    settings, model_path, label, model_error = start.settings, start.key, start.label, start.error
    if model_path and not model_error:
        _begin_model_load(model_path, settings)
    try:
        return _run_window(app, model_path, label, model_error, start.notice, settings, instance, collector)
    finally:
        early_load.discard()  # a start-up load the window never took (it failed to open, or loaded another)


def _begin_model_load(key: str, settings: AppSettings) -> None:
    """Start loading the start-up model now, on its own thread, while the database opens and the
    window is built; the window's first load of it takes it over (``chatdesk/engine/early_load.py``)."""
    from chatdesk.library.resolve import source_for

    source = source_for(key, settings.load)
    if isinstance(source, LocalSource):
        early_load.start(source, paths.model_checks_path())


def _run_window(app: QApplication, model_path: str, label: str | None, model_error: str | None, notice: str | None,
                settings: AppSettings, instance: SingleInstance, collector: MainThreadCollector) -> int:
    from chatdesk.store import Store  # usually loaded already by the preload thread (chatdesk.cli)

    try:
        store = Store(paths.database_path(), paths.backups_dir())
        interrupted = store.mark_interrupted()
        store.purge_trash(0)  # deletions whose undo window closed with the app
    except (paths.DataDirError, StoreError) as exc:
        return _fatal(app, localized(exc))

    from chatdesk.ui.shell.main_window import MainWindow  # after QApplication exists

    window = MainWindow(store, settings, model_path or "", label)
    instance.connect_activation(window.bring_to_front)
    window.show()
    if model_error:
        window.refresh_sidebar()
        window.banner.show_message(model_error)
    else:
        window.start()
    if notice:
        window.notice.show_message(notice, "info")
    if interrupted:
        count = len(interrupted)
        window.notice.show_message(
            QCoreApplication.translate(
                "App", "%n reply(s) were interrupted when ChatDesk last closed. Right-click one to Continue or Regenerate it.",
                "", count),
            "info",
        )
    collector.settle()  # the start-up heap is frozen: later full collections do not walk it
    code = app.exec()
    window.inference.shutdown(2000)
    store.close()
    instance.release()
    return code
