"""``chatdesk docs`` and ``chatdesk ask --docs`` end to end: the real command in a subprocess, a real
index file in the data folder, and (for ask) the real bundled model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from documents_support import write_pdf

from chatdesk.store import Store

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, home: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    if home is not None:
        env["CHATDESK_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "chatdesk", *args], capture_output=True, text=True, timeout=timeout, env=env,
                          stdin=subprocess.DEVNULL)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "lease.txt").write_bytes("本合同的租赁期限为两年。押金为两个月的租金。".encode("gb18030"))
    (folder / "garden.md").write_text("Tomatoes need six hours of direct sunlight every day.", encoding="utf-8")
    write_pdf(folder / "report.pdf", ["Cover page.", "The Lisbon office opened in March."])
    write_pdf(folder / "secret.pdf", ["hidden"], user_password="pw")
    return folder


def test_docs_add_list_search_remove(tmp_path):
    home = tmp_path / "home"
    folder = _folder(tmp_path)
    r = cli("docs", "add", str(folder), "--collection", "Papers", "--data-dir", str(home), "--keyword-only")
    assert r.returncode == 0, r.stderr
    assert "secret.pdf: not indexed: secret.pdf is an encrypted PDF" in r.stderr
    assert "Papers: 3 indexed, 0 unchanged, 1 not indexed" in r.stderr
    assert (home / "documents.sqlite3").is_file()

    r = cli("docs", "list", "--json", "--data-dir", str(home))
    assert r.returncode == 0, r.stderr
    [info] = [json.loads(line) for line in r.stdout.splitlines()]
    assert info["name"] == "Papers" and info["indexed"] == 3 and info["failed"] == 1 and info["roots"] == [str(folder)]
    assert info["failures"][0]["reason"] == "encrypted" and info["failures"][0]["path"].endswith("secret.pdf")
    human = cli("docs", "list", "--data-dir", str(home)).stdout
    assert "Papers: 3 files indexed" in human and "not indexed: " in human

    r = cli("docs", "search", "When did the Lisbon office open?", "--json", "--limit", "2", "--data-dir", str(home), "--keyword-only")
    assert r.returncode == 0, r.stderr
    hits = [json.loads(line) for line in r.stdout.splitlines()]
    assert set(hits[0]) == {"path", "page", "start", "end", "score", "text"}
    assert hits[0]["path"] == str(folder / "report.pdf") and hits[0]["page"] == 2
    assert "Lisbon office opened in March" in hits[0]["text"] and hits[0]["end"] > hits[0]["start"] >= 0

    r = cli("docs", "search", "押金多少", "--json", "--collection", "Papers", "--data-dir", str(home), "--keyword-only")
    zh = json.loads(r.stdout.splitlines()[0])
    assert zh["path"].endswith("lease.txt") and zh["page"] is None and "两个月的租金" in zh["text"]

    # CHATDESK_HOME is honoured like --data-dir.
    r = cli("docs", "search", "tomatoes sunlight", "--json", "--keyword-only", home=home)
    assert json.loads(r.stdout.splitlines()[0])["path"].endswith("garden.md")

    r = cli("docs", "remove", "Papers", str(folder / "nowhere"), "--data-dir", str(home))
    assert r.returncode == 2 and "None of those paths is in the collection Papers" in r.stderr
    r = cli("docs", "remove", "Papers", "--data-dir", str(home))
    assert r.returncode == 0, r.stderr
    assert cli("docs", "list", "--json", "--data-dir", str(home)).stdout == ""
    r = cli("docs", "search", "tomatoes", "--collection", "Papers", "--data-dir", str(home), "--keyword-only")
    assert r.returncode == 2 and "no document collection named Papers" in r.stderr


def test_docs_index_resumes_and_reports_only_changes(tmp_path):
    home = tmp_path / "home"
    folder = _folder(tmp_path)
    assert cli("docs", "add", str(folder), "--no-index", "--data-dir", str(home)).returncode == 0
    r = cli("docs", "list", "--data-dir", str(home))
    assert "indexing not finished" in r.stdout
    r = cli("docs", "index", "--data-dir", str(home), "--keyword-only")
    assert r.returncode == 0 and "Documents: 3 indexed" in r.stderr
    (folder / "garden.md").write_text("Cucumbers climb the trellis.", encoding="utf-8")
    r = cli("docs", "index", "--data-dir", str(home), "--keyword-only")
    assert "Documents: 1 indexed, 2 unchanged, 1 not indexed" in r.stderr


def test_docs_commands_fail_in_words(tmp_path):
    home = tmp_path / "home"
    r = cli("docs", "add", str(tmp_path / "missing"), "--data-dir", str(home))
    assert r.returncode == 2 and "No such file or folder" in r.stderr
    r = cli("docs", "search", "   ", "--data-dir", str(home))
    assert r.returncode == 2 and "the search query is empty" in r.stderr
    r = cli("docs", "list", "--data-dir", str(home))
    assert r.returncode == 0 and "No document collections yet" in r.stdout
    r = cli("docs", "index", "--collection", "Nope", "--data-dir", str(home))
    assert r.returncode == 2 and "no document collection named Nope" in r.stderr


def test_ask_with_docs_grounds_the_reply_and_lists_its_sources(tmp_path, model_path):
    home = tmp_path / "home"
    folder = _folder(tmp_path)
    assert cli("docs", "add", str(folder), "--collection", "Papers", "--data-dir", str(home)).returncode == 0
    r = cli("ask", "--docs", "Papers", "--model", model_path, "--max-tokens", "24", "--seed", "1", "--temperature", "0",
            "--data-dir", str(home), "When did the Lisbon office open?")
    assert r.returncode == 0, r.stderr
    reply, _, sources = r.stdout.partition("\nSources:\n")
    assert reply.strip()
    assert f"[1] {folder / 'report.pdf'}, page 2 (characters" in sources
    store = Store(home / "chatdesk.sqlite3")
    try:
        [conv] = store.list_conversations()
        user, answer = store.active_path(conv.id)
        assert user.content == "When did the Lisbon office open?"  # stored as typed; the grounding is in the request
        assert answer.provenance["grounding"] == "retrieval"
        first = answer.provenance["sources"][0]
        assert first["path"] == str(folder / "report.pdf") and first["page"] == 2 and "Lisbon office" in first["text"]
    finally:
        store.close()


def test_ask_with_an_attachment_reads_it_whole_and_stores_it(tmp_path, model_path):
    home = tmp_path / "home"
    note = tmp_path / "memo.txt"
    note.write_bytes("会议改到星期四上午十点。".encode("gb18030"))
    r = cli("ask", "--attach", str(note), "--model", model_path, "--max-tokens", "16", "--seed", "1", "--data-dir", str(home),
            "Translate this into English")
    assert r.returncode == 0, r.stderr
    assert "attachments read whole" in r.stderr
    from chatdesk.store.attachments import attachment_data, attachments_of

    store = Store(home / "chatdesk.sqlite3")
    try:
        [conv] = store.list_conversations()
        user, answer = store.active_path(conv.id)
        [a] = attachments_of(store, [user.id])[user.id]
        assert (a.name, a.kind, a.mode) == ("memo.txt", "text", "whole")
        assert attachment_data(store, a.sha256) == note.read_bytes()
        assert answer.provenance["attachment_mode"] == "whole" and answer.provenance["grounding"] == "whole"
    finally:
        store.close()
    r = cli("ask", "--attach", str(tmp_path / "nope.pdf"), "--model", model_path, "--data-dir", str(home), "hi")
    assert r.returncode == 2 and "cannot be read" in r.stderr


def test_ask_with_an_unknown_collection_fails_in_words_and_keeps_the_message(tmp_path, model_path):
    home = tmp_path / "home"
    r = cli("ask", "--docs", "Nowhere", "--keyword-only", "--model", model_path, "--data-dir", str(home), "Where is it?")
    assert r.returncode == 2 and "no document collection named Nowhere" in r.stderr and "Your message was kept" in r.stderr
    store = Store(home / "chatdesk.sqlite3")
    try:
        [conv] = store.list_conversations()
        user, reply = store.active_path(conv.id)
        assert user.content == "Where is it?" and reply.status == "error"  # not left "streaming"
    finally:
        store.close()
