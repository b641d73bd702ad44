"""The start-up model load begins before the window exists and the window's worker takes it over
(chatdesk/engine/early_load.py): one load, on the early thread, with the usual result and errors."""

from __future__ import annotations

import threading

import pytest

from chatdesk.engine import LoadSettings, early_load
from chatdesk.engine.llama_engine import LlamaEngine
from chatdesk.engine.types import LocalSource


@pytest.fixture
def loads(monkeypatch):
    """The threads that ran ``LlamaEngine.load_source``, and the engines unloaded."""
    seen: dict[str, list] = {"threads": [], "unloaded": []}
    original_load, original_unload = LlamaEngine.load_source, LlamaEngine.unload

    def load_source(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen["threads"].append(threading.current_thread().name)
        return original_load(self, *args, **kwargs)

    def unload(self):  # type: ignore[no-untyped-def]
        if self.loaded:
            seen["unloaded"].append(self)
        original_unload(self)

    monkeypatch.setattr(LlamaEngine, "load_source", load_source)
    monkeypatch.setattr(LlamaEngine, "unload", unload)
    yield seen
    early_load.discard()


def _worker(data_dir):  # type: ignore[no-untyped-def]
    from chatdesk.ui.inference.worker import InferenceWorker

    worker = InferenceWorker(None, data_dir / "model-checks.json")
    results: list = []
    worker.load_finished.connect(lambda info: results.append(("loaded", info)))
    worker.load_failed.connect(lambda failure: results.append(("failed", failure)))
    return worker, results


def test_the_worker_takes_over_the_start_up_load(qtbot, data_dir, model_path, loads):
    source = LocalSource(model_path, LoadSettings(n_ctx=512))
    early = early_load.start(source, data_dir / "model-checks.json")
    worker, results = _worker(data_dir)
    fractions: list[float] = []
    worker._set_fraction = fractions.append  # type: ignore[method-assign]  # the progress the window polls
    worker.load(source)  # a slot, called here on the test's thread
    try:
        assert [kind for kind, _ in results] == ["loaded"]
        assert results[0][1].path == model_path and results[0][1].n_ctx == 512
        assert worker.engine is not None and worker.engine.loaded
        assert loads["threads"] == ["chatdesk-early-load"]  # loaded once, before the worker asked
        assert early.done and early_load.claim(source) is None  # taken: nothing left to claim
        assert fractions and fractions[-1] == pytest.approx(1.0)
    finally:
        worker.shutdown()


def test_a_load_of_another_source_drops_the_early_one(qtbot, data_dir, model_path, loads):
    early_load.start(LocalSource(model_path, LoadSettings(n_ctx=512)), data_dir / "model-checks.json")
    worker, results = _worker(data_dir)
    other = LocalSource(model_path, LoadSettings(n_ctx=256))
    worker.load(other)
    try:
        assert [kind for kind, _ in results] == ["loaded"] and results[0][1].n_ctx == 256
        assert len(loads["threads"]) == 2 and loads["threads"][1] != "chatdesk-early-load"
        assert len(loads["unloaded"]) == 1 and loads["unloaded"][0] is not worker.engine  # the early copy was freed
    finally:
        worker.shutdown()


def test_a_failed_early_load_is_the_worker_s_failed_load(qtbot, data_dir, tmp_path, loads):
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 10)
    source = LocalSource(str(bad))
    early_load.start(source, data_dir / "model-checks.json")
    worker, results = _worker(data_dir)
    worker.load(source)
    assert [kind for kind, _ in results] == ["failed"]
    failure = results[0][1]
    assert failure.key == str(bad) and "broken.gguf" in failure.message and failure.still_loaded is None
    assert worker.engine is None and loads["threads"] == ["chatdesk-early-load"]


def test_discard_frees_a_load_nobody_took(data_dir, model_path, loads):
    early_load.start(LocalSource(model_path, LoadSettings(n_ctx=256)), data_dir / "model-checks.json")
    early_load.discard()
    assert len(loads["unloaded"]) == 1 and early_load.claim(LocalSource(model_path, LoadSettings(n_ctx=256))) is None


def test_a_chat_held_with_the_loaded_file_under_another_name_loads_nothing(qtbot, data_dir, model_path, tmp_path, monkeypatch):
    """The start-up model's key and the path a chat recorded (the loaded file's real path) may
    differ, e.g. through a symlinked folder: opening that chat must not load the file again."""
    from tests_gui_support import make_window

    link = tmp_path / "linked.gguf"
    link.symlink_to(model_path)
    win, store = make_window(qtbot, data_dir, model_path)
    try:
        conv = store.create_conversation("held through a link", model_path=str(link))
        asked: list = []
        monkeypatch.setattr(win.inference, "request_load", asked.append)
        win.open_conversation(conv.id, None)
        assert asked == []
    finally:
        win.close()
        store.close()
