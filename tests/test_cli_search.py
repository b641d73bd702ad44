"""``chatdesk search`` end to end: the installed command in a subprocess, on a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chatdesk import paths
from chatdesk.store import Store

EXE = str(Path(sys.executable).parent / "chatdesk")
KEYS = {"conversation_id", "conversation_title", "message_id", "role", "snippet"}


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def filled(data_dir):
    """Oldest first: the best llama match, newer llama matches, a Chinese chat, a trashed chat."""
    s = Store(data_dir / "chatdesk.sqlite3")
    old = s.create_conversation("Old llama notes")
    best = s.add_message(old.id, "user", "llama llama")
    newer = s.create_conversation("Farm diary")
    for i in range(30):
        s.add_message(newer.id, "user" if i % 2 == 0 else "assistant", f"Day {i}: fed the llama, fixed the fence, and walked the dog twice.")
    zh = s.create_conversation("中文")
    zh_msg = s.add_message(zh.id, "user", "这个语言模型很小，但是可以离线运行。")
    gone = s.create_conversation("Trashed llamas")
    s.add_message(gone.id, "user", "llama llama llama")
    s.trash_conversations([gone.id])
    s.close()
    return {"dir": data_dir, "best": best.id, "old": old.id, "zh": zh_msg.id, "zh_conv": zh.id, "gone": gone.id}


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_json_one_object_per_hit_best_first(filled):
    r = cli("search", "--data-dir", str(filled["dir"]), "llama", "--json")
    assert r.returncode == 0, r.stderr
    hits = _json_lines(r.stdout)
    assert len(hits) == 20  # the default limit; 31 live messages match
    assert all(set(h) == KEYS for h in hits)
    assert hits[0]["message_id"] == filled["best"]
    assert hits[0]["conversation_title"] == "Old llama notes"
    assert hits[0]["role"] == "user" and "[[llama]]" in hits[0]["snippet"]
    assert filled["gone"] not in {h["conversation_id"] for h in hits}


def test_limit_offset_and_every_match_reachable(filled):
    r = cli("search", "--data-dir", str(filled["dir"]), "llama", "--json", "--limit", "100")
    hits = _json_lines(r.stdout)
    assert len(hits) == 31 and len({h["message_id"] for h in hits}) == 31
    r1 = cli("search", "--data-dir", str(filled["dir"]), "llama", "--json", "--limit", "1")
    assert [h["message_id"] for h in _json_lines(r1.stdout)] == [filled["best"]]
    r2 = cli("search", "--data-dir", str(filled["dir"]), "llama", "--json", "--limit", "5", "--offset", "30")
    assert [h["message_id"] for h in _json_lines(r2.stdout)] == [hits[30]["message_id"]]


def test_readable_list_and_chinese(filled):
    r = cli("search", "--data-dir", str(filled["dir"]), "模型")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        f"1. 中文  (chat {filled['zh_conv']}, message {filled['zh']}, user)",
        "   这个语言[[模型]]很小，但是可以离线运行。",
    ]
    r = cli("search", "--data-dir", str(filled["dir"]), "llama", "--limit", "2")
    lines = r.stdout.splitlines()
    assert lines[0].startswith("1. Old llama notes  (chat ") and lines[1] == "   [[llama]] llama"
    assert lines[2].startswith("2. Farm diary  (chat ")
    assert lines[-1] == "(more may follow: --offset 2)"


def test_no_match_is_said_in_words(filled):
    r = cli("search", "--data-dir", str(filled["dir"]), "zebra")
    assert r.returncode == 0 and r.stdout.strip() == "No messages match 'zebra'."
    r = cli("search", "--data-dir", str(filled["dir"]), "zebra", "--json")
    assert r.returncode == 0 and r.stdout == ""


def test_honours_chatdesk_home(filled, tmp_path):
    env = {**os.environ, paths.ENV_HOME: str(filled["dir"])}
    r = cli("search", "llama", "--json", "--limit", "1", env=env)
    assert r.returncode == 0, r.stderr
    assert [h["message_id"] for h in _json_lines(r.stdout)] == [filled["best"]]
    # --data-dir wins over the environment.
    r = cli("search", "--data-dir", str(tmp_path / "elsewhere"), "llama", env=env)
    assert r.returncode == 2 and "no ChatDesk database" in r.stderr


def test_missing_database_is_clear_and_creates_nothing(tmp_path):
    where = tmp_path / "none"
    r = cli("search", "--data-dir", str(where), "llama")
    assert r.returncode == 2
    assert f"There is no ChatDesk database in {where}" in r.stderr and "Traceback" not in r.stderr
    assert not (where / "chatdesk.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [(["--limit", "0"], "at least 1"), (["--limit", "many"], "at least 1"), (["--offset", "-3"], "at least 0")],
)
def test_bad_numbers_are_refused_in_words(filled, args, says):
    r = cli("search", "--data-dir", str(filled["dir"]), "llama", *args)
    assert r.returncode == 2 and says in r.stderr and "Traceback" not in r.stderr


def test_empty_query_is_refused_in_words(filled):
    r = cli("search", "--data-dir", str(filled["dir"]), "   ")
    assert r.returncode == 2 and "query is empty" in r.stderr
