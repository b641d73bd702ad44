"""Shared fixtures. Every test gets its own data directory: no test touches a real profile."""

from __future__ import annotations

import os
import threading

import pytest

from chatdesk import paths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Point every ChatDesk location at a fresh temp folder (env var and override both)."""
    home = tmp_path / "chatdesk-home"
    monkeypatch.setenv(paths.ENV_HOME, str(home))
    paths.set_data_dir(home)
    yield home
    paths.set_data_dir(None)


@pytest.fixture(scope="session")
def model_path():
    from chatdesk.engine import default_model_path

    return str(default_model_path())


@pytest.fixture(scope="session")
def engine(model_path, tmp_path_factory):
    """One real llama.cpp engine with the bundled model, shared by the engine tests."""
    from chatdesk.engine import LoadSettings
    from chatdesk.engine.llama_engine import LlamaEngine

    eng = LlamaEngine(tmp_path_factory.mktemp("checks") / "model-checks.json")
    eng.load(model_path, LoadSettings(n_ctx=2048))
    yield eng
    eng.unload()


@pytest.fixture
def store(data_dir):
    from chatdesk.store import Store

    s = Store(data_dir / "chatdesk.sqlite3", data_dir / "backups")
    yield s
    s.close()


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(request):
    """Qt tests collect garbage on the GUI thread only, as the app does (chatdesk.ui.app.gc_guard):
    a window left in a reference cycle by one test was once destroyed by a collection that ran
    on a thread-pool thread of the next test, and the run died with a segmentation fault."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    import gc

    from chatdesk.ui.app.gc_guard import MainThreadCollector

    request.getfixturevalue("qapp")
    collector = MainThreadCollector()
    yield
    collector.stop()
    gc.collect()


@pytest.fixture(autouse=True)
def no_leaked_qthreads(request):
    """Fail any test that leaves a QThread running (a leaked worker would outlive its window)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    leaked = [t for t in _live_qthreads() if t.isRunning()]
    for t in leaked:
        t.quit()
        t.wait(3000)
    assert not leaked, f"test leaked running QThread(s): {[t.objectName() for t in leaked]}"


def _live_qthreads():
    import gc
    import warnings

    from PySide6.QtCore import QThread

    with warnings.catch_warnings():  # isinstance() on some torch proxies warns
        warnings.simplefilter("ignore")
        return [o for o in gc.get_objects() if isinstance(o, QThread)]


def pytest_runtest_logstart(nodeid, location):
    """Name the test about to run in $CHATDESK_TEST_TRACE (scripts/dev.sh sets it): if the whole
    process dies (a segmentation fault in Qt or llama.cpp), pytest prints nothing about which test
    it was, and dev.sh reads the name from there. Under xdist the controller names it instead."""
    trace = os.environ.get("CHATDESK_TEST_TRACE")
    if trace and not os.environ.get("PYTEST_XDIST_WORKER"):
        with open(trace, "w", encoding="utf-8") as f:
            f.write(nodeid)


def pytest_report_header(config):
    return f"python threads at start: {threading.active_count()}"


@pytest.fixture(scope="session")
def llama_server(model_path):
    """A real ``python -m llama_cpp.server`` with the bundled model, shared by the session."""
    import httpx2
    from llama_server_support import STARTUP_TIMEOUT_S, LlamaServer

    server = LlamaServer(model_path)
    try:
        if not server.wait_for_line("Uvicorn running on", STARTUP_TIMEOUT_S):
            pytest.fail("llama_cpp.server did not start:\n" + "\n".join(server.lines))
        resp = httpx2.get(f"{server.base_url}/models", timeout=30)
        assert resp.status_code == 200, resp.text
        yield server
    finally:
        server.stop()


@pytest.fixture
def use_keyring():
    """A throw-away keyring for this test: ``use_keyring(backend)`` installs ``backend`` and returns
    it; a ``MemoryKeyring`` is installed to begin with. The previous backend comes back after."""
    import keyring
    from keyring_support import MemoryKeyring

    previous = keyring.get_keyring()

    def install(backend):
        keyring.set_keyring(backend)
        return backend

    install(MemoryKeyring())
    yield install
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(use_keyring):
    """The ``MemoryKeyring`` installed for this test (its ``passwords`` can be inspected)."""
    from keyring_support import MemoryKeyring

    return use_keyring(MemoryKeyring())


@pytest.fixture
def hub(monkeypatch):
    """The local Hugging Face Hub stand-in (tests/hub_server.py) as HF_ENDPOINT, online, no token.
    Tests that need repositories served from the start define their own ``hub``."""
    from hub_server import HubServer

    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    with HubServer() as srv:
        monkeypatch.setenv("HF_ENDPOINT", srv.endpoint)
        yield srv


def pytest_sessionfinish(session, exitstatus):
    """End the Qt side of the run while the application still exists: close and delete the
    windows tests left open and collect their garbage on this (the GUI) thread, so nothing Qt is
    left for the interpreter's own shutdown to destroy in an arbitrary order."""
    import gc
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()
