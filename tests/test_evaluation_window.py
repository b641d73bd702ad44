"""Evaluate…: the evaluation window and the import dialog's "Compare quantizations…", with real child
processes (``python -m chatdesk.evaluation`` on the bundled model and on tiny converted GPT-2s),
a real SQLite file and real Qt widgets (offscreen)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent / "converters"))
from convtest_support import CORPUS, _hf_model, train_bpe
from tests_gui_support import make_window
from ui_walk_support import all_texts, english_left, menu_texts, unnamed

from chatdesk.evaluation.texts import sample_path
from chatdesk.ui.app import i18n
from chatdesk.ui.evaluation.evaluation_window import EvaluationWindow

RUN_TIMEOUT = 300_000  # ms; a busy 1-core machine is slow, a hung child is not waited on forever


def stored(data_dir: Path) -> list[tuple]:
    db = data_dir / "chatdesk.sqlite3"
    if not db.exists():
        return []
    with sqlite3.connect(db) as raw:
        return raw.execute("SELECT model_path, perplexity, n_ctx, kl_divergence, file_type FROM evaluations ORDER BY id").fetchall()


def open_window(qtbot, models, **kwargs) -> EvaluationWindow:
    win = EvaluationWindow(models=models, **kwargs)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.results_loaded, timeout=30_000):
        win.show()
    return win


def run(qtbot, win: EvaluationWindow) -> None:
    with qtbot.waitSignal(win.run_finished, timeout=RUN_TIMEOUT):
        win.start_button.click()


@pytest.fixture(scope="module")
def tiny_checkpoint(tmp_path_factory) -> Path:
    """A Hugging Face GPT-2 folder (safetensors + tokenizer.json) of the converter tests' shape."""
    bpe = train_bpe()
    folder = tmp_path_factory.mktemp("ckpt") / "tiny-gpt2"
    _hf_model(bpe.get_vocab_size()).save_pretrained(folder)
    bpe.save(str(folder / "tokenizer.json"))
    return folder


@pytest.fixture(scope="module")
def tiny_ggufs(tiny_checkpoint, tmp_path_factory) -> dict[str, Path]:
    """The checkpoint converted to Q8_0 and F32 (both carry the checkpoint's SHA-256)."""
    from converters import convert

    out = tmp_path_factory.mktemp("gguf")
    files = {}
    for qtype in ("q8_0", "f32"):
        files[qtype] = out / f"tiny-{qtype}.gguf"
        convert(tiny_checkpoint, files[qtype], qtype)
    return files


@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "corpus.txt"
    path.write_text(CORPUS, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ one model
def test_evaluating_one_model_shows_progress_and_stores_the_result(qtbot, data_dir, model_path):
    win = open_window(qtbot, [model_path])
    assert win.results.rowCount() == 0 and win.chart.points() == []
    win.ctx.setValue(128)
    win.chunks.setValue(2)
    bar = win.progress_bar(0)
    values, statuses = [], []
    bar.valueChanged.connect(values.append)
    win.models_table.itemChanged.connect(lambda item: item.column() == 2 and statuses.append(item.text()))
    run(qtbot, win)

    assert win.status_text(0).startswith("Done: perplexity") and bar.value() == 100
    assert values == sorted(values) and values[-1] == 100 and any(0 < v < 100 for v in values)
    assert "Loading the model…" in statuses and any(s.startswith("Perplexity: window 2 of 2") for s in statuses)
    rows = stored(data_dir)
    assert len(rows) == 1
    path, ppl, n_ctx, kl, file_type = rows[0]
    assert path == model_path and n_ctx == 128 and ppl > 1 and kl is None and file_type == "Q4_1"
    shown = {c.key: win.results.index(0, i).data() for i, c in enumerate(win.results.columns)}
    assert shown["model"] == Path(model_path).name and shown["type"] == "Q4_1"
    assert shown["perplexity"].startswith(f"{ppl:.3f} ± ") and shown["ctx"] == "128" and shown["text"] == "Built-in sample"
    assert shown["size"].endswith("MB") and shown["memory"].endswith("MB") and float(shown["gen"]) > 0
    assert shown["kl"] == "—"  # no reference: nothing made up
    assert [p.label for p in win.chart.points()] == ["Q4_1"]  # the new result is selected and charted
    assert win.message_text() == ""

    # Reopened, the window lists the stored result among the past ones.
    again = open_window(qtbot, [])
    assert again.results.rowCount() == 1 and again.results.records()[0].perplexity == pytest.approx(ppl)


def test_cancel_stops_the_child_and_stores_nothing(qtbot, data_dir, model_path, tmp_path):
    long_text = tmp_path / "long.txt"
    long_text.write_text(sample_path().read_text("utf-8") * 20, encoding="utf-8")  # minutes of work on any machine
    win = open_window(qtbot, [model_path])
    win.set_text_file(str(long_text))
    win.ctx.setValue(512)
    win.start_button.click()
    qtbot.waitUntil(lambda: win.status_text(0).startswith("Perplexity: window"), timeout=RUN_TIMEOUT)
    child = win.run_queue.child
    pid = child.proc.processId()
    assert pid > 0 and win.cancel_button.isEnabled()
    with qtbot.waitSignal(win.run_finished, timeout=60_000):
        win.cancel_button.click()
    assert child.outcome.cancelled and child.outcome.exit_code == 143  # the child's own clean exit
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert win.status_text(0) == "Cancelled" and win.progress_bar(0).value() == 0
    assert win.status.text().startswith("Cancelled.")
    assert stored(data_dir) == [] and win.results.rowCount() == 0
    assert win.start_button.isEnabled() and not win.cancel_button.isEnabled()


# ------------------------------------------------------------------------------ side by side
def test_two_models_side_by_side_with_the_chart_and_export(qtbot, data_dir, tiny_ggufs, corpus, tmp_path):
    q8, f32 = str(tiny_ggufs["q8_0"]), str(tiny_ggufs["f32"])
    win = open_window(qtbot, [q8, f32])
    win.set_text_file(str(corpus))
    win.ctx.setValue(128)
    run(qtbot, win)

    assert [win.status_text(i).startswith("Done") for i in range(2)] == [True, True], win.message_text()
    rows = stored(data_dir)
    assert [r[0] for r in rows] == [q8, f32]
    # The F32 file was found as the Q8_0 file's higher-precision source (same checkpoint): KL and top-1.
    assert rows[0][3] is not None and rows[0][3] >= 0 and rows[1][3] is None
    by_type = {win.results.index(r, 1).data(): r for r in range(win.results.rowCount())}
    assert set(by_type) == {"Q8_0", "ALL_F32"}
    assert win.results.index(by_type["Q8_0"], 6).data().endswith("%")  # top-1 agreement

    # Both results are selected and charted: perplexity against size, then generation speed.
    points = win.chart.points()
    assert sorted(p.label for p in points) == ["ALL_F32", "Q8_0"]
    assert len(win.chart.scatter.points()) == 2 and len(win.chart.labels) == 2
    f32_point = next(p for p in points if p.label == "ALL_F32")
    assert f32_point.x == pytest.approx(tiny_ggufs["f32"].stat().st_size / 2**20)
    win.chart.set_kind("gen")
    assert len(win.chart.scatter.points()) == 2 and all(p.y > 0 for p in win.chart.points())
    assert "MB" in win.chart.plot.accessibleDescription()

    # Export: CSV of the selected rows, JSON of one row the user selects.
    out = tmp_path / "results"
    win.choose_export_file = lambda fmt: str(out)  # the extension is added
    win.export("csv")
    qtbot.waitUntil(lambda: "Exported" in win.message_text(), timeout=10_000)
    with open(f"{out}.csv", newline="", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert sorted(r["model_file"] for r in table) == sorted([q8, f32])
    assert {r["file_type"]: float(r["perplexity"]) for r in table} == {
        "Q8_0": pytest.approx(rows[0][1]), "ALL_F32": pytest.approx(rows[1][1])}
    win.table.selectRow(0)
    win.export("json")
    qtbot.waitUntil(lambda: Path(f"{out}.json").exists(), timeout=10_000)
    exported = json.loads(Path(f"{out}.json").read_text("utf-8"))
    assert len(exported["results"]) == 1 and exported["results"][0] == win.selected_records()[0].result


# ------------------------------------------------------------------------------ errors in words
def test_a_bad_model_or_text_is_said_in_words(qtbot, data_dir, model_path, tmp_path):
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 64)
    win = open_window(qtbot, [str(bad)])
    run(qtbot, win)
    assert win.status_text(0) == "Failed"
    message = win.message_text()
    assert message.startswith("broken.gguf: ") and "Traceback" not in message and len(message) > 30
    assert stored(data_dir) == []

    # A text too short for two windows: the child's sentence, beside the model.
    short = tmp_path / "short.txt"
    short.write_text("Only a few words here.", encoding="utf-8")
    win.models_table.selectRow(0)
    win.remove_selected()
    win.add_models([model_path])
    win.set_text_file(str(short))
    run(qtbot, win)
    assert win.status_text(0) == "Failed" and "too short" in win.message_text()

    # A file that is not text is refused before any model is started.
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    win.set_text_file(str(binary))
    run(qtbot, win)
    assert "UTF-8" in win.message_text() and win.status_text(0) == "Not run"
    assert stored(data_dir) == [] and win.results.rowCount() == 0


# ------------------------------------------------------------------------------ the main window and the library
def test_file_menu_and_library_open_the_window_with_the_models(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        file_menu = win.menuBar().actions()[0].menu()
        names = [a.objectName() for a in file_menu.actions()]
        assert names.index("evaluateModels") == names.index("connectServer") + 1
        action = file_menu.actions()[names.index("evaluateModels")]
        action.trigger()
        actions = win.evaluation
        ev = actions.evaluation_window
        assert ev.isVisible() and ev.model_paths() == [model_path]  # the model in use
        ev.close()

        from chatdesk.ui.shell.model_actions import actions_of

        actions_of(win).show_library()
        lib = actions_of(win).library_window
        qtbot.waitUntil(lambda: len(lib.entries()) >= 1 and not lib.busy, timeout=30_000)
        lib.table.selectRow(0)
        assert lib.evaluate_button.isEnabled()
        lib.evaluate_button.click()
        assert actions.evaluation_window is ev and ev.isVisible()  # one window per main window
        assert ev.model_paths() == [model_path] and ev.library_combo.count() == 2  # "Add from the library…" + 1
    finally:
        for w in QApplication.topLevelWidgets():
            if w is not win and w.isVisible():
                w.close()
        win.close()
        store.close()


# ------------------------------------------------------------------------------ import: compare quantizations
def test_import_dialog_compares_quantizations_before_the_user_picks(qtbot, data_dir, tiny_checkpoint):
    from chatdesk.ui.evaluation.feature import comparison_window
    from chatdesk.ui.models.import_dialog import ImportCheckpointDialog
    from chatdesk.ui.models.quant_compare import TypeChooser

    dlg = ImportCheckpointDialog(compare=comparison_window)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.source.setText(str(tiny_checkpoint))
    dlg.inspect(str(tiny_checkpoint))
    qtbot.waitUntil(dlg.compare_button.isEnabled, timeout=120_000)
    dlg.compare_button.click()
    chooser = dlg.findChild(TypeChooser)
    assert chooser.isVisible() and "q8_0" in chooser.chosen() and "f16" not in chooser.chosen()
    chooser.set_chosen(["q8_0", "q4_0"])
    chooser.accept()
    comparison = dlg.comparison
    ended = []
    comparison.ended.connect(lambda: ended.append(True))
    folder = comparison.folder
    qtbot.waitUntil(lambda: comparison.window is not None, timeout=RUN_TIMEOUT)
    assert sorted(p.name for p in folder.iterdir()) == ["tiny-gpt2-f16.gguf", "tiny-gpt2-q4_0.gguf", "tiny-gpt2-q8_0.gguf"]
    ev = comparison.window
    qtbot.addWidget(ev)
    qtbot.waitUntil(lambda: bool(ended), timeout=RUN_TIMEOUT)
    assert [ev.status_text(i).split(":")[0] for i in range(3)] == ["Done"] * 3, ev.message_text()
    rows = stored(data_dir)
    assert sorted(r[4] for r in rows) == ["F16", "Q4_0", "Q8_0"]
    kl = {r[4]: r[3] for r in rows}
    assert kl["F16"] is None and kl["Q8_0"] is not None and kl["Q4_0"] is not None
    assert kl["Q8_0"] < kl["Q4_0"]  # fewer bits, further from F16
    assert ev.results.rowCount() == 3 and len(ev.chart.points()) == 3
    # The files stay while the comparison window refers to them: its F16 reference, a second run.
    assert Path(ev.reference_path.text()) == folder / "tiny-gpt2-f16.gguf" and (folder / "tiny-gpt2-f16.gguf").is_file()
    assert ev.start_button.isEnabled()
    # The figures are beside each type in the dialog, and the user picks.
    entry = dlg.qtype.itemText(dlg.qtype.findData("q4_0"))
    assert "measured: perplexity" in entry and "KL" in entry
    assert dlg.convert_button.isEnabled() and dlg.compare_button.isEnabled() and dlg.comparison is None
    ev.close()
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10_000)  # closed: the temporary files go


def test_cancelling_the_conversions_of_a_comparison_removes_the_files(qtbot, data_dir, tiny_checkpoint):
    from chatdesk.ui.evaluation.feature import comparison_window
    from chatdesk.ui.models.import_dialog import ImportCheckpointDialog

    dlg = ImportCheckpointDialog(compare=comparison_window)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.source.setText(str(tiny_checkpoint))
    dlg.inspect(str(tiny_checkpoint))
    qtbot.waitUntil(dlg.compare_button.isEnabled, timeout=120_000)
    dlg.start_comparison(["q8_0"])
    comparison = dlg.comparison
    assert dlg.child.busy and not dlg.compare_button.isEnabled()
    with qtbot.waitSignal(comparison.ended, timeout=60_000):
        dlg.cancel_button.click()
    assert not comparison.folder.exists() and comparison.window is None
    assert dlg.status.text() == "Cancelled." and dlg.compare_button.isEnabled()
    assert stored(data_dir) == []


# ------------------------------------------------------------------------------ names and Chinese
def test_the_window_is_named_for_screen_readers_and_speaks_chinese(qtbot, qapp, data_dir, model_path):
    before = QLocale()
    i18n.install(qapp, "zh_CN")
    try:
        win = open_window(qtbot, [model_path])
        win.ctx.setValue(128)
        win.chunks.setValue(2)
        run(qtbot, win)
        assert win.results.rowCount() == 1
        win.show_message("x", "info")
        assert unnamed(win) == []
        data = {"SmolLM2", "Instruct"}
        left = [f"{where}: {text!r}" for where, text in all_texts(win) if english_left(text, data)]
        assert left == []

        main, store = make_window(qtbot, data_dir, model_path, start=False)
        try:
            file_menu = main.menuBar().actions()[0].menu()
            assert [t for w, t in menu_texts(file_menu) if english_left(t)] == []
        finally:
            main.close()
            store.close()
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(before)
