"""Export evaluation results as CSV or JSON, written off the GUI thread.

Why apart from the window: exporting needs only the records, a file name and a way to tell the
user how it went; the formats are ``chatdesk.evaluation.export``'s and the write is the project's
one crash-safe write (``chatdesk.transcripts.atomic.write_atomic``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from chatdesk.ui.app.i18n import localized
from chatdesk.ui.common.background import run_in_background

if TYPE_CHECKING:
    from chatdesk.store.evaluations import EvaluationRecord


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationWindow", text)


def export_results(owner: QObject, records: Sequence[EvaluationRecord], fmt: str, choose_file: Callable[[str], str],
                   tell: Callable[[str, str], None]) -> None:
    """Write ``records`` as ``fmt`` ("csv" or "json") to the file ``choose_file`` names; ``tell(text,
    kind)`` says how it went ("info", or "error" with the reason). Nothing to export, or no file
    chosen: nothing is written."""
    from chatdesk.evaluation.export import to_csv, to_json  # noqa: PLC0415

    if not records:
        tell(_tr("There are no results to export yet."), "info")
        return
    path = choose_file(fmt)
    if not path:
        return
    if not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"
    results = [r.result for r in records]
    data = (to_csv(results) if fmt == "csv" else to_json(results)).encode("utf-8")

    def write() -> None:
        from chatdesk.transcripts.atomic import write_atomic  # noqa: PLC0415

        write_atomic(path, data)

    def written(_none: None) -> None:
        tell(_tr("Exported {n} result(s) to {path}.").format(n=len(results), path=path), "info")

    def failed(exc: BaseException) -> None:
        tell(_tr("The results could not be exported: {error}").format(error=localized(exc)), "error")

    run_in_background(write, written, failed, owner=owner)
