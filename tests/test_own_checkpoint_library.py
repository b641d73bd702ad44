"""Your own checkpoint in the library: its conversion provenance is listed, importing again never
silently replaces the file chats use, and adding a file twice says so."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import pytest

from chatdesk.cli import main
from chatdesk.library import Catalog
from chatdesk.library.imports import ModelExistsError, converted_model_path

torch = pytest.importorskip("torch", reason="converting .pt checkpoints needs the chatdesk[torch] extra")
sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import TinyNanoGPT, _char_meta, save_nanogpt  # noqa: E402


@pytest.fixture
def converted(tmp_path, data_dir):
    """A nanoGPT character checkpoint (128 positions), converted by the real converter into models/."""
    from converters.api import convert

    text = "To be, or not to be: that is the question.\n"
    meta = _char_meta(text)
    folder = tmp_path / "out-tiny"
    folder.mkdir()
    args = dict(n_layer=1, n_head=2, n_embd=32, block_size=128, bias=False, vocab_size=meta["vocab_size"], dropout=0.0)
    save_nanogpt(folder / "ckpt.pt", TinyNanoGPT(1, 2, 32, 128, meta["vocab_size"], bias=False), args,
                 compiled=False, dataset="tiny")
    with open(folder / "meta.pkl", "wb") as fh:
        pickle.dump(meta, fh)
    out = converted_model_path("tiny", "f32")
    out.parent.mkdir(parents=True, exist_ok=True)
    result = convert(folder / "ckpt.pt", out, "f32", name="tiny")
    return out, result


def test_conversion_provenance_is_on_the_entry_and_in_models_list_json(converted, capsys):
    out, result = converted
    entry = Catalog.open().add_file(out, source="imported")
    assert entry.conversion is not None
    assert entry.conversion["source_sha256"] == result.source_sha256
    assert entry.conversion["training_step"] == 1234 and entry.conversion["val_loss"] == pytest.approx(1.875)
    assert entry.conversion["source_format"]
    assert entry.sha256 and len(entry.sha256) == 64  # the converted file's own hash, no longer null
    assert main(["models", "list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    mine = next(r for r in rows if r["id"] == entry.id)
    assert mine["conversion"]["source_sha256"] == result.source_sha256 and mine["sha256"] == entry.sha256
    assert main(["models", "list"]) == 0
    assert "step 1234" in capsys.readouterr().out


def test_entries_listed_before_provenance_existed_get_it(converted, data_dir):
    out, result = converted
    entry = Catalog.open().add_file(out, source="imported")
    lib = data_dir / "library.json"
    data = json.loads(lib.read_text("utf-8"))
    for rec in data["models"]:
        rec.pop("conversion", None)  # as an older ChatDesk wrote it
    lib.write_text(json.dumps(data), "utf-8")
    again = Catalog.open().get(entry.id)
    assert again.conversion and again.conversion["source_sha256"] == result.source_sha256


def test_importing_again_under_the_same_name_never_replaces_silently(converted, data_dir):
    out, _ = converted
    entry = Catalog.open().add_file(out, source="imported")
    before = out.read_bytes()
    with pytest.raises(ModelExistsError) as err:
        converted_model_path("tiny", "f32")
    assert err.value.path == out and err.value.entry_id == entry.id
    assert err.value.keep_both_path == out.with_name("tiny-f32-2.gguf")
    assert "Keep both" in str(err.value) and err.value.kind == "exists"
    assert converted_model_path("tiny", "f32", if_exists="keep_both") == out.with_name("tiny-f32-2.gguf")
    assert converted_model_path("tiny", "f32", if_exists="replace") == out
    assert converted_model_path("tiny", "q8_0") == out.with_name("tiny-q8_0.gguf")  # another type is another file
    assert out.read_bytes() == before
    assert converted_model_path("my model/v2", "f32").name == "my-model-v2-f32.gguf"


def test_the_library_window_shows_the_provenance(qtbot, converted):
    from PySide6.QtCore import Qt

    from chatdesk.ui.models.library_table import ENTRY_ROLE
    from chatdesk.ui.models.library_window import LibraryWindow

    out, result = converted
    entry = Catalog.open().add_file(out, source="imported")
    win = LibraryWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.populated, timeout=30_000):
        win.show()
    assert win.select(entry.id)
    details = win.details.text()
    assert result.source_sha256 in details  # the whole hash: it is what identifies the checkpoint
    assert "training step 1234" in details and "validation loss 1.8750" in details and "ckpt.pt" in details
    row = next(r for r in range(win.proxy.rowCount()) if win.proxy.index(r, 0).data(ENTRY_ROLE).id == entry.id)
    tip = win.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(str(out)) and result.source_sha256 in tip and "training step 1234" in tip
