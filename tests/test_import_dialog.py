"""File → Import checkpoint…: real nanoGPT checkpoints, converted in a child process, then chatted with.

nanoGPT's default training (GPT-2 BPE, no meta.pkl) needs GPT-2's tokenizer: the dialog finds it in
a Hugging Face cache filled by the real huggingface_hub client from the local Hub stand-in, fetches
it from that Hub only after the user agrees, or takes a file the user picks. The "GPT-2" tokenizer
here is a small byte-level BPE trained for the converter tests, published as openai-community/gpt2."""

from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch", reason="converting .pt checkpoints needs the chatdesk[torch] extra")
sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import TinyNanoGPT, _char_meta, save_nanogpt, train_bpe  # noqa: E402
from hub_server import HubServer  # noqa: E402
from model_ui_support import fill_hf_cache, unnamed_widgets  # noqa: E402
from PySide6.QtWidgets import QAbstractButton  # noqa: E402
from tests_gui_support import make_window  # noqa: E402

from chatdesk.library import Catalog  # noqa: E402
from chatdesk.ui.models.import_dialog import ImportCheckpointDialog  # noqa: E402


@pytest.fixture
def char_checkpoint(tmp_path):
    text = "To be, or not to be: that is the question.\n床前明月光，疑是地上霜。\n"
    meta = _char_meta(text)
    folder = tmp_path / "out-tiny"
    folder.mkdir()
    args = dict(n_layer=2, n_head=2, n_embd=32, block_size=256, bias=False, vocab_size=meta["vocab_size"], dropout=0.0)
    model = TinyNanoGPT(2, 2, 32, 256, meta["vocab_size"], bias=False)
    save_nanogpt(folder / "ckpt.pt", model, args, compiled=True, dataset="tiny")
    with open(folder / "meta.pkl", "wb") as fh:
        pickle.dump(meta, fh)
    return folder / "ckpt.pt"


def test_import_checkpoint_and_chat_with_it(qtbot, data_dir, model_path, char_checkpoint):
    from chatdesk.ui.models.import_dialog import ImportCheckpointDialog

    win, store = make_window(qtbot, data_dir, model_path)
    try:
        dlg = ImportCheckpointDialog(win)
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.source.setText(str(char_checkpoint))
        dlg.inspect(str(char_checkpoint))
        qtbot.waitUntil(dlg.convert_button.isEnabled, timeout=120_000)
        assert "nanogpt" in dlg.found.text() and "2 layers" in dlg.found.text() and "step 1234" in dlg.found.text()
        assert dlg.qtype.currentData() == "q8_0"
        dlg.start_conversion()
        qtbot.waitUntil(lambda: dlg.chat_button.isVisible() or dlg.convert_button.isEnabled(), timeout=180_000)
        assert dlg.chat_button.isVisible(), dlg.status.text()
        out = Path(dlg.output_path)
        assert out.is_file() and out.parent == data_dir / "models"
        # The logits-parity check ran on the new file, and its figures are shown with a verdict.
        assert dlg.parity.passed is True and dlg.parity.isVisible()
        assert dlg.parity.report["top1_agreement"] >= dlg.parity.report["min_top1"] and dlg.parity.report["gguf"] == str(out)
        assert "passed" in dlg.parity.text() and "Checking" not in dlg.status.text()
        # After success: Chat with it and Close, no Cancel.
        assert dlg.cancel_button.text() == "Close"
        dlg.chat_requested.connect(win.use_model)
        with qtbot.waitSignal(win.inference.worker.load_finished, timeout=60_000) as loaded:
            dlg.chat_button.click()
        info = loaded.args[0]
        assert info.architecture == "gpt2" and not info.has_chat_template
        qtbot.waitUntil(lambda: win.controller.model_info is not None and win.controller.model_info.path == str(out.resolve()), timeout=10_000)
        with qtbot.waitSignal(win.controller.reply_finished, timeout=60_000) as done:
            win.controller.send("To be")
        assert done.args[0].result.prompt_tokens > 0
        assert store.get_conversation(win.controller.current_id).model_path == str(out)
        # The converted model is in the library as an imported checkpoint.
        from chatdesk.ui.models.library_window import LibraryWindow

        lib = LibraryWindow(None, win, current_key=win.model_path)
        qtbot.addWidget(lib)
        qtbot.waitUntil(lambda: len(lib.entries()) == 2 and not lib.busy, timeout=20_000)
        entry = next(e for e in lib.entries() if e.path and os.path.samefile(e.path, out))
        assert entry.source == "imported" and entry.architecture == "gpt2" and not entry.chat_template
        assert lib.list_model.status_text(entry).endswith("In use")
    finally:
        win.close()
        store.close()


def test_import_dialog_reports_bad_checkpoint(qtbot, tmp_path):
    from chatdesk.ui.models.import_dialog import ImportCheckpointDialog

    junk = tmp_path / "ckpt.pt"
    junk.write_bytes(b"definitely not a checkpoint")
    dlg = ImportCheckpointDialog()
    qtbot.addWidget(dlg)
    dlg.inspect(str(junk))
    qtbot.waitUntil(lambda: not dlg.child.busy and "Reading" not in dlg.found.text(), timeout=60_000)
    assert not dlg.convert_button.isEnabled()
    assert "Traceback" not in dlg.found.text() and len(dlg.found.text()) > 10


def test_cancel_conversion_leaves_no_files(qtbot, data_dir, char_checkpoint):
    from chatdesk.ui.models.import_dialog import ImportCheckpointDialog

    dlg = ImportCheckpointDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.source.setText(str(char_checkpoint))
    dlg.inspect(str(char_checkpoint))
    qtbot.waitUntil(dlg.convert_button.isEnabled, timeout=120_000)
    dlg.start_conversion()
    qtbot.waitUntil(lambda: dlg.child.busy, timeout=30_000)  # the output file is chosen off the GUI thread first
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: not dlg.child.busy, timeout=30_000)
    assert dlg.status.text() == "Cancelled."
    models = data_dir / "models"
    assert not [p for p in models.iterdir()] if models.exists() else True


# ----------------------------------------------------------------------------- GPT-2's tokenizer

GPT2 = "openai-community/gpt2"


@pytest.fixture(scope="module")
def gpt2_bpe(tmp_path_factory):
    """(nanoGPT ckpt.pt trained "with GPT-2's BPE" and no meta.pkl, vocab.json bytes, merges.txt bytes)."""
    root = tmp_path_factory.mktemp("gpt2-bpe")
    bpe = train_bpe()
    tok = root / "tokenizer"
    tok.mkdir()
    bpe.model.save(str(tok))
    vocab = bpe.get_vocab_size()
    padded = ((vocab + 63) // 64) * 64  # like nanoGPT's 50257 -> 50304
    folder = root / "out-owt"
    folder.mkdir()
    args = dict(n_layer=2, n_head=2, n_embd=32, block_size=128, bias=False, vocab_size=padded, dropout=0.0)
    save_nanogpt(folder / "ckpt.pt", TinyNanoGPT(2, 2, 32, 128, padded, bias=False), args, compiled=False, dataset="openwebtext")
    return folder / "ckpt.pt", (tok / "vocab.json").read_bytes(), (tok / "merges.txt").read_bytes()


@pytest.fixture
def gpt2_hub(gpt2_bpe, monkeypatch, tmp_path):
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    _, vocab, merges = gpt2_bpe
    with HubServer() as hub:
        hub.add_repo(GPT2, {"vocab.json": vocab, "merges.txt": merges, "config.json": b"{}"})
        monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
        yield hub


def inspect_until_tokenizer_is_asked_for(qtbot, dlg, ckpt):
    dlg.source.setText(str(ckpt))
    dlg.inspect(str(ckpt))
    qtbot.waitUntil(lambda: dlg.needs_tokenizer and "Looking" not in dlg.tokenizer.note.text(), timeout=120_000)
    assert "GPT-2's tokenizer" in dlg.found.text() and "--tokenizer" not in dlg.found.text()
    assert not dlg.convert_button.isEnabled()


def test_gpt2_bpe_checkpoint_converts_with_the_tokenizer_from_the_hf_cache(qtbot, data_dir, gpt2_bpe, gpt2_hub):
    ckpt, vocab, _ = gpt2_bpe
    snap = fill_hf_cache(gpt2_hub, GPT2, "vocab.json")
    fill_hf_cache(gpt2_hub, GPT2, "merges.txt")
    requests = len(gpt2_hub.requests())
    dlg = ImportCheckpointDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    assert unnamed_widgets(dlg) == []
    inspect_until_tokenizer_is_asked_for(qtbot, dlg, ckpt)
    assert dlg.tokenizer.cache_button.isEnabled() and "already on this computer" in dlg.tokenizer.note.text()
    dlg.tokenizer.cache_button.click()
    assert dlg.tokenizer.text() == str(snap.parent)
    qtbot.waitUntil(dlg.convert_button.isEnabled, timeout=120_000)
    assert "nanogpt" in dlg.found.text() and "bpe" in dlg.found.text()
    dlg.start_conversion()
    qtbot.waitUntil(lambda: dlg.chat_button.isVisible() or dlg.convert_button.isEnabled(), timeout=180_000)
    assert dlg.chat_button.isVisible(), dlg.status.text()
    assert dlg.parity.passed is True and dlg.parity.report["tokenization_match"] is True  # GPT-2's BPE, same tokens
    assert len(gpt2_hub.requests()) == requests  # the cache was used; nothing was fetched

    import gguf  # noqa: PLC0415 - only this test reads the GGUF

    out = Path(dlg.output_path)
    reader = gguf.GGUFReader(out)
    field = reader.fields["tokenizer.ggml.tokens"]
    tokens = [bytes(field.parts[i]).decode("utf-8") for i in field.data]
    expected = sorted(json.loads(vocab), key=json.loads(vocab).get)
    assert tokens[: len(expected)] == expected  # GPT-2's vocabulary, in id order
    qtbot.waitUntil(lambda: Catalog.open().entry_for_path(out) is not None, timeout=30_000)
    assert Catalog.open().entry_for_path(out).source == "imported"


def test_gpt2_tokenizer_is_downloaded_only_after_the_user_agrees(qtbot, data_dir, gpt2_bpe, gpt2_hub):
    ckpt, vocab, merges = gpt2_bpe
    dlg = ImportCheckpointDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    inspect_until_tokenizer_is_asked_for(qtbot, dlg, ckpt)
    assert not dlg.tokenizer.cache_button.isEnabled() and "not in the Hugging Face cache" in dlg.tokenizer.note.text()
    assert gpt2_hub.requests() == []

    def answer(name):
        dlg.tokenizer.hub_button.click()
        qtbot.waitUntil(lambda: dlg.tokenizer.confirm_box is not None and dlg.tokenizer.confirm_box.isVisible(), timeout=5_000)
        box = dlg.tokenizer.confirm_box
        assert "openai-community/gpt2" in box.text()
        [button] = [b for b in box.findChildren(QAbstractButton) if (b.objectName() or b.text()) == name]
        button.click()

    answer("Cancel")
    assert gpt2_hub.requests() == [] and dlg.tokenizer.text() == ""
    answer("downloadTokenizer")
    qtbot.waitUntil(lambda: dlg.tokenizer.text() != "", timeout=60_000)
    folder = Path(dlg.tokenizer.text())
    assert folder == data_dir / "models" / "tokenizers" / "gpt2"
    assert (folder / "vocab.json").read_bytes() == vocab and (folder / "merges.txt").read_bytes() == merges
    qtbot.waitUntil(dlg.convert_button.isEnabled, timeout=120_000)
    assert "bpe" in dlg.found.text()


def test_a_tokenizer_file_the_user_picks(qtbot, data_dir, gpt2_bpe, tmp_path):
    ckpt, vocab, merges = gpt2_bpe
    mine = tmp_path / "my tokenizer"
    mine.mkdir()
    (mine / "vocab.json").write_bytes(vocab)
    (mine / "merges.txt").write_bytes(merges)
    dlg = ImportCheckpointDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    inspect_until_tokenizer_is_asked_for(qtbot, dlg, ckpt)
    dlg.tokenizer.choose_file = lambda: str(mine / "vocab.json")
    dlg.tokenizer.pick_button.click()
    assert dlg.tokenizer.text() == str(mine)  # vocab.json needs its merges.txt: the folder is passed
    assert dlg.tokenizer.edit.toolTip() == str(mine)  # the whole path, however narrow the field
    qtbot.waitUntil(dlg.convert_button.isEnabled, timeout=120_000)
    assert "bpe" in dlg.found.text()
