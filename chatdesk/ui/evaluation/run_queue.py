"""The evaluation run queue: the models to evaluate, one child process after another, each result stored.

Why an object of its own: the order of a run (check the text, start each model's child, follow
its progress, save its result, stop on Cancel, say what failed) is behaviour the window only
shows. Kept here, with the store given to it (``EvaluationStore``), it can be driven and tested
without the window, and the window is left with the widgets. Each model's state, status words
and progress live in its ``QueuedModel``; ``model_changed(i)`` says when they changed.

Each model runs in its own ``python -m chatdesk.evaluation`` child (``EvaluationChild``), so the
GUI thread never waits on llama.cpp and a crash in the child cannot take ChatDesk down. Cancel is
SIGTERM: the child stops within one graph evaluation and nothing of it is stored.
"""

from __future__ import annotations

import sys
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from chatdesk import paths
from chatdesk.evaluation.launcher import ChildOutcome, child_arguments
from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.evaluation.evaluation_child import EvaluationChild, outcome_message
from chatdesk.ui.evaluation.evaluation_results import figure_text

if TYPE_CHECKING:
    from chatdesk.store import Store
    from chatdesk.store.evaluations import EvaluationRecord

QUEUED, RUNNING, SAVING, DONE, FAILED, CANCELLED, NOT_RUN = "queued", "running", "saving", "done", "failed", "cancelled", "not-run"


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationWindow", text)


@dataclass
class QueuedModel:
    """One model of the queue and what the last run made of it."""

    path: str
    state: str = ""
    status: str = ""  # the words shown for it
    tooltip: str = ""
    progress: int = 0  # percent
    error: str | None = None
    result: dict[str, Any] | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class RunPlan:
    """What the user chose when pressing Evaluate (kept for the whole run)."""

    text: str | None  # None: the built-in sample
    ctx: int | None
    chunks: int | None
    reference: str | None  # an explicit reference
    auto_reference: bool


class EvaluationStore:
    """The database evaluations are stored in: the one given, else the data folder's, opened on
    the thread pool on first use (never on the GUI thread) and closed when this object goes."""

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self._lock = threading.Lock()

    def run(self, fn: Callable[[Store], Any], done: Callable[[Any], None], failed: Callable[[BaseException], None],
            owner: QObject) -> None:
        """``fn(store)`` on the thread pool; ``done``/``failed`` on the GUI thread while ``owner`` lives."""
        run_in_background(lambda: fn(self._open()), done, failed, owner=owner)

    def _open(self) -> Store:
        with self._lock:
            if self._store is None:
                from chatdesk.store import Store  # noqa: PLC0415 - SQLAlchemy, loaded on demand

                paths.ensure_data_dir()
                store = Store(paths.database_path(), paths.backups_dir())
                self._store = store
                self._finalizer = weakref.finalize(self, store.close)
            return self._store


class RunQueue(QObject):
    """The models to evaluate and the run over them; ``store`` keeps each result.

    ``python`` runs the child processes (``python -m chatdesk.evaluation``).
    """

    model_changed = Signal(int)  # models[i]'s state, status, tooltip or progress changed
    status_changed = Signal(str)  # the run's status line
    problem = Signal(str)  # a sentence for the user: every failure of this run so far, or why it could not start
    result_saved = Signal(object)  # EvaluationRecord, as soon as one model's result is stored
    running_changed = Signal()  # started, cancelling or finished
    finished = Signal(list)  # the ids of the results this run stored

    def __init__(self, store: EvaluationStore, python: str = sys.executable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._python = python
        self.models: list[QueuedModel] = []
        self._pending: list[int] = []
        self.child: EvaluationChild | None = None  # the running child process, if any
        self._plan: RunPlan | None = None
        self._run_records: list[int] = []
        self._run_errors: list[str] = []
        self._cancelling = False

    # -- the list ----------------------------------------------------------------------------
    def add(self, model_paths: Sequence[str]) -> list[int]:
        """Put these GGUF files in the queue (each once); the indices of the ones added."""
        known = {str(Path(q.path)) for q in self.models}
        added = []
        for p in model_paths:
            if not p or str(Path(p)) in known:
                continue
            known.add(str(Path(p)))
            self.models.append(QueuedModel(str(p)))
            added.append(len(self.models) - 1)
        return added

    def remove(self, rows: Sequence[int]) -> None:
        """Take these models out of the queue (not while it runs)."""
        if self.running:
            return
        for r in sorted(set(rows), reverse=True):
            del self.models[r]

    def paths(self) -> list[str]:
        return [q.path for q in self.models]

    def missing(self) -> list[str]:
        """The queued files that do not exist (any more)."""
        return [q.path for q in self.models if not Path(q.path).is_file()]

    # -- the run -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._plan is not None

    @property
    def cancelling(self) -> bool:
        return self._cancelling

    def start(self, plan: RunPlan) -> None:
        """Evaluate every queued model with ``plan``, one child process after another."""
        if self.running or not self.models:
            return
        self._plan = plan
        self._cancelling = False
        self._run_records = []
        self._run_errors = []
        self._pending = list(range(len(self.models)))
        for i in self._pending:
            self.models[i].error = None
            self.models[i].result = None
            self._set(i, QUEUED, _tr("Waiting"), progress=0)
        self.status_changed.emit(_tr("Checking the text…") if plan.text else "")
        self.running_changed.emit()
        if plan.text is None:
            self._next()
            return
        from chatdesk.evaluation.texts import load_text  # noqa: PLC0415 - light, Qt-free

        def checked(_text: Any) -> None:
            if self._plan is plan:
                self._next()

        def refused(exc: BaseException) -> None:
            if self._plan is not plan:
                return
            self._skip_pending()
            self.problem.emit(localized(exc))
            self._finish()

        run_in_background(lambda: load_text(plan.text), checked, refused, owner=self)  # unreadable, not UTF-8, empty: said first

    def cancel(self) -> None:
        """Stop the model being evaluated (nothing of it is stored) and the ones after it."""
        if not self.running or self._cancelling:
            return
        self._cancelling = True
        self.status_changed.emit(_tr("Cancelling…"))
        self.running_changed.emit()
        if self.child is not None:
            self.child.cancel()

    def stop_now(self) -> None:
        """For a closing window: the running child is stopped at once (nothing half-measured is stored)."""
        if self.child is not None:
            self._cancelling = True
            self.child.stop_now()

    # -- one model after another ------------------------------------------------------------
    def _set(self, i: int, state: str, status: str, tooltip: str = "", progress: int | None = None) -> None:
        q = self.models[i]
        q.state, q.status, q.tooltip = state, status, tooltip or status
        if progress is not None:
            q.progress = progress
        self.model_changed.emit(i)

    def _skip_pending(self) -> None:
        for i in self._pending:
            self._set(i, NOT_RUN, _tr("Not run"))
        self._pending = []

    def _fail(self, i: int, error: str) -> None:
        q = self.models[i]
        q.error = error
        self._set(i, FAILED, _tr("Failed"), error)
        self._run_errors.append(_tr("{name}: {error}").format(name=q.name, error=error))
        self.problem.emit("\n".join(self._run_errors))

    def _candidates(self, model: str) -> list[str]:
        """GGUFs that may be ``model``'s higher-precision source: the other models and the data folder's."""
        me = Path(model).resolve()
        found = [Path(q.path) for q in self.models]
        folder = paths.models_dir()
        if folder.is_dir():
            found += sorted(folder.glob("*.gguf"))
        out: list[str] = []
        for c in found:
            resolved = c.resolve()
            if resolved != me and str(resolved) not in out and resolved.is_file():
                out.append(str(resolved))
        return out

    def _arguments(self, model: str) -> list[str]:
        plan = self._plan
        assert plan is not None
        reference = plan.reference
        if reference and Path(reference).resolve() == Path(model).resolve():
            reference = None  # the reference itself: measured, not compared with itself
        checks = paths.model_checks_path()
        return child_arguments(
            model, text=plan.text, ctx=plan.ctx, chunks=plan.chunks, reference=reference,
            candidates=self._candidates(model) if plan.auto_reference else (),
            check_cache=str(checks) if checks.parent.is_dir() else None,
        )

    def _next(self) -> None:
        if self._cancelling:
            self._skip_pending()
        if not self._pending:
            self._finish()
            return
        i = self._pending.pop(0)
        q = self.models[i]
        self._set(i, RUNNING, _tr("Starting…"))
        self.status_changed.emit(_tr("Evaluating {name} ({n} of {total})…").format(
            name=q.name, n=len(self.models) - len(self._pending), total=len(self.models)))
        child = EvaluationChild(self._arguments(q.path), self._python, self)
        child.progressed.connect(lambda event, i=i: self._progressed(i, event))
        child.ended.connect(lambda outcome, i=i, c=child: self._ended(i, c, outcome))
        self.child = child
        child.start()

    def _progressed(self, i: int, event: dict[str, Any]) -> None:
        q = self.models[i]
        q.progress = round(float(event.get("progress") or 0) * 100)
        phase, done, total = event.get("phase"), event.get("done", 0), event.get("total", 0)
        if phase == "load":
            text = _tr("Loading the model…")
        elif phase == "perplexity":
            text = _tr("Perplexity: window {done} of {total}").format(done=done, total=total)
            if event.get("perplexity") is not None:
                text += _tr(", {value} so far").format(value=f"{float(event['perplexity']):.3f}")
        elif phase == "generation":
            text = _tr("Measuring the generation speed…")
        elif phase == "hash":
            text = _tr("Computing the file's SHA-256…")
        elif phase == "compare":
            text = _tr("Comparing with the reference: window {done} of {total}").format(done=done, total=total)
        else:
            self.model_changed.emit(i)
            return
        if q.state == RUNNING:
            self._set(i, RUNNING, text)
        else:
            self.model_changed.emit(i)

    def _ended(self, i: int, child: EvaluationChild, outcome: ChildOutcome) -> None:
        if self.child is child:
            self.child = None
        child.deleteLater()
        if outcome.result is not None and outcome.exit_code == 0 and not self._cancelling:
            self._set(i, SAVING, _tr("Saving…"))
            self._save(i, outcome.result)
            return
        if outcome.cancelled or self._cancelling:
            self._set(i, CANCELLED, _tr("Cancelled"), progress=0)
            self._cancelling = True
        else:
            self._fail(i, outcome_message(outcome))
        self._next()

    def _save(self, i: int, result: dict[str, Any]) -> None:
        from chatdesk.store.evaluations import save_evaluation  # noqa: PLC0415 - SQLAlchemy, loaded on demand

        plan = self._plan

        def saved(record: EvaluationRecord) -> None:
            if self._plan is not plan:
                return
            self.models[i].result = record.result
            ppl = record.result.get("perplexity")
            self._set(i, DONE, _tr("Done: perplexity {value}").format(value=figure_text(ppl, ".3f")), progress=100)
            self._run_records.append(record.id)
            self.result_saved.emit(record)
            self._next()

        def failed(exc: BaseException) -> None:
            if self._plan is not plan:
                return
            self._fail(i, _tr("The result could not be saved: {error}").format(error=localized(exc)))
            self._next()

        self.store.run(lambda store: save_evaluation(store, result), saved, failed, owner=self)

    def _finish(self) -> None:
        cancelled = self._cancelling
        done = sum(1 for q in self.models if q.state == DONE)
        self._plan = None
        self._cancelling = False
        if cancelled:
            self.status_changed.emit(_tr("Cancelled. {done} of {total} models evaluated.").format(done=done, total=len(self.models)))
        else:
            self.status_changed.emit(_tr("{done} of {total} models evaluated.").format(done=done, total=len(self.models)))
        self.running_changed.emit()
        self.finished.emit(list(self._run_records))
