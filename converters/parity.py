"""The logits-parity check's outcome as one sentence a person reads, pass or fail.

``converters.verify`` compares llama.cpp's logits on the converted GGUF with a forward pass of the
source checkpoint's own weights (read with ``torch.load(weights_only=True)``); its report is
figures. The import dialog (after each conversion) and ``chatdesk-convert --verify`` both say what
those figures mean with this one sentence, so the window and the terminal agree. It takes the
report as a dict because the dialog gets it as JSON from the converter child process. Qt-free
(``translatable.msg``: the window shows it in the interface language).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from translatable import Text, msg


def parity_sentence(report: Mapping[str, Any]) -> Text:
    """``report``: ``VerifyReport.to_dict()`` (max_abs_diff, top1_agreement, min_top1, n_positions,
    tokenization_match, passed ...), or an embedding model's ``EmbeddingVerifyReport.to_dict()``."""
    if "min_cosine" in report:
        return _embedding_sentence(report)
    figures = {
        "diff": f"{float(report['max_abs_diff']):.3g}",
        "top1": f"{float(report['top1_agreement']):.1%}",
        "need": f"{float(report['min_top1']):.0%}",
        "n": int(report["n_positions"]),
    }
    if report.get("passed"):
        return msg("Logits parity with the source checkpoint: passed. The most likely next token agrees at {top1} of "
                   "{n} positions (needs {need}); the largest logit difference is {diff}.", **figures)
    if report.get("tokenization_match") is False:
        return msg("Logits parity with the source checkpoint: FAILED. llama.cpp splits text into other tokens than the "
                   "checkpoint's tokenizer, so the model will not read your messages as it was trained to (top-1 "
                   "agreement {top1} of {n} positions, largest logit difference {diff}).", **figures)
    return msg("Logits parity with the source checkpoint: FAILED. The most likely next token agrees at only {top1} of "
               "{n} positions (needs {need}); the largest logit difference is {diff}. The converted model does not "
               "behave like the checkpoint.", **figures)


def _embedding_sentence(report: Mapping[str, Any]) -> Text:
    figures = {"cos": f"{float(report['min_cosine']):.6f}", "need": f"{float(report['threshold'])}", "n": int(report["n_texts"])}
    if report.get("passed"):
        return msg("Embedding parity with the source model: passed. Every vector's cosine similarity with the source "
                   "model's is at least {cos} over {n} texts (needs {need}).", **figures)
    return msg("Embedding parity with the source model: FAILED. The lowest cosine similarity with the source model's "
               "vectors is {cos} over {n} texts (needs {need}).", **figures)


def parity_unavailable(reason: str) -> Text:
    """The check could not run (``reason``: the converter's sentence); the model itself was converted."""
    return msg("Logits parity with the source checkpoint could not be checked: {reason}", reason=reason)
