"""The evaluation run queue without its window: the order of a run, what each model's row says,
what is stored (a real SQLite file, given to the queue), Cancel and a refused text.

The child here is a stand-in program speaking the child protocol (chatdesk/evaluation/__init__.py)
so each outcome (a result, an error, a hang until SIGTERM) can be asked for by the model's file
name; the real child on the bundled model is driven through the window in
tests/test_evaluation_window.py."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from chatdesk.store.evaluations import list_evaluations
from chatdesk.ui.evaluation.run_queue import CANCELLED, DONE, FAILED, NOT_RUN, EvaluationStore, RunPlan, RunQueue

TIMEOUT = 60_000  # ms; generous for a loaded machine

FAKE_CHILD = '''#!{python}
import json, signal, sys, time

def say(**event):
    print(json.dumps(event), flush=True)

def cancelled(*_):
    say(event="cancelled", exit_code=143)
    sys.exit(143)

signal.signal(signal.SIGTERM, cancelled)
model = sys.argv[3]  # after "-m chatdesk.evaluation"
say(event="start", protocol=1, model=model)
say(event="progress", phase="load", done=0, total=1, progress=0.1, message="loading")
if "bad" in model:
    say(event="error", error="This file is not a GGUF model.", exit_code=2, template=None, params={{}})
    sys.exit(2)
say(event="progress", phase="perplexity", done=1, total=2, progress=0.5, perplexity=12.5, message="window 1")
if "slow" in model:
    while True:
        time.sleep(0.05)
say(event="result", result={{"model": {{"path": model, "name": model.rsplit("/", 1)[-1], "sha256": "ab" * 32,
                                       "file_type": "Q8_0"}},
                            "text": {{"name": "sample", "sha256": "cd" * 32}}, "n_ctx": 512, "n_chunks": 2,
                            "tokens": 512, "perplexity": 12.25}})
'''

PLAN = RunPlan(text=None, ctx=None, chunks=None, reference=None, auto_reference=False)


@pytest.fixture
def fake_python(tmp_path) -> str:
    program = tmp_path / "fake-python"
    program.write_text(FAKE_CHILD.format(python=sys.executable), encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return str(program)


def models(tmp_path: Path, *names: str) -> list[str]:
    out = []
    for name in names:
        path = tmp_path / f"{name}.gguf"
        path.write_bytes(b"GGUF")
        out.append(str(path))
    return out


@pytest.fixture
def queue(qapp, store, fake_python):
    q = RunQueue(EvaluationStore(store), fake_python)
    yield q
    q.stop_now()


def test_each_model_runs_in_turn_and_each_result_is_stored(qtbot, queue, store, tmp_path):
    good, bad = models(tmp_path, "good", "bad")
    assert queue.add([good, bad, good, ""]) == [0, 1]  # each file once
    changed, problems, saved = [], [], []
    queue.model_changed.connect(changed.append)
    queue.problem.connect(problems.append)
    queue.result_saved.connect(saved.append)
    with qtbot.waitSignal(queue.finished, timeout=TIMEOUT) as finished:
        queue.start(PLAN)
        assert queue.running
    assert not queue.running and queue.child is None
    ok, failed = queue.models
    assert (ok.state, ok.progress, ok.status) == (DONE, 100, "Done: perplexity 12.250")
    assert (failed.state, failed.status, failed.tooltip) == (FAILED, "Failed", "This file is not a GGUF model.")
    assert problems[-1] == "bad.gguf: This file is not a GGUF model."
    records = list_evaluations(store)
    assert [r.id for r in records] == finished.args[0] == [saved[0].id]
    assert records[0].result["model"]["path"] == good
    assert {0, 1} <= set(changed)


def test_cancel_stops_the_running_model_and_the_rest_is_not_run(qtbot, queue, store, tmp_path):
    queue.add(models(tmp_path, "slow", "good"))
    statuses = []
    queue.status_changed.connect(statuses.append)
    queue.start(PLAN)
    qtbot.waitUntil(lambda: queue.models[0].status.startswith("Perplexity: window 1 of 2, 12.500"), timeout=TIMEOUT)
    assert queue.models[0].progress == 50
    with qtbot.waitSignal(queue.finished, timeout=TIMEOUT) as finished:
        queue.cancel()
        assert queue.cancelling
    assert finished.args[0] == [] and list_evaluations(store) == []
    assert [q.state for q in queue.models] == [CANCELLED, NOT_RUN]
    assert queue.models[0].progress == 0
    assert statuses[-1] == "Cancelled. 0 of 2 models evaluated."


def test_a_text_that_cannot_be_read_is_said_before_any_model_runs(qtbot, queue, store, tmp_path):
    queue.add(models(tmp_path, "good"))
    problems = []
    queue.problem.connect(problems.append)
    plan = RunPlan(text=str(tmp_path / "missing.txt"), ctx=None, chunks=None, reference=None, auto_reference=False)
    with qtbot.waitSignal(queue.finished, timeout=TIMEOUT):
        queue.start(plan)
    assert queue.models[0].state == NOT_RUN and problems and "missing.txt" in problems[0]
    assert list_evaluations(store) == []


def test_the_list_cannot_change_while_it_runs(qtbot, queue, tmp_path):
    first, second = models(tmp_path, "slow", "good")
    queue.add([first, second])
    queue.start(PLAN)
    queue.remove([1])
    assert queue.paths() == [first, second]
    with qtbot.waitSignal(queue.finished, timeout=TIMEOUT):
        queue.cancel()
    queue.remove([0])
    assert queue.paths() == [second]
    Path(second).unlink()
    assert queue.missing() == [second]
