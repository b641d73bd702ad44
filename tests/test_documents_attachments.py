"""Attachments: stored once by content hash with the message, surviving a restart, travelling in the
JSON transcript; and the choice between reading a file whole, in parts or by retrieval."""

from __future__ import annotations

import base64
import json

import pytest
from documents_support import write_docx, write_pdf

from chatdesk.archive import export_conversations, import_file
from chatdesk.chat import attachments as att
from chatdesk.chat.grounding import ground, grounded_plan, retrieval_query, sources_of
from chatdesk.engine.types import ChatMessage
from chatdesk.store import Store
from chatdesk.store.attachments import NewAttachment, attach_files, attachment_data, attachments_of, purge_unused_blobs
from chatdesk.transcripts import parse_json
from chatdesk.transcripts.errors import TranscriptError

LEASE = "本合同的期限为两年，自双方签字之日起生效。甲方应当在每月五日前支付租金。".encode()


def test_attachments_are_stored_once_and_survive_a_restart(data_dir):
    db = data_dir / "chatdesk.sqlite3"
    store = Store(db)
    conv = store.create_conversation("Lease")
    first, _ = store.add_turn(conv.id, "总结一下")
    second, _ = store.add_turn(conv.id, "再翻译成英文")
    attach_files(store, first.id, [NewAttachment("lease.txt", LEASE, "text", "whole"), NewAttachment("notes.md", b"# Notes\n", "markdown")])
    attach_files(store, second.id, [NewAttachment("copy-of-lease.txt", LEASE, "text")])
    blobs = store.engine.connect().exec_driver_sql("SELECT COUNT(*) FROM attachment_blobs").scalar()
    assert blobs == 2  # the lease is stored once although two messages attach it
    store.close()

    store = Store(db)  # a restart
    try:
        got = attachments_of(store, [first.id, second.id])
        assert [(a.name, a.kind, a.mode, a.size) for a in got[first.id]] == [("lease.txt", "text", "whole", len(LEASE)), ("notes.md", "markdown", None, 8)]
        assert got[second.id][0].sha256 == got[first.id][0].sha256
        assert attachment_data(store, got[second.id][0].sha256) == LEASE
        store.delete_conversations([conv.id])
        assert attachments_of(store, [first.id]) == {}
        assert purge_unused_blobs(store) == 2
    finally:
        store.close()


def test_attachments_travel_in_the_json_transcript(data_dir, tmp_path):
    store = Store(data_dir / "chatdesk.sqlite3")
    pdf = write_pdf(tmp_path / "report.pdf", ["Revenue grew by twelve percent."]).read_bytes()
    conv = store.create_conversation("Report")
    user, _ = store.add_turn(conv.id, "Summarize the report")
    attach_files(store, user.id, [NewAttachment("report.pdf", pdf, "pdf", "whole")])
    out = tmp_path / "export.json"
    export_conversations(store, [conv.id], "json", out)
    store.close()
    doc = json.loads(out.read_text(encoding="utf-8"))
    message = next(m for m in doc["conversations"][0]["messages"] if m["role"] == "user")
    [entry] = message["attachments"]
    assert entry["name"] == "report.pdf" and entry["kind"] == "pdf" and entry["mode"] == "whole" and entry["size"] == len(pdf)
    assert base64.b64decode(entry["data_base64"]) == pdf

    other = tmp_path / "other-machine"
    other.mkdir()
    fresh = Store(other / "chatdesk.sqlite3")
    try:
        report = import_file(fresh, out)
        assert report.new_conversations == 1
        [new_conv] = fresh.list_conversations()
        new_user = next(m for m in fresh.messages(new_conv.id) if m.role == "user")
        [a] = attachments_of(fresh, [new_user.id])[new_user.id]
        assert (a.name, a.kind, a.mode) == ("report.pdf", "pdf", "whole")
        assert attachment_data(fresh, a.sha256) == pdf
    finally:
        fresh.close()


def test_a_damaged_attachment_is_refused_on_import():
    doc = {"format": "chatdesk-transcript", "version": 1, "conversations": [{
        "uid": "c" * 32, "title": "x", "created_at_unix": 1.0, "updated_at_unix": 1.0, "messages": [{
            "uid": "m" * 32, "parent_uid": None, "role": "user", "content": "hi", "status": "done", "created_at_unix": 1.0,
            "attachments": [{"name": "a.txt", "data_base64": base64.b64encode(b"abc").decode(), "sha256": "0" * 64}],
        }]}]}
    with pytest.raises(TranscriptError, match='"a.txt" does not match its sha256'):
        parse_json(json.dumps(doc).encode())


def _files(tmp_path):
    long_text = "\n\n".join(f"Chapter {i}. The lighthouse keeper counted {i * 3} ships and wrote about the {w} weather."
                            for i, w in enumerate(["stormy", "calm", "foggy", "bright"] * 60))
    docx = write_docx(tmp_path / "log.docx", title="Keeper's log", paragraphs=long_text.split("\n\n"))
    return att.read_attachment("log.docx", docx.read_bytes())


def test_a_file_that_fits_goes_in_whole(tmp_path):
    pdf = write_pdf(tmp_path / "memo.pdf", ["The meeting moved to Thursday at 10.", "Bring the budget draft."])
    f = att.read_attachment("memo.pdf", pdf.read_bytes())
    plan = att.plan_attachments("Translate this into Chinese", [f], budget_tokens=2000)
    assert plan.mode == att.WHOLE
    g = att.whole_grounding("Translate this into Chinese", [f])
    assert "The meeting moved to Thursday at 10." in g.prompt and "Bring the budget draft." in g.prompt
    assert g.prompt.endswith("Translate this into Chinese") and g.mode == "whole"


def test_a_long_file_is_read_in_parts_for_a_summary_and_by_retrieval_for_a_question(tmp_path):
    f = _files(tmp_path)
    summary = att.plan_attachments("Summarize this log", [f], budget_tokens=1000)
    assert summary.mode == att.MAP_REDUCE and len(summary.sections) > 3
    assert "".join(s for _, s in summary.sections).count("Chapter") == 240  # every chapter, once
    assert att.plan_attachments("总结一下", [f], budget_tokens=1000).mode == att.MAP_REDUCE
    assert att.plan_attachments("What happened?", [f], budget_tokens=1000, preset_id="builtin:summarize").mode == att.MAP_REDUCE
    question = att.plan_attachments("How many ships did the keeper count in chapter 137?", [f], budget_tokens=1000)
    assert question.mode == att.RETRIEVAL
    g = att.retrieval_grounding("How many ships did the keeper count in chapter 137?", [f], budget_tokens=600)
    assert g.mode == "retrieval" and g.sources and g.sources[0].path == "log.docx"
    assert "Chapter 137." in g.sources[0].text and "[1] log.docx" in g.prompt


def test_unreadable_attachment_says_why():
    with pytest.raises(att.AttachmentError, match="binary file"):
        att.read_attachment("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(300))


class _Hit:
    def __init__(self, path, page, text):
        self.path, self.page, self.start, self.end, self.text, self.score = path, page, 0, len(text), text, 0.5


def test_grounding_numbers_sources_within_the_budget(store):
    hits = [_Hit("/docs/a.pdf", 3, "Alpha " * 50), _Hit("/docs/b.txt", None, "Beta " * 2000), _Hit("/docs/c.md", None, "Gamma facts.")]
    g = ground("What is alpha?", hits, budget_tokens=400)
    assert [s.path for s in g.sources] == ["/docs/a.pdf", "/docs/c.md"]  # b does not fit; c still does
    assert [s.number for s in g.sources] == [1, 2]
    assert "[1] a.pdf, page 3:" in g.prompt and "[2] c.md:" in g.prompt and "square brackets" in g.prompt
    assert g.prompt.endswith("Question: What is alpha?")

    from chatdesk.chat import ConversationFlow, ModelTarget
    from chatdesk.settings import AppSettings

    flow = ConversationFlow(store, AppSettings())
    plan = flow.send(None, "What is alpha?", ModelTarget("/models/x.gguf"))
    grounded = grounded_plan(plan, g)
    assert grounded.request.messages[-1].content == g.prompt
    assert store.get_message(plan.user.id).content == "What is alpha?"  # the stored message is what the user typed
    prov = dict(grounded.provenance_base)
    assert prov["grounding"] == "retrieval" and [s.path for s in sources_of(prov)] == ["/docs/a.pdf", "/docs/c.md"]


def test_short_follow_up_questions_carry_the_previous_question():
    history = [ChatMessage("user", "What does the lease say about the deposit?"), ChatMessage("assistant", "Two months' rent [1].")]
    assert retrieval_query(history, "And the rent?") == "What does the lease say about the deposit? And the rent?"
    long_q = "What does the contract say about terminating the lease early and the notice required?"
    assert retrieval_query(history, long_q) == long_q


def test_map_reduce_over_sections_with_the_bundled_model(engine, tmp_path):
    """The real model reads a long file part by part (progress per part), and Stop ends it early."""
    import threading

    from chatdesk.engine.types import SamplingSettings

    f = _files(tmp_path)
    plan = att.plan_attachments("Summarize this log", [f], budget_tokens=1200)
    assert plan.mode == att.MAP_REDUCE
    sampling = SamplingSettings(temperature=0.0, max_tokens=12, seed=1)
    seen = []
    result = att.map_reduce(engine, "Summarize this log", att.AttachmentPlan(plan.mode, plan.files, plan.sections[:3]),
                            sampling=sampling, stop=threading.Event(), progress=seen.append)
    assert not result.stopped and result.error is None
    assert len(result.section_results) == 3 and all(r for r in result.section_results)
    assert [p.done for p in seen] == [0, 1, 2, 3] and all(p.total == 3 for p in seen)
    assert result.grounding.mode == "map-reduce" and "[Part 3]" in result.grounding.prompt
    assert result.grounding.prompt.rstrip().endswith("answer: Summarize this log")

    stop = threading.Event()

    def stop_after_first(p):
        if p.done == 1:
            stop.set()

    stopped = att.map_reduce(engine, "Summarize this log", plan, sampling=sampling, stop=stop, progress=stop_after_first)
    assert stopped.stopped and len(stopped.section_results) == 1
