"""The stored evaluation results as a table: which columns, how each figure is written.

A Qt table model over ``EvaluationRecord`` rows, with the text, tooltip and sort value of every
cell; "—" where a figure was not measured, never a made-up number. The formatting helpers live
here too because the chart and the window label results the same way.
"""


from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from chatdesk.evaluation.export import dig
from chatdesk.ui.common.formatting import human_size

if TYPE_CHECKING:
    from chatdesk.store.evaluations import EvaluationRecord
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationWindow", text)


# ----------------------------------------------------------------------------- formatting
def figure_text(value: Any, spec: str) -> str:
    return "—" if value is None else format(value, spec)




def text_label(name: str | None) -> str:
    """The text a result was measured on, as the table shows it."""
    if not name:
        return "—"
    if name.startswith("builtin:"):
        return _tr("Built-in sample")
    return name


def model_label(result: dict[str, Any]) -> str:
    path = dig(result, "model", "path")
    return Path(path).name if path else str(dig(result, "model", "name") or "—")



# ----------------------------------------------------------------------------- the results table
@dataclass(frozen=True)
class Column:
    key: str
    header: str
    numeric: bool = False


class ResultsTableModel(QAbstractTableModel):
    """Stored evaluations (``EvaluationRecord``), newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[EvaluationRecord] = []
        self.columns = (
            Column("model", _tr("Model")),
            Column("type", _tr("Quantization")),
            Column("size", _tr("File size"), True),
            Column("perplexity", _tr("Perplexity"), True),
            Column("bits", _tr("Bits/token"), True),
            Column("kl", _tr("KL divergence"), True),
            Column("top1", _tr("Top-1 agreement"), True),
            Column("prompt", _tr("Prompt tok/s"), True),
            Column("gen", _tr("Generation tok/s"), True),
            Column("memory", _tr("Peak memory"), True),
            Column("text", _tr("Text")),
            Column("ctx", _tr("Context"), True),
            Column("date", _tr("Measured")),
        )

    def set_records(self, records: Sequence[EvaluationRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def prepend(self, record: EvaluationRecord) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._records.insert(0, record)
        self.endInsertRows()

    def records(self) -> list[EvaluationRecord]:
        return list(self._records)

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._records) if r.id == record_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(record.result, column.key)
        if role == SORT_ROLE:
            value = self.value(record.result, column.key)
            return value if column.numeric else self.text(record.result, column.key).lower()
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record.result, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def value(r: dict[str, Any], key: str) -> Any:
        """The figure behind a cell, for sorting (None when not measured)."""
        return {
            "size": dig(r, "model", "size_bytes"), "perplexity": r.get("perplexity"), "bits": r.get("bits_per_token"),
            "kl": dig(r, "comparison", "kl_divergence"), "top1": dig(r, "comparison", "top1_agreement"),
            "prompt": r.get("prompt_tokens_per_s"), "gen": r.get("gen_tokens_per_s"), "memory": r.get("peak_rss_bytes"),
            "ctx": r.get("n_ctx"),
        }.get(key)

    @staticmethod
    def text(r: dict[str, Any], key: str) -> str:
        if key == "model":
            return model_label(r)
        if key == "type":
            return str(dig(r, "model", "file_type") or "—")
        if key == "size":
            return human_size(dig(r, "model", "size_bytes"))
        if key == "perplexity":
            ppl, err = r.get("perplexity"), r.get("perplexity_error")
            return figure_text(ppl, ".3f") + (f" ± {err:.3f}" if ppl is not None and err is not None else "")
        if key == "bits":
            return figure_text(r.get("bits_per_token"), ".3f")
        if key == "kl":
            return figure_text(dig(r, "comparison", "kl_divergence"), ".5f")
        if key == "top1":
            top1 = dig(r, "comparison", "top1_agreement")
            return "—" if top1 is None else f"{top1 * 100:.2f} %"
        if key == "prompt":
            return figure_text(r.get("prompt_tokens_per_s"), ".1f")
        if key == "gen":
            return figure_text(r.get("gen_tokens_per_s"), ".1f")
        if key == "memory":
            return human_size(r.get("peak_rss_bytes"))
        if key == "text":
            return text_label(dig(r, "text", "name"))
        if key == "ctx":
            return figure_text(r.get("n_ctx"), "d")
        if key == "date":
            return str(dig(r, "provenance", "date") or "—").replace("T", " ").removesuffix("+00:00")
        return ""

    @staticmethod
    def tooltip(r: dict[str, Any], key: str) -> str | None:
        if key == "model":
            return _tr("{path}\nSHA-256 {sha}").format(path=dig(r, "model", "path") or "", sha=dig(r, "model", "sha256") or "")
        if key in ("kl", "top1") and r.get("comparison"):
            c = r["comparison"]
            return _tr("Compared with {name} ({type}), whose perplexity is {ppl}").format(
                name=c.get("name") or "", type=c.get("file_type") or "", ppl=figure_text(c.get("reference_perplexity"), ".3f"))
        if key == "perplexity":
            return _tr("{tokens} tokens scored in {windows} windows").format(tokens=r.get("tokens"), windows=r.get("n_chunks"))
        if key == "date":
            prov = r.get("provenance") or {}
            return _tr("llama-cpp-python {version}, {threads} threads").format(
                version=prov.get("llama_cpp_python") or "?", threads=prov.get("threads") or "?")
        return None
