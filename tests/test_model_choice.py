"""A model choice is saved only after the model loaded (File → Open model… with /etc/passwd used
to be remembered and complained about at every start)."""

from __future__ import annotations

import json
import threading

import pytest
from gguf_support import gpt2_spec, write

from chatdesk.engine import EngineError, LoadSettings
from chatdesk.engine.llama_engine import LlamaEngine
from chatdesk.library import BUNDLED_ID, Catalog, LibraryError
from chatdesk.library.choice import PendingModelChoice, commit_model_choice
from chatdesk.settings import load_settings


@pytest.fixture
def eng(tmp_path):
    e = LlamaEngine(tmp_path / "checks.json")
    yield e
    e.unload()


def _load(eng, key, choice):
    """What the window's load signals do: commit on success, forget on failure."""
    try:
        info = eng.load(key, LoadSettings(n_ctx=64))
    except EngineError:
        choice.failed(key)
        return None
    return choice.loaded(info.path)


def test_a_file_that_does_not_load_is_never_remembered(eng, data_dir):
    cat = Catalog.open()
    before = (data_dir / "library.json").read_bytes()
    choice = PendingModelChoice(cat)
    choice.choose("/etc/passwd")
    assert _load(eng, "/etc/passwd", choice) is None
    assert choice.key is None
    assert (data_dir / "library.json").read_bytes() == before
    assert Catalog.open().default().id == BUNDLED_ID
    assert load_settings().model_path is None  # nothing in settings.json either
    assert not (data_dir / "settings.json").exists()


def test_a_model_that_loads_becomes_the_one_chatdesk_starts_with(eng, tmp_path):
    path = str(write(tmp_path / "mine.gguf", gpt2_spec()))
    choice = PendingModelChoice()
    choice.choose(path)
    entry = _load(eng, path, choice)
    assert entry is not None and entry.path == path
    assert Catalog.open().default().path == path
    assert choice.key is None


def test_a_late_result_of_an_earlier_load_commits_nothing(eng, tmp_path, model_path):
    path = str(write(tmp_path / "mine.gguf", gpt2_spec()))
    choice = PendingModelChoice()
    choice.choose(path)  # the user picked "mine" while the bundled model was still loading
    assert choice.loaded(model_path) is None
    assert Catalog.open().default().id == BUNDLED_ID and choice.key == path
    assert choice.failed(model_path) is False and choice.key == path  # not this choice's failure


def test_commit_refuses_an_unusable_file_without_changing_anything(data_dir, tmp_path):
    Catalog.open()
    before = json.loads((data_dir / "library.json").read_text("utf-8"))
    with pytest.raises(LibraryError):
        commit_model_choice(str(tmp_path / "missing.gguf"))
    assert json.loads((data_dir / "library.json").read_text("utf-8")) == before


def test_choices_from_two_threads(tmp_path):
    path = str(write(tmp_path / "mine.gguf", gpt2_spec()))
    choice = PendingModelChoice()
    choice.choose(path)
    results = []
    threads = [threading.Thread(target=lambda: results.append(choice.loaded(path))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sum(r is not None for r in results) == 1  # committed once
