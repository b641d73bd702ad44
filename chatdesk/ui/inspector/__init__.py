"""The inspector feature: Look inside… a reply (or a typed text) of a local model: attention drawn
over the text, a layer × head grid, the logit lens, each layer's contribution, and the pipeline
explained with this model's live numbers (``chatdesk.inspection`` computes them)."""
