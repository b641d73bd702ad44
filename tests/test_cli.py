"""The installed ``chatdesk`` command's headless subcommands: backup, export, import."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chatdesk.store import Status, Store

EXE = str(Path(sys.executable).parent / "chatdesk")


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def filled(data_dir):
    s = Store(data_dir / "chatdesk.sqlite3")
    c = s.create_conversation("Tree 树")
    u = s.add_message(c.id, "user", "Explain <script>alert(1)</script> safely 😀")
    s.add_message(c.id, "assistant", "First answer\n\n```python\nprint('hi')\n```", provenance={"model_name": "SmolLM2", "seed": 5})
    s.add_message(c.id, "assistant", "Second answer", parent_id=u.id, provenance={"model_name": "SmolLM2", "seed": 6})
    s.create_conversation("Empty")
    s.close()
    return data_dir


def test_backup(filled, tmp_path):
    out = tmp_path / "backup.sqlite3"
    r = cli("backup", "--data-dir", str(filled), "-o", str(out))
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(out) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT count(*) FROM messages").fetchone()[0] == 3


@pytest.mark.parametrize("fmt", ["md", "json", "html", "txt"])
def test_export_all_formats(filled, tmp_path, fmt):
    out = tmp_path / f"all.{fmt}"
    r = cli("export", "--data-dir", str(filled), "--all", "--format", fmt, "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text("utf-8")
    assert "树" in text and "😀" in text
    if fmt == "html":
        assert "<script>alert(1)" not in text and "&lt;script&gt;" in text


def test_export_import_round_trip_without_duplicates(filled, tmp_path):
    out = tmp_path / "one.json"
    r = cli("export", "--data-dir", str(filled), "--conversation", "1", "--format", "json", "-o", str(out))
    assert r.returncode == 0, r.stderr
    other = tmp_path / "other-profile"
    r1 = cli("import", "--data-dir", str(other), str(out))
    assert r1.returncode == 0 and "Imported 1 conversation(s) and 3 message(s)" in r1.stdout
    r2 = cli("import", "--data-dir", str(other), str(out))
    assert r2.returncode == 0 and "Nothing new" in r2.stdout
    s = Store(other / "chatdesk.sqlite3")
    conv = s.list_conversations()[0]
    assert [m.content for m in s.active_path(conv.id)][-1] == "Second answer"
    assert len(s.messages(conv.id)) == 3
    assert s.messages(conv.id)[1].provenance == {"model_name": "SmolLM2", "seed": 5}
    assert s.messages(conv.id)[2].status == Status.DONE
    s.close()


def test_malformed_or_newer_import_refused_and_nothing_written(tmp_path):
    profile = tmp_path / "p"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    r = cli("import", "--data-dir", str(profile), str(bad))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "bad.json was not imported" in r.stderr
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "chatdesk-transcript", "version": 99, "conversations": []}))
    r = cli("import", "--data-dir", str(profile), str(newer))
    assert r.returncode == 2 and "newer" in r.stderr
    if (profile / "chatdesk.sqlite3").exists():
        with sqlite3.connect(profile / "chatdesk.sqlite3") as raw:
            assert raw.execute("SELECT count(*) FROM conversations").fetchone()[0] == 0


def test_export_to_unwritable_path_is_clear(filled, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    r = cli("export", "--data-dir", str(filled), "--all", "--format", "md", "-o", str(blocker / "out.md"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert not (tmp_path / "a-file" / "out.md").exists()


def test_missing_database_is_clear(tmp_path):
    r = cli("export", "--data-dir", str(tmp_path / "none"), "--all", "--format", "md", "-o", str(tmp_path / "x.md"))
    assert r.returncode == 2 and "no ChatDesk database" in r.stderr


def test_unwritable_data_dir_gui_start_is_clear(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    env_cmd = [sys.executable, "-c", "import sys; from chatdesk.cli import main; sys.exit(main(['--data-dir', sys.argv[1]]))", str(blocker / "sub")]
    r = subprocess.run(env_cmd, capture_output=True, text=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 2
    assert "cannot write to its data folder" in r.stderr and "Traceback" not in r.stderr


def test_import_contracts_hold():
    """Only chatdesk/ui imports Qt; layers point inward (import-linter, configured in pyproject)."""
    exe = Path(sys.executable).parent / "lint-imports"
    r = subprocess.run([str(exe)], capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parents[1])
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 broken" in r.stdout


def test_the_window_s_modules_load_without_cycle_collection(tmp_path, monkeypatch):
    """``chatdesk`` (the window) switches the collector off before its imports; gc_guard then
    drives it from the GUI thread. Headless commands keep Python's own collector."""
    import gc

    import chatdesk.cli
    import chatdesk.ui.app.startup as startup

    seen: list[bool] = []
    monkeypatch.setattr(startup, "run_gui", lambda model=None: seen.append(gc.isenabled()) or 0)
    try:
        assert chatdesk.cli.main(["--data-dir", str(tmp_path / "profile")]) == 0
    finally:
        gc.enable()
    assert seen == [False]
