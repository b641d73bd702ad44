"""The built-in embedding model: converted once into the data folder, reused after, listed as its own kind."""

from __future__ import annotations

import json
import threading

import pytest

import converters
from chatdesk.library import Catalog, LibraryError
from chatdesk.library import embedding_default as ed


@pytest.fixture
def count_conversions(monkeypatch):
    calls = []
    real = converters.convert_embedding

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(converters, "convert_embedding", counting)
    return calls


def test_converted_once_then_reused(data_dir, count_conversions):
    path = ed.default_embedding_model()
    assert path.is_file() and path.parent == data_dir / "models" / "embedding"
    stamp = json.loads(path.with_suffix(".json").read_text())
    assert stamp["source_sha256"] == ed.MINILM_SHA256 and stamp["size_bytes"] == path.stat().st_size
    before = path.stat().st_mtime_ns
    assert ed.default_embedding_model() == path
    assert len(count_conversions) == 1 and path.stat().st_mtime_ns == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith((".partial", ".tmp"))]

    # a newer converter, or a damaged file, brings a fresh conversion
    stamp["converter_version"] = "0.0.0-old"
    path.with_suffix(".json").write_text(json.dumps(stamp))
    assert ed.default_embedding_model() == path
    assert len(count_conversions) == 2
    with open(path, "r+b") as fh:
        fh.truncate(1000)
    assert ed.default_embedding_model() == path and path.stat().st_size > 1000
    assert len(count_conversions) == 3


def test_two_threads_convert_only_once(count_conversions):
    results, errors = [], []

    def worker():
        try:
            results.append(ed.default_embedding_model())
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors and len(results) == 2 and results[0] == results[1]
    assert len(count_conversions) == 1


def test_other_weights_are_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(ed, "MINILM_SHA256", "0" * 64)
    with pytest.raises(LibraryError, match="not the expected"):
        ed.default_embedding_model()
    assert not list((ed.embedding_models_dir()).glob("*.gguf"))


def test_missing_package_says_what_to_do(monkeypatch):
    monkeypatch.setattr(ed, "PACKAGED", (ed.PackagedModel("no_such_package_here", "model"),))
    with pytest.raises(LibraryError, match="not installed"):
        ed.default_embedding_model()


def test_library_lists_embedding_models_as_their_own_kind(data_dir):
    lib = Catalog.open()
    entry = ed.register_default_embedding(lib)
    assert entry.kind == "embedding" and entry.is_embedding and entry.usable
    assert entry.name == ed.DISPLAY_NAME and entry.architecture == "bert"
    assert [e.id for e in lib.embedding_models()] == [entry.id]
    assert entry.id not in [e.id for e in lib.chat_models()]
    assert lib.get("bundled").kind == "chat"
    with pytest.raises(LibraryError, match="embedding model"):
        lib.set_default(entry.id)
    # stored and read back
    assert Catalog.open().get(entry.id).kind == "embedding"
    # resolution for document search: default, by id, by path; a chat model is refused
    assert ed.embedding_model_path(None) == ed.default_embedding_model()
    assert str(ed.embedding_model_path(entry.id, lib)) == entry.path
    with pytest.raises(LibraryError, match="chat model"):
        ed.embedding_model_path("bundled", lib)
