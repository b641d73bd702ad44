"""The model library (chatdesk.library.catalog) on real GGUF files and a real library.json."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from chatdesk.library import BUNDLED_ID, Catalog, LibraryError, ModelEntry


def place_model(model_path: str, dest: Path) -> Path:
    """A copy of the bundled GGUF at ``dest`` (a hard link when the disk allows it)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(model_path, dest)
    except OSError:
        shutil.copyfile(model_path, dest)
    return dest


@pytest.fixture
def user_model(model_path, tmp_path):
    return place_model(model_path, tmp_path / "my models" / "My-Tiny-Model.Q4_1.gguf")


def test_fresh_library_lists_the_bundled_model_with_its_metadata(data_dir, model_path):
    lib = Catalog.open()
    [bundled] = lib.entries()
    assert bundled.id == BUNDLED_ID and bundled.source == "bundled"
    assert bundled.path == model_path and not bundled.missing and bundled.usable
    assert bundled.architecture == "llama"
    assert bundled.quantization == "Q4_1"
    assert bundled.context_length == 8192
    assert bundled.chat_template is True
    assert bundled.license == "apache-2.0"
    assert 130e6 < bundled.parameters < 140e6
    assert bundled.file_size == os.path.getsize(model_path)
    assert lib.default().id == BUNDLED_ID
    stored = json.loads((data_dir / "library.json").read_text("utf-8"))
    assert stored["format"] == "chatdesk-library" and stored["models"][0]["id"] == BUNDLED_ID


def test_add_file_is_validated_persisted_and_idempotent(data_dir, user_model):
    lib = Catalog.open()
    entry = lib.add_file(user_model)
    assert entry.source == "added" and entry.id == "my-tiny-model.q4_1"
    assert entry.path == str(user_model) and entry.architecture == "llama" and entry.added_at
    assert lib.add_file(str(user_model)).id == entry.id  # the same file is not listed twice
    again = Catalog.open()
    assert [e.id for e in again.entries()] == [BUNDLED_ID, entry.id]
    assert again.get(entry.id) == entry
    assert again.find(str(user_model)).id == entry.id


@pytest.mark.parametrize("kind", ["text", "truncated", "absent"])
def test_a_bad_file_is_refused_with_a_sentence_and_nothing_is_added(data_dir, tmp_path, model_path, kind):
    bad = tmp_path / "broken.gguf"
    if kind == "text":
        bad.write_bytes(b"this is a text file, not a model\n" * 4)
    elif kind == "truncated":  # an interrupted copy of a real model
        with open(model_path, "rb") as src:
            bad.write_bytes(src.read(3 << 20))
    lib = Catalog.open()
    before = (data_dir / "library.json").read_bytes()
    with pytest.raises(LibraryError) as info:
        lib.add_file(bad)
    assert "broken.gguf" in str(info.value)
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]
    assert (data_dir / "library.json").read_bytes() == before


def test_missing_file_is_flagged_not_dropped(data_dir, user_model):
    lib = Catalog.open()
    entry = lib.add_file(user_model)
    moved = user_model.with_name("moved.gguf")
    user_model.rename(moved)
    flagged = Catalog.open().get(entry.id)
    assert flagged.missing and not flagged.usable
    assert str(user_model) in flagged.problem
    with pytest.raises(LibraryError, match="cannot be the default"):
        Catalog.open().set_default(entry.id)
    moved.rename(user_model)
    assert not Catalog.open().get(entry.id).missing


def test_a_file_replaced_by_a_damaged_one_is_flagged_unusable(data_dir, user_model, tmp_path):
    lib = Catalog.open()
    entry = lib.add_file(user_model)
    user_model.unlink()  # break the hard link before writing
    user_model.write_bytes(b"GGUF" + b"\x00" * 100)
    again = Catalog.open().get(entry.id)
    assert not again.missing and again.problem and not again.usable


def test_remove_keeps_the_users_file_unless_asked(data_dir, user_model, model_path, tmp_path):
    lib = Catalog.open()
    entry = lib.add_file(user_model)
    removal = lib.remove(entry.id)
    assert not removal.file_deleted and user_model.exists()
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]

    entry = lib.add_file(user_model)
    removal = lib.remove(entry.id, delete_file=True)
    assert removal.file_deleted and not user_model.exists()
    assert Path(model_path).exists()  # a hard link's other name is untouched


def test_files_in_the_models_folder_are_chatdesks_and_go_with_their_entry(data_dir, model_path):
    converted = place_model(model_path, data_dir / "models" / "my-gpt.gguf")
    lib = Catalog.open()
    entry = lib.find(str(converted))  # adopted: converted before the library existed
    assert entry.source == "imported" and entry.id == "my-gpt"
    removal = lib.remove(entry.id)
    assert removal.file_deleted and not converted.exists()
    assert [e.id for e in Catalog.open().entries()] == [BUNDLED_ID]


def test_bundled_model_cannot_be_removed(data_dir):
    with pytest.raises(LibraryError, match="bundled model"):
        Catalog.open().remove(BUNDLED_ID)


def test_default_persists_and_falls_back_when_removed(data_dir, user_model):
    lib = Catalog.open()
    entry = lib.add_file(user_model)
    assert lib.set_default(entry.id).id == entry.id
    assert Catalog.open().default().id == entry.id
    with pytest.raises(LibraryError, match="no model with the id"):
        lib.set_default("nope")
    lib.remove(entry.id)
    assert Catalog.open().default().id == BUNDLED_ID


def test_two_writers_do_not_lose_each_others_changes(data_dir, model_path, tmp_path):
    a, b = Catalog.open(), Catalog.open()  # e.g. the window and `chatdesk models` at once
    first = a.add_file(place_model(model_path, tmp_path / "one.gguf"))
    second = b.add_file(place_model(model_path, tmp_path / "two.gguf"))
    assert {e.id for e in Catalog.open().entries()} == {BUNDLED_ID, first.id, second.id}
    b.set_default(first.id)
    a.remove(second.id)
    final = Catalog.open()
    assert {e.id for e in final.entries()} == {BUNDLED_ID, first.id}
    assert final.default().id == first.id


def test_ids_stay_unique(data_dir, model_path, tmp_path):
    lib = Catalog.open()
    x = lib.add_file(place_model(model_path, tmp_path / "a" / "same.gguf"))
    y = lib.add_file(place_model(model_path, tmp_path / "b" / "same.gguf"))
    assert (x.id, y.id) == ("same", "same-2")


def test_remote_entries_carry_url_and_model_id(data_dir):
    lib = Catalog.open()
    r = lib.add_remote("http://127.0.0.1:8080/v1/", "qwen2.5-7b-instruct", context_length=32768)
    assert r.source == "remote" and r.remote_url == "http://127.0.0.1:8080/v1" and r.usable and r.path is None
    assert lib.add_remote("http://127.0.0.1:8080/v1", "qwen2.5-7b-instruct").id == r.id
    assert Catalog.open().get(r.id).remote_model == "qwen2.5-7b-instruct"
    assert not lib.remove(r.id).file_deleted


def test_damaged_library_file_is_set_aside_not_lost(data_dir, user_model):
    (data_dir / "library.json").parent.mkdir(parents=True, exist_ok=True)
    (data_dir / "library.json").write_text("{ not json", "utf-8")
    lib = Catalog.open()
    assert [e.id for e in lib.entries()] == [BUNDLED_ID]
    assert lib.warnings and "damaged" in lib.warnings[0]
    kept = list(data_dir.glob("library.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_text("utf-8") == "{ not json"


def test_a_newer_library_is_shown_but_not_changed(data_dir, user_model):
    Catalog.open()
    path = data_dir / "library.json"
    data = json.loads(path.read_text("utf-8"))
    data["version"] = 99
    data["models"][0]["a_future_field"] = 1
    path.write_text(json.dumps(data), "utf-8")
    lib = Catalog.open()
    assert lib.get(BUNDLED_ID).architecture == "llama"
    with pytest.raises(LibraryError, match="newer ChatDesk"):
        lib.add_file(user_model)
    assert json.loads(path.read_text("utf-8"))["version"] == 99


def test_entry_json_round_trip_ignores_unknown_keys():
    e = ModelEntry(id="x", name="X", source="downloaded", path="/m/x.gguf", sha256="ab" * 32, repo_id="o/r")
    data = e.to_json()
    assert "missing" not in data and "problem" not in data
    assert ModelEntry.from_json({**data, "from_the_future": True}) == e
    with pytest.raises(ValueError):
        ModelEntry(id="y", name="Y", source="somewhere")


def test_compute_sha256_is_remembered(data_dir, user_model):
    import hashlib

    lib = Catalog.open()
    entry = lib.add_file(user_model)
    digest = lib.compute_sha256(entry.id)
    assert digest == hashlib.sha256(user_model.read_bytes()).hexdigest()
    assert Catalog.open().get(entry.id).sha256 == digest
