"""``chatdesk models import``: the import dialog's path without the window. A real nanoGPT
character checkpoint, the real converter and parity check, the real library in the test's data
folder: converted into models/, checked (the dialog's parity sentence), listed as imported with
its provenance, never replacing an earlier import unless told."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import pytest

from chatdesk.cli import main
from chatdesk.library import Catalog

torch = pytest.importorskip("torch", reason="converting .pt checkpoints needs the chatdesk[torch] extra")
sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import TinyNanoGPT, _char_meta, save_nanogpt  # noqa: E402


@pytest.fixture
def checkpoint(tmp_path) -> Path:
    meta = _char_meta("To be, or not to be: that is the question.\n床前明月光。\n")
    folder = tmp_path / "out-shakespeare"
    folder.mkdir()
    args = dict(n_layer=1, n_head=2, n_embd=32, block_size=64, bias=False, vocab_size=meta["vocab_size"], dropout=0.0)
    save_nanogpt(folder / "ckpt.pt", TinyNanoGPT(1, 2, 32, 64, meta["vocab_size"], bias=False), args,
                 compiled=True, dataset="shakespeare_char")
    with open(folder / "meta.pkl", "wb") as fh:
        pickle.dump(meta, fh)
    return folder / "ckpt.pt"


def test_import_converts_checks_and_lists(checkpoint, data_dir, capsys):
    assert main(["models", "import", str(checkpoint), "--json"]) == 0
    cap = capsys.readouterr()
    row = json.loads(cap.out)
    out = data_dir / "models" / "out-shakespeare-q8_0.gguf"
    assert row["path"] == str(out) and out.is_file() and row["source"] == "imported"
    assert row["verify"]["passed"] is True and row["verify"]["gguf"] == str(out)
    assert row["parity"].startswith("Logits parity with the source checkpoint: passed.")
    assert row["conversion"]["training_step"] == 1234 and row["conversion"]["source_sha256"]
    assert Catalog.open().entry_for_path(out).id == row["id"]

    # Again under the same name and type: refused with the way out, the file untouched.
    before = out.read_bytes()
    assert main(["models", "import", str(checkpoint)]) == 2
    err = capsys.readouterr().err
    assert "imported before" in err and "--keep-both or --replace" in err and out.read_bytes() == before
    assert main(["models", "import", str(checkpoint), "--keep-both", "--no-verify"]) == 0
    cap = capsys.readouterr()
    assert cap.out.strip().endswith(str(out.with_name("out-shakespeare-q8_0-2.gguf"))) and "parity" not in cap.err
    assert {Path(e.path).name for e in Catalog.open().entries() if e.source == "imported"} == {
        "out-shakespeare-q8_0.gguf", "out-shakespeare-q8_0-2.gguf"}


def test_bad_input_is_one_sentence(tmp_path, data_dir, capsys):
    junk = tmp_path / "ckpt.pt"
    junk.write_bytes(b"not a checkpoint")
    assert main(["models", "import", str(junk)]) == 2
    err = capsys.readouterr().err
    [error] = [line for line in err.splitlines() if not line.startswith("[")]  # progress lines start with [ n%]
    assert error.startswith("chatdesk models: ckpt.pt could not be read") and "Traceback" not in err
    assert main(["models", "import", str(junk), "--type", "q3_x"]) == 2
    assert "--type must be one of" in capsys.readouterr().err
    assert not list((data_dir / "models").glob("*.gguf")) if (data_dir / "models").exists() else True
