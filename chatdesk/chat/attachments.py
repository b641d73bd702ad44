"""Files attached to a message: how the model gets to read them, and the record of which way it did.

Three ways, chosen per message by ``plan_attachments``:

- ``whole``: every attached file fits the model's context next to the question, so the model
  reads all of it ("summarize this", "translate this into English" work on the whole text);
- ``map-reduce``: a file too long for the context, with a whole-document task (summarize,
  translate, or a preset for it): ``map_reduce`` runs the task over each section in turn
  (progress per section, Stop honoured between and within sections), and the reply is made from
  the sections' results;
- ``retrieval``: a file too long for the context and a question about something in it: the
  file's passages are searched (the same hybrid search as collections, in a throwaway index in
  memory) and the reply is grounded in the best ones.

Whichever it was goes into the reply's provenance (``grounding``) and onto each stored
attachment (``mode``), so the window can say which it did. Text comes from the same extractors
as collections (``chatdesk.documents``): PDFs, DOCX, HTML, text in any encoding.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from chatdesk.chat.grounding import Grounding, Source, ground, grounded_plan
from chatdesk.documents.chunking import chunk_pages
from chatdesk.documents.errors import ExtractionError
from chatdesk.documents.extract import Extracted, extract
from chatdesk.engine.embedding_facts import as_passages
from chatdesk.engine.errors import EngineError
from chatdesk.engine.types import ChatMessage, GenerationRequest, SamplingSettings
from translatable import Text, msg, text_of

if TYPE_CHECKING:
    from chatdesk.chat.flow import ReplyPlan
    from chatdesk.documents.indexer import EmbedderLike
    from chatdesk.engine.base import Engine

WHOLE, MAP_REDUCE, RETRIEVAL = "whole", "map-reduce", "retrieval"
WHOLE_TASK_PRESETS = {"builtin:summarize", "builtin:translate"}
_WHOLE_TASK_WORDS = re.compile(
    r"\b(summari[sz]e|summary|summarise|translate|translation|overview|tl;?dr|proofread|rewrite)\b|总结|摘要|概括|概述|翻译|译成|改写|校对",
    re.IGNORECASE,
)


class AttachmentError(RuntimeError):
    """An attached file cannot be read; the sentence names the file and the reason."""


@dataclass(frozen=True)
class AttachmentText:
    name: str
    data: bytes
    extracted: Extracted

    @property
    def text(self) -> str:
        return self.extracted.text


@dataclass(frozen=True)
class AttachmentPlan:
    mode: str  # WHOLE, MAP_REDUCE or RETRIEVAL
    files: tuple[AttachmentText, ...]
    sections: tuple[tuple[str, str], ...] = ()  # (file name, section text) for map-reduce


def read_attachment(name: str, data: bytes) -> AttachmentText:
    """The file's text, or ``AttachmentError`` with the reason it has none."""
    try:
        return AttachmentText(name, data, extract(data, name))
    except ExtractionError as exc:
        raise AttachmentError(exc.message) from exc


def is_whole_document_task(question: str, preset_id: str | None = None) -> bool:
    """Summaries and translations need every part of the text, not the passages most like the question."""
    return preset_id in WHOLE_TASK_PRESETS or bool(_WHOLE_TASK_WORDS.search(question))


def _estimate_tokens(text: str) -> int:
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    return cjk + (len(text) - cjk) // 3 + 1


def plan_attachments(question: str, files: Sequence[AttachmentText], *, budget_tokens: int,
                     count_tokens: Callable[[str], int] | None = None, preset_id: str | None = None) -> AttachmentPlan:
    """Which way the model reads ``files``: whole if they fit ``budget_tokens`` (the context left
    after the history, the question and the reply), else map-reduce or retrieval."""
    count = count_tokens or _estimate_tokens
    total = sum(count(f.text) + count(f.name) + 8 for f in files)
    if total <= budget_tokens:
        return AttachmentPlan(WHOLE, tuple(files))
    if is_whole_document_task(question, preset_id):
        section_tokens = max(128, budget_tokens // 2)
        return AttachmentPlan(MAP_REDUCE, tuple(files), tuple(_sections(files, section_tokens, count)))
    return AttachmentPlan(RETRIEVAL, tuple(files))


def _sections(files: Sequence[AttachmentText], section_tokens: int, count: Callable[[str], int]) -> list[tuple[str, str]]:
    """Consecutive pieces of each file, each within ``section_tokens``, cut at paragraph/sentence ends."""
    out: list[tuple[str, str]] = []
    for f in files:
        # chunk_pages weighs a CJK character as 3 and Latin as 1; a token is ~3 Latin characters.
        for c in chunk_pages(f.extracted.pages, max_weight=section_tokens * 3, overlap=0):
            while count(c.text) > section_tokens and len(c.text) > 16:  # the estimate was generous: split again
                half = len(c.text) // 2
                out.append((f.name, c.text[:half]))
                c = replace(c, text=c.text[half:])
            out.append((f.name, c.text))
    return out


def whole_grounding(question: str, files: Sequence[AttachmentText]) -> Grounding:
    blocks = []
    sources = []
    for n, f in enumerate(files, start=1):
        blocks.append(f'<file name="{f.name}">\n{f.text}\n</file>')
        sources.append(Source(n, f.name, None, 0, len(f.text), "", 0.0))
    prompt = "\n\n".join(blocks) + f"\n\n{question}"
    return Grounding(prompt, tuple(sources), WHOLE)


def retrieval_grounding(question: str, files: Sequence[AttachmentText], *, budget_tokens: int, limit: int = 8,
                        embedder: EmbedderLike | None = None, count_tokens: Callable[[str], int] | None = None) -> Grounding:
    """The question grounded in the files' best passages (a throwaway in-memory index)."""
    from chatdesk.documents.hybrid_search import search  # noqa: PLC0415
    from chatdesk.documents.index import DocumentIndex  # noqa: PLC0415 - SQLite and jieba load only for long attachments
    from chatdesk.documents.segment import for_index  # noqa: PLC0415

    index = DocumentIndex(":memory:")
    try:
        cid = index.add_paths("attachments", [])
        if embedder is not None:
            index.use_embedding_model("attachment", int(embedder.dim))
        for n, f in enumerate(files):
            chunks = chunk_pages(f.extracted.pages)
            vectors = (embedder.embed(as_passages(embedder, [c.text for c in chunks]))
                       if embedder is not None and chunks else None)
            index.replace_file(cid, f"{n}:{f.name}", kind=f.extracted.kind, size=len(f.data), mtime_ns=0, sha256="",
                               chunks=chunks, words=[for_index(c.text) for c in chunks], vectors=vectors, embed_model=None)
        hits = search(index, question, limit=limit, embedder=embedder)
    finally:
        index.close()
    named = [replace(h, path=h.path.split(":", 1)[1]) for h in hits]
    return replace(ground(question, named, budget_tokens=budget_tokens, count_tokens=count_tokens), mode=RETRIEVAL)


@dataclass(frozen=True)
class SectionProgress:
    done: int
    total: int
    name: str


@dataclass(frozen=True)
class MapReduceResult:
    grounding: Grounding
    stopped: bool
    section_results: tuple[str, ...]
    error: Text | str | None = None


MAP_INSTRUCTION = {
    "summarize": "Summarize this part of the file {name} (part {n} of {total}) in a few sentences. Keep names, numbers and dates.",
    "translate": "Translate this part of the file {name} (part {n} of {total}) as the user asked: {question}",
    "other": "This is part {n} of {total} of the file {name}. Note briefly what it says that helps with this request: {question}",
}


def _task(question: str, preset_id: str | None) -> str:
    if preset_id == "builtin:translate" or re.search(r"translat|翻译|译成", question, re.IGNORECASE):
        return "translate"
    if preset_id == "builtin:summarize" or re.search(r"summar|overview|总结|摘要|概括|概述", question, re.IGNORECASE):
        return "summarize"
    return "other"


def map_reduce(engine: Engine, question: str, plan: AttachmentPlan, *, sampling: SamplingSettings, stop: threading.Event,
               progress: Callable[[SectionProgress], None] | None = None, preset_id: str | None = None,
               system_prompt: str | None = None) -> MapReduceResult:
    """Run the task over every section (the map), then return the grounding that asks for the
    final reply from the sections' results (the reduce, generated by the normal reply path so it
    streams, is stored and can be stopped like any reply)."""
    task = _task(question, preset_id)
    results: list[str] = []
    total = len(plan.sections)
    error: Text | str | None = None
    for n, (name, section) in enumerate(plan.sections, start=1):
        if stop.is_set():
            break
        if progress is not None:
            progress(SectionProgress(n - 1, total, name))
        instruction = MAP_INSTRUCTION[task].format(name=name, n=n, total=total, question=question)
        messages: list[ChatMessage] = [ChatMessage("system", system_prompt)] if system_prompt else []
        messages.append(ChatMessage("user", f"{instruction}\n\n{section}"))
        request = GenerationRequest(request_id=n, messages=tuple(messages), sampling=sampling)
        try:
            result = engine.generate(request, stop, lambda _piece: None)
        except EngineError as exc:
            error = msg("Part {n} of {name} could not be processed: {error}", n=n, name=name, error=text_of(exc))
            break
        if result.error:
            error = msg("Part {n} of {name} could not be processed: {error}", n=n, name=name, error=result.error)
            break
        if stop.is_set() or result.stop_reason == "user":
            break  # a part cut short by Stop is not a result
        results.append(result.text.strip())
    stopped = stop.is_set() or len(results) < total
    if progress is not None:
        progress(SectionProgress(len(results), total, plan.sections[-1][0] if plan.sections else ""))
    names = sorted({name for name, _ in plan.sections})
    parts = "\n\n".join(f"[Part {i}]\n{r}" for i, r in enumerate(results, start=1))
    if task == "translate":
        prompt = (f"The file {', '.join(names)} was translated in {total} parts. Join the parts below into one translation, "
                  f"without adding or leaving out anything.\n\n{parts}")
    else:
        prompt = (f"The file {', '.join(names)} was too long to read at once, so it was read in {total} parts; "
                  f"here is what each part says.\n\n{parts}\n\nUsing these, answer: {question}")
    sources = tuple(Source(i, name, None, 0, len(text), results[i - 1] if i <= len(results) else "", 0.0)
                    for i, (name, text) in enumerate(plan.sections, start=1))
    return MapReduceResult(Grounding(prompt, sources, MAP_REDUCE), stopped, tuple(results), error)


def attachment_provenance(plan: AttachmentPlan) -> dict[str, Any]:
    return {"attachments": [{"name": f.name, "kind": f.extracted.kind, "chars": len(f.text)} for f in plan.files],
            "attachment_mode": plan.mode, "sections": len(plan.sections) or None}


def attachment_budget(n_ctx: int, plan: ReplyPlan, question: str) -> int:
    """Tokens the attached text may take: the context less the reply, the history and the question."""
    reply_tokens = plan.request.sampling.max_tokens or 512
    history = sum(len(m.content) for m in plan.request.messages[:-1]) // 3
    return max(256, n_ctx - reply_tokens - history - len(question) // 2 - 64)


def ground_in_attachments(plan: ReplyPlan, files: Sequence[AttachmentText], *, question: str, engine: Engine, n_ctx: int,
                          stop: threading.Event, progress: Callable[[SectionProgress], None] | None = None,
                          open_embedder: Callable[[], EmbedderLike | None] | None = None,
                          on_mode: Callable[[AttachmentPlan], None] | None = None) -> ReplyPlan:
    """``plan`` grounded in the attached ``files``: whole when they fit, else read in parts
    (map-reduce, for summaries and translations) or by retrieval; the chosen way goes into the
    provenance (and to ``on_mode``, so the caller can say which it did). Raises AttachmentError when
    a part fails or Stop was pressed while reading in parts (the user's turn is kept). The window's
    worker and ``chatdesk ask --attach`` both call this."""
    budget = attachment_budget(n_ctx, plan, question)
    preset = dict(plan.provenance_base).get("preset_id")
    chosen = plan_attachments(question, files, budget_tokens=budget, preset_id=preset if isinstance(preset, str) else None)
    if on_mode is not None:
        on_mode(chosen)
    if chosen.mode == WHOLE:
        grounding = whole_grounding(question, files)
    elif chosen.mode == MAP_REDUCE:
        result = map_reduce(engine, question, chosen, sampling=plan.request.sampling, stop=stop, progress=progress,
                            preset_id=preset if isinstance(preset, str) else None)
        if result.error:
            raise AttachmentError(result.error)
        if result.stopped:
            raise AttachmentError(msg("Stopped while reading the attachment in parts; your message was kept."))
        grounding = result.grounding
    else:
        embedder = open_embedder() if open_embedder is not None else None  # loaded only when retrieval needs it
        grounding = retrieval_grounding(question, files, budget_tokens=budget // 2, embedder=embedder)
    grounded = grounded_plan(plan, grounding)
    base = dict(grounded.provenance_base)
    base.update(attachment_provenance(chosen))
    return replace(grounded, provenance_base=tuple(base.items()))
