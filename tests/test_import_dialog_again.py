"""File → Import checkpoint… a second time under the same name and type: the dialog asks (Keep
both / Replace / Cancel) and never silently replaces the file existing chats use. Also the
dialog's last papercuts: after success its only button says Close, "Measuring the converted
files…" does not outlive the figures, and the tokenizer field is wide enough to read a path.
Real nanoGPT and GPT-2 checkpoints, the real converter child process, a real library."""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch", reason="converting .pt checkpoints needs the chatdesk[torch] extra")
sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import TinyNanoGPT, _char_meta, _hf_model, save_nanogpt, train_bpe  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QMessageBox  # noqa: E402

from chatdesk.library import Catalog  # noqa: E402
from chatdesk.ui.models.import_dialog import ImportCheckpointDialog  # noqa: E402

TEXT = "To be, or not to be: that is the question.\n床前明月光，疑是地上霜。\n"
TIMEOUT = 180_000  # ms: the converter child imports torch; a loaded machine is slow


def nanogpt(folder: Path, seed: int) -> Path:
    """A tiny character-level nanoGPT checkpoint; another ``seed`` gives other weights."""
    meta = _char_meta(TEXT)
    folder.mkdir(parents=True)
    args = dict(n_layer=2, n_head=2, n_embd=32, block_size=256, bias=False, vocab_size=meta["vocab_size"], dropout=0.0)
    model = TinyNanoGPT(2, 2, 32, 256, meta["vocab_size"], bias=False)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.01 * seed)
    save_nanogpt(folder / "ckpt.pt", model, args, compiled=True, dataset="tiny")
    with open(folder / "meta.pkl", "wb") as fh:
        pickle.dump(meta, fh)
    return folder / "ckpt.pt"


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def open_dialog(qtbot, checkpoint: Path, name: str = "tiny", **kwargs) -> ImportCheckpointDialog:
    dlg = ImportCheckpointDialog(**kwargs)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.source.setText(str(checkpoint))
    dlg.inspect(str(checkpoint))
    qtbot.waitUntil(dlg.convert_button.isEnabled, timeout=TIMEOUT)
    dlg.name.setText(name)
    return dlg


def convert_and_wait(qtbot, dlg: ImportCheckpointDialog) -> None:
    qtbot.waitUntil(lambda: dlg.chat_button.isVisible() or dlg.convert_button.isEnabled(), timeout=TIMEOUT)
    assert dlg.chat_button.isVisible(), dlg.status.text()


def ask(qtbot, dlg: ImportCheckpointDialog) -> QMessageBox:
    dlg.convert_button.click()
    qtbot.waitUntil(lambda: dlg.exists_box is not None and dlg.exists_box.isVisible(), timeout=30_000)
    return dlg.exists_box


def visible_button_texts(dlg) -> list[str]:
    return [b.text() for b in dlg.findChildren(QAbstractButton) if b.isVisible()]


def test_importing_again_asks_keep_both_replace_or_cancel(qtbot, data_dir, tmp_path):
    first_ckpt = nanogpt(tmp_path / "run1", seed=1)
    dlg = open_dialog(qtbot, first_ckpt)
    # The tokenizer field is not cut off beside its three buttons.
    assert dlg.tokenizer.edit.width() >= dlg.fontMetrics().horizontalAdvance("x" * 30)
    dlg.convert_button.click()
    convert_and_wait(qtbot, dlg)
    first = Path(dlg.output_path)
    assert first == data_dir / "models" / "tiny-q8_0.gguf" and first.is_file()
    # After success the only way out says Close, not Cancel, and closes.
    assert dlg.cancel_button.text() == "Close" and "Cancel" not in visible_button_texts(dlg)
    dlg.cancel_button.click()
    assert not dlg.isVisible()
    qtbot.waitUntil(lambda: any(e.path and Path(e.path) == first for e in Catalog.open().entries()), timeout=30_000)
    original = sha(first)

    # A retrained checkpoint, imported again under the same name and type.
    again = open_dialog(qtbot, nanogpt(tmp_path / "run2", seed=2))
    box = ask(qtbot, again)
    assert "tiny-q8_0.gguf" in box.text() and "tiny-q8_0-2.gguf" in box.informativeText()
    assert not again.child.busy and not again.convert_button.isEnabled()  # nothing converts while it asks
    box.findChild(QAbstractButton, "cancelReplace").click()
    qtbot.waitUntil(lambda: again.convert_button.isEnabled(), timeout=10_000)
    assert "Not converted" in again.status.text()
    assert sorted(p.name for p in (data_dir / "models").glob("*.gguf")) == ["tiny-q8_0.gguf"] and sha(first) == original

    box = ask(qtbot, again)
    box.findChild(QAbstractButton, "keepBothModels").click()
    convert_and_wait(qtbot, again)
    kept = Path(again.output_path)
    assert kept == data_dir / "models" / "tiny-q8_0-2.gguf" and kept.is_file()
    assert sha(first) == original and sha(kept) != original  # the old file the chats use is untouched
    qtbot.waitUntil(lambda: {Path(e.path).name for e in Catalog.open().entries() if e.source == "imported"}
                    == {"tiny-q8_0.gguf", "tiny-q8_0-2.gguf"}, timeout=30_000)

    third = open_dialog(qtbot, nanogpt(tmp_path / "run3", seed=3))
    box = ask(qtbot, third)
    assert "tiny-q8_0-3.gguf" in box.informativeText()
    box.findChild(QAbstractButton, "replaceModel").click()
    convert_and_wait(qtbot, third)
    assert Path(third.output_path) == first and sha(first) != original  # replaced, as the user said
    assert sorted(p.name for p in (data_dir / "models").glob("*.gguf")) == ["tiny-q8_0-2.gguf", "tiny-q8_0.gguf"]


@pytest.fixture
def gpt2_folder(tmp_path) -> Path:
    bpe = train_bpe()
    folder = tmp_path / "tiny-gpt2"
    _hf_model(bpe.get_vocab_size()).save_pretrained(folder)
    bpe.save(str(folder / "tokenizer.json"))
    return folder


def test_measuring_message_goes_once_the_figures_are_in(qtbot, data_dir, gpt2_folder):
    from chatdesk.ui.evaluation.feature import comparison_window

    dlg = open_dialog(qtbot, gpt2_folder, name="tiny-gpt2", compare=comparison_window)
    dlg.start_comparison(["q8_0"])
    comparison = dlg.comparison
    qtbot.waitUntil(lambda: comparison.window is not None, timeout=TIMEOUT)
    qtbot.addWidget(comparison.window)
    assert "Measuring the converted files" in dlg.status.text()
    qtbot.waitUntil(lambda: dlg.comparison is None, timeout=300_000)
    assert "measured: perplexity" in dlg.qtype.itemText(dlg.qtype.findData("q8_0"))
    assert "Measuring" not in dlg.status.text() and "figures are in" in dlg.status.text()
    # The comparison window's reference is still there while the window is open (it can measure again) ...
    win = comparison.window
    reference = Path(win.reference_path.text())
    assert reference.is_file() and reference.name == "tiny-gpt2-f16.gguf"
    assert win.start_button.isEnabled()
    # ... and the temporary files go once it is closed.
    win.close()
    qtbot.waitUntil(lambda: not comparison.folder.exists(), timeout=10_000)
