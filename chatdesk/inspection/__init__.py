"""Watch a GPT think: attention, the logit lens and each layer's contribution, from llama.cpp.

People learning how a GPT works meet it as a pipeline (tokens → embedding + position →
attention → softmax → weighted sum → feed-forward → residual → layer norm → output softmax);
this package shows that pipeline's live numbers for the model the user runs, computed by
llama.cpp itself in one evaluation of the text, not by a PyTorch re-implementation. Qt-free: the
window's inspector and ``chatdesk inspect`` are both built on it; it uses the engine layer only
(GGUF checks, the detokenizer) and never the store.

Modules: ``architectures`` (which graphs we can read, and how), ``ggml_nodes`` (reading a
graph node from the eval callback), ``capture`` (the evaluation: ``Inspector``), ``storage``
(memory-mapped attention and residual files), ``head`` (final norm + output matrix from the GGUF:
the logit lens), ``result`` (the ``Inspection`` dataclass and its views), ``export`` (JSON,
docs/inspection.md) and ``job`` (background thread, progress, cancel).

Typical use::

    from chatdesk.inspection import Inspector
    with Inspector("model.gguf") as insp:
        ids = insp.tokenize("The capital of France is")
        with insp.inspect(ids, progress=print, cancel=stop_event) as result:
            result.attention(layer=3, head=0)        # (T, T) weights after softmax
            result.logit_lens(5).ids[:, 0]           # layer 5's top prediction per position
            result.residual_norms, result.attention_norms, result.ffn_norms

or in the background: ``job = start_inspection(path, text=..., progress=cb)``; ``job.cancel()``;
``job.result()``.
"""

from typing import TYPE_CHECKING

from chatdesk.inspection.errors import InspectionCancelled, InspectionError, UnsupportedArchitecture

if TYPE_CHECKING:  # the real types for the type checker; at run time __getattr__ below loads them
    from chatdesk.inspection.capture import Inspector
    from chatdesk.inspection.job import InspectionJob, start_inspection
    from chatdesk.inspection.result import Inspection, Progress

__all__ = [
    "Inspection",
    "InspectionCancelled",
    "InspectionError",
    "InspectionJob",
    "Inspector",
    "Progress",
    "UnsupportedArchitecture",
    "start_inspection",
]


def __getattr__(name: str) -> object:
    """Lazy: ``import chatdesk.inspection`` stays cheap (llama_cpp and numpy load on first use)."""
    if name == "Inspector":
        from chatdesk.inspection.capture import Inspector

        return Inspector
    if name in ("InspectionJob", "start_inspection"):
        from chatdesk.inspection import job

        return getattr(job, name)
    if name in ("Inspection", "Progress"):
        from chatdesk.inspection import result

        return getattr(result, name)
    raise AttributeError(name)
