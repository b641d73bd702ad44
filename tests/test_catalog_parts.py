"""The catalog package's parts on their own: library.json storage and the records' ids and paths.

tests/test_library.py drives ``Catalog`` on real GGUF files; these check the seams it is built
from (``library_file``, ``records``, ``removal``) with real files in a temporary folder.
"""

from __future__ import annotations

import json
import os

import pytest

from chatdesk.library import BUNDLED_ID, Catalog, LibraryError, ModelEntry
from chatdesk.library.catalog import FORMAT, VERSION
from chatdesk.library.catalog.library_file import LibraryFile
from chatdesk.library.catalog.records import record_for_path, slugify, unique_id
from chatdesk.library.catalog.removal import is_owned


def test_a_missing_file_loads_empty_and_asks_to_be_written(tmp_path):
    warnings: list[str] = []
    contents, dirty = LibraryFile(tmp_path / "library.json", warnings).load()
    assert (contents.records, contents.default, dirty, warnings) == ({}, BUNDLED_ID, True, [])


def test_a_change_is_reread_under_the_lock_and_written_whole(tmp_path):
    path = tmp_path / "library.json"
    first, second = LibraryFile(path, []), LibraryFile(path, [])
    with first.change() as contents:
        contents.records["a"] = {"id": "a", "source": "added", "path": "/x/a.gguf"}
        contents.default = "a"
    with second.change() as contents:  # sees the first writer's record
        assert set(contents.records) == {"a"} and contents.default == "a"
        contents.records["b"] = {"id": "b", "source": "remote"}
        del contents.records["a"]  # the default's record is gone: back to the bundled model
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert [m["id"] for m in data["models"]] == ["b"] and data["default"] == BUNDLED_ID


def test_records_of_unknown_sources_are_skipped(tmp_path):
    path = tmp_path / "library.json"
    path.write_text(json.dumps({"format": FORMAT, "version": VERSION, "default": 7, "models": [
        {"id": "ok", "source": "added"}, {"id": "odd", "source": "martian"}, {"source": "added"}, "text"]}), "utf-8")
    contents, dirty = LibraryFile(path, []).load()
    assert list(contents.records) == ["ok"] and contents.default == BUNDLED_ID and not dirty


def test_a_damaged_file_is_set_aside_with_a_warning(tmp_path):
    path = tmp_path / "library.json"
    path.write_text('{"format": "something else", "models": []}', "utf-8")
    warnings: list[str] = []
    contents, dirty = LibraryFile(path, warnings).load()
    assert contents.records == {} and dirty and not path.exists()
    kept = [p.name for p in tmp_path.iterdir()]
    assert len(kept) == 1 and kept[0].startswith("library.damaged-") and kept[0] in warnings[0]


def test_a_newer_file_is_read_but_never_rewritten(tmp_path):
    path = tmp_path / "library.json"
    text = json.dumps({"format": FORMAT, "version": VERSION + 1, "models": [{"id": "a", "source": "added"}]})
    path.write_text(text, "utf-8")
    lib = LibraryFile(path, [])
    contents, _ = lib.load()
    assert list(contents.records) == ["a"] and "newer ChatDesk" in str(lib.read_only_reason)
    with pytest.raises(LibraryError, match="newer ChatDesk"), lib.change():
        pass
    assert path.read_text("utf-8") == text


def test_a_write_that_fails_names_the_folder(tmp_path):
    folder = tmp_path / "not a folder"
    folder.write_text("a file where the data folder should be", "utf-8")
    with pytest.raises(LibraryError, match="could not save its model library"), LibraryFile(folder / "library.json", []).change():
        pass


def test_ids_are_typeable_and_never_taken():
    assert slugify("Qwen2.5 0.5B Instruct (Q4_K_M)") == "qwen2.5-0.5b-instruct-q4_k_m"
    assert slugify("模型") == "model"
    records = {"tiny": {}, "tiny-2": {}}
    assert unique_id(records, "tiny") == "tiny-3" and unique_id(records, "other") == "other"
    assert unique_id({}, BUNDLED_ID) == f"{BUNDLED_ID}-2"


def test_a_record_is_found_by_its_files_path(tmp_path):
    records = {"a": {"path": str(tmp_path / "m" / "a.gguf")}, "r": {"source": "remote"}}
    assert record_for_path(records, tmp_path / "m" / ".." / "m" / "a.gguf") == "a"
    assert record_for_path(records, tmp_path / "m" / "b.gguf") is None


def test_only_files_inside_the_models_folder_are_chatdesks(tmp_path, data_dir):
    models = tmp_path / "models"
    inside = ModelEntry(id="x", name="x", source="downloaded", path=str(models / "x.gguf"))
    outside = ModelEntry(id="y", name="y", source="added", path=str(tmp_path / "mine" / "y.gguf"))
    assert is_owned(inside, models) and not is_owned(outside, models)
    assert not is_owned(ModelEntry(id="r", name="r", source="remote"), models)
    lib = Catalog(tmp_path)
    assert lib.owns(inside) and not lib.owns(outside)
    assert os.path.exists(lib.path)
