"""Hub search in Download from the Hub…: the real dialog (offscreen), the real huggingface_hub
client against the local Hub stand-in (tests/hub_server.py, HF_ENDPOINT pointed at it) and a real
library. Searching by words with the language filter and both orders, each hit's GGUF files with
sizes and quantizations, choosing a hit then downloading it through the resumable download, and
errors as sentences."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hub_server import HubServer
from model_ui_support import unnamed_widgets
from PySide6.QtCore import Qt

from chatdesk.library import Catalog
from chatdesk.ui.models.download_dialog import DownloadDialog
from chatdesk.ui.models.library_table import human_size

SMALL = b"GGUF" + b"\0" * 1000
QWEN = "Qwen/Qwen2.5-0.5B-Instruct-GGUF"
QWEN_FILE = "qwen2.5-0.5b-instruct-q4_k_m.gguf"
BIG = "bartowski/Qwen2.5-7B-Instruct-GGUF"


@pytest.fixture
def hub(model_path, monkeypatch):
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    with HubServer() as srv:
        srv.add_repo(QWEN, {QWEN_FILE: Path(model_path), "qwen2.5-0.5b-instruct-q8_0.gguf": SMALL * 2, "README.md": b"# Qwen\n"},
                     downloads=900, last_modified="2024-09-19T00:00:00.000Z", tags=("gguf", "zh", "en", "chat"))
        srv.add_repo(BIG, {"Qwen2.5-7B-Instruct-Q4_K_M-00001-of-00002.gguf": SMALL,
                           "Qwen2.5-7B-Instruct-Q4_K_M-00002-of-00002.gguf": SMALL * 3, "Qwen2.5-7B-Instruct-IQ2_M.gguf": SMALL},
                     downloads=5000, last_modified="2024-10-01T00:00:00.000Z", tags=("gguf", "en"))
        srv.add_repo("someone/qwen-instruct-fp16", {"model.safetensors": SMALL}, downloads=99999, tags=("safetensors", "zh"))
        srv.add_repo("Qwen/Qwen2.5-0.5B-GGUF", {"qwen2.5-0.5b-q8_0.gguf": SMALL}, downloads=7000,
                     last_modified="2025-01-01T00:00:00.000Z", tags=("gguf", "zh"))
        srv.add_repo("HuggingFaceTB/SmolLM2-135M-Instruct-GGUF", {"smollm2-135m-instruct-q8_0.gguf": SMALL}, downloads=10,
                     last_modified="2025-02-01T00:00:00.000Z", tags=("gguf", "en"))
        monkeypatch.setenv("HF_ENDPOINT", srv.endpoint)
        yield srv


def open_dialog(qtbot) -> DownloadDialog:
    dlg = DownloadDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def search(qtbot, dlg: DownloadDialog, words: str, language: str = "", sort: str = "downloads") -> None:
    """Type the words, pick the filter and the order, press Search and wait for its answer."""
    dlg.hub_search.search.clear()
    qtbot.keyClicks(dlg.hub_search.search, words)
    dlg.hub_search.search_language.setCurrentIndex(dlg.hub_search.search_language.findData(language))
    dlg.hub_search.search_sort.setCurrentIndex(dlg.hub_search.search_sort.findData(sort))
    dlg.message.setProperty("kind", None)
    dlg.hub_search.search_button.click()
    qtbot.waitUntil(lambda: "Searching" not in dlg.message_text() and dlg.message.property("kind") is not None, timeout=60_000)


def children(dlg: DownloadDialog, repo: str) -> list[list[str]]:
    top = next(dlg.hub_search.results.topLevelItem(i) for i in range(dlg.hub_search.results.topLevelItemCount())
               if dlg.hub_search.results.topLevelItem(i).text(0) == repo)
    return [[top.child(j).text(c) for c in range(3)] for j in range(top.childCount())]


def test_search_by_words_shows_gguf_hits_with_files_sizes_and_quantizations(qtbot, hub, data_dir, model_path):
    dlg = open_dialog(qtbot)
    assert dlg.hub_search.search.isVisible() and not dlg.hub_search.results.isVisible()
    assert hub.requests() == []  # nothing is asked until the user searches
    search(qtbot, dlg, "qwen INSTRUCT")
    assert dlg.message.property("kind") == "info", dlg.message_text()
    assert dlg.hub_search.results.isVisible()
    assert dlg.hub_search.hit_names() == [BIG, QWEN]  # GGUF only, every word, most downloaded first
    top = dlg.hub_search.results.topLevelItem(0)
    assert "downloads" in top.text(1) and "".join(ch for ch in top.text(1) if ch.isdigit()) == "5000"
    assert children(dlg, QWEN) == [
        ["qwen2.5-0.5b-instruct-q8_0.gguf", "Q8_0", human_size(len(SMALL) * 2)],
        [QWEN_FILE, "Q4_K_M", human_size(Path(model_path).stat().st_size)],
    ]  # README.md is not a model; smallest first
    split = children(dlg, BIG)[1]
    assert split[0].endswith("-00001-of-00002.gguf") and split[1] == "Q4_K_M" and "2 parts" in split[2]
    assert "Chinese" in dlg.hub_search.results.topLevelItem(1).toolTip(0)
    listing = [r for r in hub.requests("GET") if r.path == "/api/models"]
    assert listing and "filter=gguf" in listing[-1].query and "sort=downloads" in listing[-1].query
    assert unnamed_widgets(dlg) == []


def test_language_filter_and_most_recent_first(qtbot, hub, data_dir):
    dlg = open_dialog(qtbot)
    search(qtbot, dlg, "qwen", language="zh")
    assert dlg.hub_search.hit_names() == ["Qwen/Qwen2.5-0.5B-GGUF", QWEN]
    search(qtbot, dlg, "instruct", language="en", sort="recent")
    assert dlg.hub_search.hit_names() == ["HuggingFaceTB/SmolLM2-135M-Instruct-GGUF", BIG, QWEN]
    assert "sort=lastModified" in [r for r in hub.requests("GET") if r.path == "/api/models"][-1].query
    search(qtbot, dlg, "no-such-model-anywhere")
    assert dlg.hub_search.hit_names() == [] and "No GGUF models" in dlg.message_text()


def test_the_newest_search_wins(qtbot, hub, data_dir):
    dlg = open_dialog(qtbot)
    qtbot.keyClicks(dlg.hub_search.search, "qwen instruct")
    dlg.hub_search.search_button.click()
    dlg.hub_search.search.clear()
    qtbot.keyClicks(dlg.hub_search.search, "smollm2")
    dlg.message.setProperty("kind", None)
    qtbot.keyClick(dlg.hub_search.search, Qt.Key.Key_Return)  # Enter searches too
    qtbot.waitUntil(lambda: dlg.hub_search.hit_names() == ["HuggingFaceTB/SmolLM2-135M-Instruct-GGUF"], timeout=60_000)
    qtbot.wait(300)  # the older search's answer, if it was still coming, is not shown
    assert dlg.hub_search.hit_names() == ["HuggingFaceTB/SmolLM2-135M-Instruct-GGUF"]


def test_choosing_a_hit_fills_the_fields_and_the_download_works(qtbot, hub, data_dir, model_path):
    dlg = open_dialog(qtbot)
    search(qtbot, dlg, "qwen instruct")
    top = next(dlg.hub_search.results.topLevelItem(i) for i in range(dlg.hub_search.results.topLevelItemCount())
               if dlg.hub_search.results.topLevelItem(i).text(0) == QWEN)
    item = next(top.child(j) for j in range(top.childCount()) if top.child(j).text(0) == QWEN_FILE)
    rect = dlg.hub_search.results.visualItemRect(item)
    qtbot.mouseClick(dlg.hub_search.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dlg.repo.text() == QWEN
    qtbot.waitUntil(lambda: dlg.files.rowCount() == 2, timeout=30_000)
    assert dlg.selected_file().filename == QWEN_FILE and dlg.download_button.isEnabled()
    dlg.download_button.click()
    qtbot.waitUntil(lambda: not dlg.downloading, timeout=120_000)
    assert dlg.entry is not None, dlg.message_text()
    entry = Catalog.open().get(dlg.entry.id)
    assert entry.repo_id == QWEN and entry.source == "downloaded"
    assert hashlib.sha256(Path(entry.path).read_bytes()).hexdigest() == hashlib.sha256(Path(model_path).read_bytes()).hexdigest()

    # Choosing a repository (not a file) lists its files too, the best one preselected.
    dlg.hub_search.choose_hit(dlg.hub_search.results.topLevelItem(0))
    assert dlg.repo.text() == BIG
    qtbot.waitUntil(lambda: dlg.files.rowCount() == 2, timeout=30_000)
    assert dlg.selected_file().filename == "Qwen2.5-7B-Instruct-IQ2_M.gguf"


def test_search_errors_are_sentences(qtbot, hub, data_dir, monkeypatch):
    dlg = open_dialog(qtbot)
    search(qtbot, dlg, "   ")
    assert dlg.message.property("kind") == "error" and "Type a few words" in dlg.message_text()
    hub.faults.bad_listing = True
    search(qtbot, dlg, "qwen")
    assert dlg.message.property("kind") == "error" and "does not understand" in dlg.message_text()
    assert not dlg.hub_search.results.isVisible()
    hub.faults.bad_listing = False
    hub.faults.fail.append(("api", 501))
    search(qtbot, dlg, "qwen")
    assert "server error (501)" in dlg.message_text() and "Traceback" not in dlg.message_text()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    before = len(hub.requests())
    search(qtbot, dlg, "qwen")
    assert "offline" in dlg.message_text().lower() and len(hub.requests()) == before
