"""The pipeline, step by step, with this model's real sizes and this text's live numbers.

The steps are the ones the textbooks teach (tokens → embedding + position → attention → softmax
→ weighted sum → feed-forward → residual → layer norm → output softmax); each links to the view
that shows it (``view:attention`` …), which the window follows.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("InspectorPipeline", text)


def pipeline_html(inspection: Any) -> str:
    m = inspection.model
    t = inspection.n_tokens
    top = inspection.output.ids[-1][0] if t else -1
    mean_in = float(inspection.input_norms.mean()) if t else 0.0
    last_norm = float(inspection.residual_norms[-1].mean()) if t else 0.0
    kv = _tr("{kv} key/value heads shared by the {heads} query heads (grouped-query attention)").format(
        kv=m.n_head_kv, heads=m.n_head) if m.n_head_kv != m.n_head else _tr("one key/value head per query head")
    position = (_tr("a learned position vector is added to each token's vector") if inspection.position_embedding_norms is not None
                else _tr("positions are rotated into the queries and keys inside attention (RoPE)"))
    steps = [
        ("tokens", _tr("Tokens"), _tr("The text is cut into {t} tokens from a vocabulary of {v}.").format(t=t, v=m.n_vocab)),
        ("contributions", _tr("Embedding + position"),
         _tr("Each token becomes a vector of {d} numbers; {position}. Their mean length here: {norm}.").format(
             d=m.n_embd, position=position, norm=f"{mean_in:.2f}")),
        ("attention", _tr("Attention"),
         _tr("In each of {layers} layers, {heads} heads score every earlier token ({kv}).").format(
             layers=m.n_layer, heads=m.n_head, kv=kv)),
        ("attention", _tr("Softmax"), _tr("Each token's scores become weights that add up to 1 (hover a token to see them).")),
        ("attention", _tr("Weighted sum"), _tr("The values of the earlier tokens are mixed by those weights.")),
        ("contributions", _tr("Feed-forward"), _tr("A two-layer network then works on each position by itself.")),
        ("contributions", _tr("Residual"),
         _tr("Attention and feed-forward add their results to the token's vector (the residual stream); "
             "after the last layer its mean length is {norm}.").format(norm=f"{last_norm:.1f}")),
        ("lens", _tr("Layer norm"), _tr("The vector is normalised before each block and once more at the end.")),
        ("lens", _tr("Output softmax"),
         _tr("The output matrix scores all {v} tokens; softmax turns the scores into probabilities. The logit lens "
             "applies this step after every layer.").format(v=m.n_vocab)),
    ]
    rows = "".join(
        f'<li><a href="view:{key}"><b>{escape(title)}</b></a><br>{escape(body)}</li>' for key, title, body in steps)
    facts = _tr("{name}: {layers} layers, {heads} heads, embedding width {d}, context {ctx} ({arch}, {ftype})").format(
        name=m.name, layers=m.n_layer, heads=m.n_head, d=m.n_embd, ctx=m.n_ctx_train, arch=m.architecture, ftype=m.file_type)
    tail = ""
    if top >= 0:
        tail = "<p>" + escape(_tr("After the last token the model's most likely next token has probability {p}.").format(
            p=f"{float(inspection.output.probs[-1][0]):.0%}")) + "</p>"
    return f"<p>{escape(facts)}</p><ol>{rows}</ol>{tail}"
