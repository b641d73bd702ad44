"""File → Import checkpoint…: a real nanoGPT checkpoint, converted in a child process, then chatted with."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch", reason="converting .pt checkpoints needs the chatdesk[torch] extra")
sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import TinyNanoGPT, _char_meta, save_nanogpt  # noqa: E402
from tests_gui_support import make_window  # noqa: E402


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
    from chatdesk.ui.import_dialog import ImportCheckpointDialog

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
        # The converted model is listed with its provenance.
        from chatdesk.ui.models_dialog import ModelsDialog, PathRole

        models = ModelsDialog(win.model_path, win)
        qtbot.addWidget(models)
        paths_listed = [models.list.item(i).data(PathRole) for i in range(models.list.count())]
        assert paths_listed[0] == model_path and str(out) in paths_listed
        models.list.setCurrentRow(paths_listed.index(str(out)))
        qtbot.waitUntil(lambda: "converted from" in models.details.text(), timeout=20_000)
        assert "gpt2" in models.details.text() and "nanogpt" in models.details.text()
    finally:
        win.close()
        store.close()


def test_import_dialog_reports_bad_checkpoint(qtbot, tmp_path):
    from chatdesk.ui.import_dialog import ImportCheckpointDialog

    junk = tmp_path / "ckpt.pt"
    junk.write_bytes(b"definitely not a checkpoint")
    dlg = ImportCheckpointDialog()
    qtbot.addWidget(dlg)
    dlg.inspect(str(junk))
    qtbot.waitUntil(lambda: dlg._proc is None and "Reading" not in dlg.found.text(), timeout=60_000)
    assert not dlg.convert_button.isEnabled()
    assert "Traceback" not in dlg.found.text() and len(dlg.found.text()) > 10


def test_cancel_conversion_leaves_no_files(qtbot, data_dir, char_checkpoint):
    from chatdesk.ui.import_dialog import ImportCheckpointDialog

    dlg = ImportCheckpointDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.source.setText(str(char_checkpoint))
    dlg.inspect(str(char_checkpoint))
    qtbot.waitUntil(dlg.convert_button.isEnabled, timeout=120_000)
    dlg.start_conversion()
    assert dlg._proc is not None
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: dlg._proc is None, timeout=30_000)
    assert dlg.status.text() == "Cancelled."
    models = data_dir / "models"
    assert not [p for p in models.iterdir()] if models.exists() else True
