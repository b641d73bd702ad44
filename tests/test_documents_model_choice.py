"""Document search's embedding model is a choice: the built-in one or a library embedding model,
and the library suggests multilingual ones (BGE-M3, multilingual-E5) that download through the
real resumable download (the local Hub stand-in) and become the search model. Changing the model
re-indexes the collections; until then search falls back to keywords instead of comparing two
models' vectors. E5 models get their "query: " / "passage: " prefixes.
Real window, real embedding model, real SQLite index (offscreen).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from tests_gui_support import make_window, send_message

from chatdesk import paths
from chatdesk.documents import DocumentIndex, DocumentsError, index_collection, search
from chatdesk.engine.embedding_facts import as_passages, as_query, instruction_prefixes, model_file_id
from chatdesk.library import SUGGESTED_EMBEDDING_MODELS
from chatdesk.library.embedding_default import default_embedding_model
from chatdesk.settings import load_settings
from chatdesk.ui.documents import feature as documents_feature

TIMEOUT_MS = 300_000


def test_the_e5_family_gets_its_instruction_prefixes_and_the_others_none():
    assert instruction_prefixes("multilingual-e5-large-q8_0.gguf") == ("query: ", "passage: ")
    assert instruction_prefixes("E5 Base v2") == ("query: ", "passage: ")
    for name in ("bge-m3-Q4_K_M.gguf", "all-MiniLM-L6-v2", "nomic-embed-text-v1.5", "qwen2.5-0.5b"):
        assert instruction_prefixes(name) == ("", "")

    class E5:
        query_prefix, passage_prefix = "query: ", "passage: "

    assert as_query(E5(), "茶是什么？") == "query: 茶是什么？"
    assert as_passages(E5(), ["a", "b"]) == ["passage: a", "passage: b"]
    assert as_passages(object(), ["a"]) == ["a"]


def test_the_library_suggests_multilingual_embedding_models():
    labels = " ".join(s.label for s in SUGGESTED_EMBEDDING_MODELS)
    assert "BGE-M3" in labels and "multilingual-E5" in labels
    assert all({"zh", "en"} <= set(s.languages) and s.filename.endswith(".gguf") for s in SUGGESTED_EMBEDDING_MODELS)


class _Vectors:
    """A deterministic stand-in embedder (bag of hashed words), saying which model it is."""

    dim = 64

    def __init__(self, model_id: str) -> None:
        self.model_id = model_id

    def embed(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, hash(w) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


def test_search_never_compares_two_models_vectors(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Quelta is the harbour town of Zorbia.", encoding="utf-8")
    with DocumentIndex(tmp_path / "index.sqlite3") as index:
        index.add_paths("c", [str(folder)])
        index_collection(index, "c", embedder=_Vectors("model-a"))
        assert index.vector_model() == "model-a"
        assert search(index, "harbour town", embedder=_Vectors("model-a"), mode="vector")
        with pytest.raises(DocumentsError):
            search(index, "harbour town", embedder=_Vectors("model-b"), mode="vector")
        hits = search(index, "Quelta", embedder=_Vectors("model-b"))  # hybrid: keywords carry it
        assert hits and hits[0].vector_rank is None and hits[0].keyword_rank == 1


def test_a_suggested_multilingual_model_downloads_and_becomes_the_search_model(qtbot, data_dir, model_path, tmp_path,
                                                                               hub, monkeypatch):
    monkeypatch.setattr(documents_feature, "RESUME_DELAY_MS", 3_600_000)
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "tea.txt").write_text("Oolong is a partly oxidised tea from Fujian and Taiwan.", encoding="utf-8")
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        panel = win.documents.show()
        choice = panel.model_choice
        assert choice is not None and choice.combo.count() == 1 and choice.combo.currentData() == ""
        assert choice.hint.text()  # says what the built-in model can and cannot do
        with qtbot.waitSignal(panel.collections_changed, timeout=60_000):
            panel.create_collection("notes", [str(folder)])
        qtbot.waitUntil(lambda: panel.current_name() == "notes" and panel.index_button.isEnabled(), timeout=60_000)
        with qtbot.waitSignal(win.documents.runner.finished, timeout=TIMEOUT_MS):
            panel.start_indexing()

        # The stand-in Hub serves a real embedding GGUF under the suggested E5 model's name.
        suggestion = next(s for s in SUGGESTED_EMBEDDING_MODELS if "e5" in s.filename)
        hub.add_repo(suggestion.repo_id, {suggestion.filename: default_embedding_model()})
        actions = choice.more.menu().actions()
        assert len(actions) == len(SUGGESTED_EMBEDDING_MODELS)
        with qtbot.waitSignal(win.documents.runner.finished, timeout=TIMEOUT_MS) as reindexed:
            next(a for a in actions if suggestion.filename in a.toolTip()).trigger()
        assert reindexed.args[0] == "notes" and not reindexed.args[1].cancelled
        chosen = load_settings().embedding_model
        assert chosen and choice.combo.currentData() == chosen
        assert win.controller.model_info is None or Path(win.controller.model_info.path).name != suggestion.filename
        with DocumentIndex(paths.documents_index_path()) as index:
            downloaded = next(Path(e.path) for e in win.session.library if e.id == chosen)
            assert downloaded.name == suggestion.filename
            assert index.vector_model() == model_file_id(downloaded)  # the vectors are the new model's
            assert index.unfinished() == []

        # Back to the built-in model: chosen in the combo, indexed again.
        with qtbot.waitSignal(win.documents.runner.finished, timeout=TIMEOUT_MS):
            choice.combo.setCurrentIndex(choice.combo.findData(""))
            choice.combo.activated.emit(choice.combo.currentIndex())
        assert load_settings().embedding_model == ""
        with DocumentIndex(paths.documents_index_path()) as index:
            assert index.vector_model() == model_file_id(default_embedding_model())
    finally:
        win.close()
        store.close()


def test_a_library_embedding_model_grounds_the_chat(qtbot, data_dir, model_path, tmp_path, monkeypatch):
    """The chat's grounding searches with the chosen model (its vectors, not the built-in's)."""
    monkeypatch.setattr(documents_feature, "RESUME_DELAY_MS", 3_600_000)
    copy = tmp_path / "my-e5-small.gguf"
    shutil.copyfile(default_embedding_model(), copy)
    win, store = make_window(qtbot, data_dir, model_path)
    try:
        from chatdesk.library.catalog import Catalog

        entry = Catalog.open().add_file(copy, source="imported")
        win.set_settings(replace(win.settings, embedding_model=entry.id))
        folder = tmp_path / "notes"
        folder.mkdir()
        (folder / "zorbia.txt").write_text("The capital of Zorbia is Quelta, a harbour town.", encoding="utf-8")
        panel = win.documents.show()
        with qtbot.waitSignal(panel.collections_changed, timeout=60_000):
            panel.create_collection("notes", [str(folder)])
        qtbot.waitUntil(lambda: panel.current_name() == "notes" and panel.index_button.isEnabled(), timeout=60_000)
        with qtbot.waitSignal(win.documents.runner.finished, timeout=TIMEOUT_MS):
            panel.start_indexing()
        with DocumentIndex(paths.documents_index_path()) as index:
            assert index.vector_model() == model_file_id(copy)
        win.new_conversation()
        conv = win.controller.current_id
        flow = win.controller.flow
        flow.save_chat_settings(conv, replace(flow.chat_settings(conv), collections=("notes",)))
        with qtbot.waitSignal(win.controller.reply_finished, timeout=TIMEOUT_MS) as done:
            send_message(qtbot, win, "What is the capital of Zorbia?")
        reply = win.store.get_message(done.args[0].job.assistant_message_id)
        assert reply.provenance["sources"][0]["path"].endswith("zorbia.txt")
        assert win.controller.grounder.embedding_model == copy  # searched with the chosen model
    finally:
        win.close()
        store.close()


def test_the_commands_use_the_model_chosen_in_the_window(data_dir, tmp_path):
    """`chatdesk docs index` without --embedding-model embeds with the window's choice, so the
    window and the commands never fight over one index's vectors."""
    import subprocess
    import sys

    from chatdesk.settings import AppSettings, save_settings

    copy = tmp_path / "chosen-embedder.gguf"
    shutil.copyfile(default_embedding_model(), copy)
    save_settings(AppSettings(embedding_model=str(copy)))
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text("Quelta is the harbour town of Zorbia.", encoding="utf-8")
    env = {**__import__("os").environ, "CHATDESK_HOME": str(data_dir)}
    for args in (["docs", "add", str(folder), "--collection", "n"], ["docs", "index", "--collection", "n"]):
        done = subprocess.run([sys.executable, "-m", "chatdesk", *args], env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    with DocumentIndex(paths.documents_index_path()) as index:
        assert index.vector_model() == model_file_id(copy)
