"""Measured quality of a model: perplexity, bits per token, speed, memory, and what quantization costs.

People train small GPTs, convert them and quantize them; this package tells them what each file
is worth on a given text, with figures that compare with llama.cpp's own ``llama-perplexity``
(same tokenization, windows and scoring; see ``windows``) and, for a quantized model, how far its
next-token distributions are from a higher-precision source (KL divergence and top-1 agreement
against another GGUF of the same model, or against the original checkpoint). Qt-free.

Modules: ``texts`` (the built-in bilingual sample and user files), ``windows`` (llama-perplexity's
chunking), ``llama_context`` (llama.cpp's low-level API), ``scoring`` (numpy), ``references``
(which model to compare against), ``evaluate`` (one model, in-process), ``results``
(the result and its provenance), ``export`` (CSV / JSON), ``child`` and ``launcher`` (the
child process and its parent side).

Child-process protocol (``python -m chatdesk.evaluation MODEL [options]``)
------------------------------------------------------------------------
Options: ``--text FILE`` (default: the built-in sample), ``--ctx N``, ``--batch N``, ``--threads N``,
``--gen-tokens N``, ``--chunks N``, ``--reference GGUF_OR_CHECKPOINT``, ``--reference-tokenizer PATH``,
``--candidate GGUF`` (repeatable: possible higher-precision sources), ``--check-cache FILE``.
``launcher.child_arguments`` builds them.

Every stdout line is one JSON object with an ``event`` key (UTF-8, ``\\n``-terminated, flushed);
llama.cpp's own messages and Python tracebacks go to stderr, never to stdout:

* ``{"event": "start", "protocol": 1, "model": PATH}`` — first line.
* ``{"event": "progress", "phase": P, "done": k, "total": n, "progress": 0.0-1.0, "message": TEXT}``
  — phases in order: ``load``, ``perplexity`` (also ``"perplexity"``: the running figure),
  ``generation``, ``hash``, ``compare``. ``progress`` is the overall fraction for a progress bar;
  ``message`` is a short human line for a status label.
* ``{"event": "result", "result": {...}}`` — last line on success (exit status 0). The result is
  ``results.EvaluationResult.to_dict()``: ``perplexity``, ``perplexity_error``, ``bits_per_token``,
  ``bits_per_byte``, ``tokens`` (scored), ``text_tokens``, ``n_ctx``, ``n_chunks``, ``seconds`` (the
  perplexity pass), ``load_seconds``, ``cpu_seconds``, ``prompt_tokens_per_s``, ``gen_tokens_per_s``, ``peak_rss_bytes``, ``model`` {path, name,
  sha256, file_type, ...}, ``text`` {name, sha256, ...}, ``comparison`` (null, or {kind, name,
  sha256, kl_divergence, kl_p99, kl_max, top1_agreement, reference_perplexity, ...}),
  ``provenance`` {llama_cpp_python, ggml_commit, threads, date, ...}, ``notes`` and ``schema``.
* ``{"event": "error", "error": SENTENCE, "exit_code": 1|2, "template": T, "params": {...}}`` — last
  line on failure. ``error`` is the English sentence; ``template`` and ``params`` are what it was
  made from (``translatable.to_data``; ``template`` null when it has none), so a window rebuilds
  it with ``launcher.event_error`` and shows it in its own language. Exit status 2:
  the input can be fixed by the user (bad model file, unreadable or too short text, impossible
  ``--ctx``, a reference that is not the same model); 1: anything else.
* ``{"event": "cancelled", "exit_code": 143}`` — after SIGTERM (130 after SIGINT). Cancelling is
  sending SIGTERM (``QProcess.terminate()``); the child stops within one llama.cpp graph
  evaluation and writes no files, so nothing is left to clean up.

A parent should treat an exit without a ``result``/``error``/``cancelled`` line (a crash, SIGKILL)
as a failure and show the last stderr line.
"""

from chatdesk.evaluation.errors import EvaluationCancelled, EvaluationError

__all__ = ["EvaluationCancelled", "EvaluationError"]
