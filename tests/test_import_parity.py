"""The logits-parity verdict after a conversion: one sentence for the terminal and the window.

Real tiny nanoGPT character checkpoints, converted by the real converter, checked by the real
``converters.verify`` (llama.cpp against the checkpoint's weights); a file converted from other
weights must fail, and the import dialog's parity line then says FAILED in the error colour."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch", reason="converting .pt checkpoints needs the chatdesk[torch] extra")
sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import TinyNanoGPT, _char_meta, save_nanogpt  # noqa: E402
from PySide6.QtGui import QPalette  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from chatdesk.ui.app.appearance import error_colour  # noqa: E402
from chatdesk.ui.models.parity_note import ParityNote  # noqa: E402
from converters import convert, verify  # noqa: E402
from converters.cli import main  # noqa: E402
from converters.parity import parity_sentence  # noqa: E402

TEXT = "To be, or not to be: that is the question.\n床前明月光，疑是地上霜。\n"


def checkpoint(folder: Path, seed: int) -> Path:
    meta = _char_meta(TEXT)
    folder.mkdir(parents=True)
    args = dict(n_layer=1, n_head=2, n_embd=32, block_size=64, bias=False, vocab_size=meta["vocab_size"], dropout=0.0)
    model = TinyNanoGPT(1, 2, 32, 64, meta["vocab_size"], bias=False)  # always the same weights ...
    if seed:
        g = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for p in model.parameters():  # ... unless retrained (here: other random weights)
                p.copy_(torch.randn(p.shape, generator=g) * p.std().clamp(min=0.02) + (1.0 if p.dim() == 1 else 0.0))
    save_nanogpt(folder / "ckpt.pt", model, args, compiled=False, dataset="tiny")
    with open(folder / "meta.pkl", "wb") as fh:
        pickle.dump(meta, fh)
    return folder / "ckpt.pt"


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("parity")
    first, second = checkpoint(root / "run1", 0), checkpoint(root / "run2", 2)
    out = root / "run1-f32.gguf"
    convert(first, out, "f32", name="run1")
    return first, second, out


def test_the_cli_prints_the_verdict(two_runs, tmp_path, capsys):
    first, _, _ = two_runs
    out = tmp_path / "m.gguf"
    assert main([str(first), "-o", str(out), "--type", "q8_0", "--verify"]) == 0
    err = capsys.readouterr().err
    assert "Logits parity with the source checkpoint: passed." in err and "positions (needs 90%)" in err


def test_a_matching_file_passes_and_another_models_file_fails(two_runs):
    first, second, out = two_runs
    good = verify(first, out).to_dict()
    assert good["passed"] and parity_sentence(good).startswith("Logits parity with the source checkpoint: passed.")
    assert f"{good['top1_agreement']:.1%} of {good['n_positions']} positions" in parity_sentence(good)
    bad = verify(second, out).to_dict()  # same vocabulary and shapes, other weights
    assert not bad["passed"] and bad["tokenization_match"] is True
    sentence = parity_sentence(bad)
    assert sentence.startswith("Logits parity with the source checkpoint: FAILED.") and "does not behave" in sentence
    assert sentence.template != parity_sentence(good).template  # translatable: a template of its own


def test_the_dialogs_parity_line(qtbot, two_runs):
    first, second, out = two_runs
    dialog = QWidget()
    qtbot.addWidget(dialog)
    note = ParityNote(dialog)
    dialog.show()
    assert not note.isVisible() and note.passed is None
    note.show_done({"done": True, "verify": verify(second, out).to_dict()})
    assert note.isVisible() and note.passed is False and "FAILED" in note.text()
    assert note.palette().color(QPalette.ColorRole.WindowText) == error_colour(note.palette())
    note.show_done({"done": True, "verify_error": {"error": "verification needs llama-cpp-python (pip install llama-cpp-python)",
                                                   "template": None, "params": {}}})
    assert note.passed is None and "could not be checked: verification needs llama-cpp-python" in note.text()
    note.show_done({"done": True, "verify": verify(first, out).to_dict()})
    assert note.passed is True and "passed" in note.text()
    assert note.palette().color(QPalette.ColorRole.WindowText) != error_colour(note.palette())


def test_an_embedding_models_report_reads_as_cosines():
    report = {"gguf": "m.gguf", "file_type": 1, "n_texts": 8, "min_cosine": 0.99991, "mean_cosine": 0.99995,
              "tokenization_match": True, "passed": True, "threshold": 0.999, "details": []}
    assert parity_sentence(report).startswith("Embedding parity with the source model: passed.")
    assert "FAILED" in parity_sentence({**report, "min_cosine": 0.5, "passed": False})
