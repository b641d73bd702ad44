"""Atomic writes: all or nothing, with messages a user can act on."""

from __future__ import annotations

import errno
import os

import pytest

from chatdesk.transcripts import TranscriptError, export_to_path, render, write_atomic


def test_writes_and_replaces(tmp_path, conversations):
    target = tmp_path / "out.md"
    target.write_bytes(b"old")
    result = export_to_path(conversations, "md", target)
    assert result == target
    assert target.read_bytes() == render(conversations, "md")
    assert os.listdir(tmp_path) == ["out.md"]


def test_new_file_gets_normal_permissions(tmp_path):
    target = tmp_path / "new.txt"
    write_atomic(target, b"hi")
    assert target.stat().st_mode & 0o644 == 0o644  # not mkstemp's private 0o600


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_disk_full_leaves_nothing_behind(tmp_path, monkeypatch, code):
    target = tmp_path / "chat.html"
    target.write_bytes(b"previous export")
    calls = []

    def full_disk(fd, data):
        if calls:  # let the first chunk through so there is a partial temp file to clean up
            raise OSError(code, os.strerror(code))
        calls.append(fd)
        return real_write(fd, data[:10])

    real_write = os.write
    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(TranscriptError) as info:
        write_atomic(target, b"x" * 100_000)
    monkeypatch.undo()
    assert "The disk is full" in str(info.value) and "nothing was written" in str(info.value)
    assert target.read_bytes() == b"previous export"
    assert os.listdir(tmp_path) == ["chat.html"]
    assert isinstance(info.value.__cause__, OSError)


def test_failing_fsync_or_rename_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "a.json"
    for name in ("fsync", "replace"):
        def boom(*args, **kwargs):
            raise OSError(errno.EIO, "Input/output error")
        with monkeypatch.context() as m:
            m.setattr(os, name, boom)
            with pytest.raises(TranscriptError, match="couldn't save"):
                write_atomic(target, b"data")
        assert os.listdir(tmp_path) == []


def test_missing_folder(tmp_path):
    with pytest.raises(TranscriptError, match="does not exist") as info:
        write_atomic(tmp_path / "nope" / "out.md", b"x")
    assert str(tmp_path / "nope") in str(info.value)


def test_folder_is_really_a_file(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("I am a file")
    with pytest.raises(TranscriptError, match="does not exist"):
        write_atomic(blocker / "out.md", b"x")
    assert blocker.read_text() == "I am a file"


def test_unwritable_system_folder():
    # tests run as root, so chmod can't make a folder unwritable; these refuse new files for real
    for folder in ("/proc", "/sys"):
        if os.path.isdir(folder):
            with pytest.raises(TranscriptError, match="can't write to"):
                write_atomic(os.path.join(folder, "chatdesk-test.md"), b"x")


@pytest.mark.parametrize("code, words", [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only")])
def test_permission_errors(tmp_path, monkeypatch, code, words):
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(TranscriptError) as info:
        write_atomic(tmp_path / "x.md", b"x")
    assert f"ChatDesk can't write to {tmp_path}" in str(info.value) and words in str(info.value)


def test_target_is_a_folder(tmp_path):
    with pytest.raises(TranscriptError, match="is a folder"):
        write_atomic(tmp_path, b"x")
