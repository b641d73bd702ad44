"""A collection whose indexing did not finish resumes by itself when the window starts, and the
window's indexing goes on when the Documents panel closes. Real window, real embedding model,
real SQLite index (offscreen)."""

from __future__ import annotations

import threading
from pathlib import Path

from tests_gui_support import make_window

from chatdesk import paths
from chatdesk.documents import DocumentIndex, index_collection
from chatdesk.engine.embedder import Embedder
from chatdesk.library.embedding_default import embedding_model_id, embedding_model_path
from chatdesk.ui.documents import feature as documents_feature

TIMEOUT_MS = 300_000


def _notes(tmp_path: Path, count: int = 150) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(count):
        (folder / f"note{i}.txt").write_text(f"Note {i}: the ferry to island {i} leaves at {i + 6} o'clock.\n",
                                             encoding="utf-8")
    return folder


def _interrupted_run(folder: Path) -> None:
    """Index one file of the collection, then stop, as a crash or a quit would leave it."""
    paths.ensure_data_dir()
    model = embedding_model_path()
    cancel = threading.Event()
    with Embedder(model) as embedder, DocumentIndex(paths.documents_index_path()) as index:
        index.add_paths("notes", [str(folder)])
        report = index_collection(index, "notes", embedder=embedder, embed_model_id=embedding_model_id(model),
                                  progress=lambda _p: cancel.set(), cancel=cancel)
        assert report.cancelled
        assert index.unfinished() == ["notes"]
        assert index.info("notes").indexed < 150  # stopped part-way


def test_an_unfinished_collection_resumes_at_start(qtbot, data_dir, model_path, tmp_path, monkeypatch):
    monkeypatch.setattr(documents_feature, "RESUME_DELAY_MS", 200)
    _interrupted_run(_notes(tmp_path))
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        with qtbot.waitSignal(win.documents.runner.finished, timeout=TIMEOUT_MS) as done:
            win.start()
        name, report = done.args
        assert name == "notes" and not report.cancelled
        qtbot.waitUntil(lambda: win.banner.isVisible() and "notes" in win.banner.text(), timeout=10_000)
        with DocumentIndex(paths.documents_index_path()) as index:
            assert index.unfinished() == []
            info = index.info("notes")
            assert info.files == 150 and info.indexed == 150
    finally:
        win.close()
        store.close()


def test_a_new_empty_collection_is_not_indexed_at_start(qtbot, data_dir, model_path, monkeypatch):
    monkeypatch.setattr(documents_feature, "RESUME_DELAY_MS", 0)
    paths.ensure_data_dir()
    with DocumentIndex(paths.documents_index_path()) as index:
        index.add_paths("empty", [])
        assert index.unfinished() == ["empty"]
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        started: list[str] = []
        win.documents.runner.started.connect(started.append)
        win.documents.resume_unfinished()
        qtbot.wait(1500)  # the background read has long answered: nothing may start
        assert started == [] and not win.documents.runner.busy
    finally:
        win.close()
        store.close()


def test_closing_the_panel_leaves_the_windows_indexing_running(qtbot, data_dir, model_path, tmp_path, monkeypatch):
    monkeypatch.setattr(documents_feature, "RESUME_DELAY_MS", 3_600_000)  # no resume in this test
    folder = _notes(tmp_path, count=6)
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        panel = win.documents.show()
        with qtbot.waitSignal(panel.collections_changed, timeout=60_000):
            panel.create_collection("notes", [str(folder)])
        qtbot.waitUntil(lambda: panel.current_name() == "notes" and panel.index_button.isEnabled(), timeout=60_000)
        with qtbot.waitSignal(win.documents.runner.finished, timeout=TIMEOUT_MS) as done:
            panel.start_indexing()
            assert win.documents.runner.busy
            panel.close()
        assert done.args[0] == "notes" and not done.args[1].cancelled
        # Opened again, the panel shows the finished collection.
        panel = win.documents.show()
        qtbot.waitUntil(lambda: getattr(panel, "_infos", {}).get("notes") is not None
                        and panel._infos["notes"].indexed == 6, timeout=60_000)
        assert panel.index_button.isEnabled() and not panel._infos["notes"].needs_indexing
    finally:
        win.close()
        store.close()
