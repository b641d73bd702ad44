"""The download package's parts on their own: progress numbers, kept-part bookkeeping, hashing.

tests/test_hub.py drives whole downloads against a local Hub; these check the seams between the
parts (``progress``, ``partial``, ``verify``) with real files and a clock the test moves.
"""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from chatdesk.library import DownloadCancelled, DownloadError
from chatdesk.library.download.partial import PartFiles, kept_bytes, partial_key, start_fresh
from chatdesk.library.download.progress import PROGRESS_INTERVAL_S, ProgressMeter, paused, size_text
from chatdesk.library.download.remote_file import RemoteFile
from chatdesk.library.download.verify import Hasher, verify
from translatable import Text, text_of

MiB = 1 << 20


def remote(size: int | None = 10 * MiB, etag: str | None = "e" * 64, git_sha1: str | None = None) -> RemoteFile:
    return RemoteFile(repo_id="acme/m", filename="m.gguf", revision=None, url="https://hub/acme/m/resolve/main/m.gguf",
                      location="https://cdn/x", etag=etag, commit="c" * 40, size=size, sha256=etag if etag and len(etag) == 64 else None,
                      git_sha1=git_sha1)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_throttled_but_phase_changes_always_show():
    seen = []
    clock = Clock()
    meter = ProgressMeter(seen.append, clock)
    meter.report(remote(), 0, 0, "downloading", force=True)
    clock.now += PROGRESS_INTERVAL_S / 4
    meter.report(remote(), MiB, 0, "downloading")  # too soon after the last report
    meter.report(remote(), MiB, 0, "verifying", force=True)
    clock.now += PROGRESS_INTERVAL_S * 2
    meter.report(remote(), 2 * MiB, 0, "downloading")
    assert [(p.phase, p.bytes_done) for p in seen] == [("downloading", 0), ("verifying", MiB), ("downloading", 2 * MiB)]


def test_speed_and_time_left_come_from_the_last_seconds():
    seen = []
    clock = Clock()
    meter = ProgressMeter(seen.append, clock)
    meter.report(remote(size=100 * MiB), 0, 0, "downloading", force=True)
    assert seen[-1].speed_bps is None and seen[-1].eta_s is None  # nothing to measure yet
    for second in range(1, 11):  # 1 MiB/s for ten seconds, then 4 MiB/s for two
        clock.now = 100.0 + second
        meter.report(remote(size=100 * MiB), second * MiB, 0, "downloading")
    assert seen[-1].speed_bps == pytest.approx(MiB)
    assert seen[-1].eta_s == pytest.approx(90.0)
    for second in (11, 12):
        clock.now = 100.0 + second
        meter.report(remote(size=100 * MiB), (10 + 4 * (second - 10)) * MiB, 0, "downloading")
    # averaged over the last five seconds only: (18 - 7) MiB in 5 s, not the whole run's 1.5 MiB/s
    assert seen[-1].speed_bps == pytest.approx(11 * MiB / 5)
    assert seen[-1].fraction == pytest.approx(0.18)


def test_no_callback_means_no_work():
    meter = ProgressMeter(None)
    meter.report(remote(), 5, 0, "downloading", force=True)  # nothing to call, nothing raised


def test_paused_says_where_and_keeps_the_bytes():
    err = paused("m.gguf", 3 * MiB, 10 * MiB)
    assert isinstance(err, DownloadCancelled) and err.partial_bytes == 3 * MiB and err.kind == "cancelled"
    assert "m.gguf" in str(err) and "3.0 MB of 10.0 MB" in str(err) and "resume" in str(err)
    assert "paused at 0.0 MB. " in str(paused("m.gguf", 0, None))  # no "of ?" when the size is unknown
    assert size_text(3 << 30) == "3.00 GB" and size_text(None) == "?"


def test_the_paused_sentence_is_translatable_whole():
    """The window translates the template and fills in the params: no param may carry English words
    (the Chinese window showed "已在 3.0 MB of 10.0 MB 处暂停")."""
    for total in (10 * MiB, None):
        text = text_of(paused("m.gguf", 3 * MiB, total))
        assert isinstance(text, Text)
        assert not any(" of " in str(v) for v in text.params.values()), text.params


def test_part_files_share_one_stable_safe_key(tmp_path):
    files = PartFiles.of(tmp_path, "org/name", "sub dir/Model Q4.gguf")
    assert files.key == partial_key("org/name", "sub dir/Model Q4.gguf")
    assert {files.part.parent, files.sidecar.parent, files.lock.parent} == {tmp_path}
    assert (files.part.suffix, files.sidecar.suffix, files.lock.suffix) == (".part", ".json", ".lock")
    assert "/" not in files.key and " " not in files.key
    assert PartFiles.of(tmp_path, "org/name", "other.gguf").key != files.key


def test_a_kept_part_resumes_only_for_the_same_etag_and_size(tmp_path):
    files = PartFiles.of(tmp_path, "acme/m", "m.gguf")
    files.part.write_bytes(b"old bytes")
    assert start_fresh(remote(), files.part, files.sidecar) == 0
    assert not files.part.exists()  # an earlier part of unknown origin is not mixed in
    side = json.loads(files.sidecar.read_text("utf-8"))
    assert (side["repo_id"], side["etag"], side["size"]) == ("acme/m", "e" * 64, 10 * MiB)
    files.part.write_bytes(b"x" * 1000)
    assert kept_bytes(remote(), files.part, files.sidecar) == 1000
    assert kept_bytes(remote(etag="f" * 64), files.part, files.sidecar) is None  # changed on the Hub
    assert kept_bytes(remote(size=999), files.part, files.sidecar) is None  # more kept than the file has
    assert kept_bytes(remote(etag=None), files.part, files.sidecar) is None  # nothing to compare with
    files.sidecar.unlink()
    assert kept_bytes(remote(), files.part, files.sidecar) is None  # a lost sidecar: start again


def test_hasher_gives_sha256_and_the_git_blob_hash(tmp_path):
    data = os.urandom(3 * MiB + 17)
    blob = hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()
    hasher = Hasher(remote(size=len(data), etag=blob, git_sha1=blob))
    for i in range(0, len(data), MiB):
        hasher.update(data[i:i + MiB])
    assert hasher.finish() == (hashlib.sha256(data).hexdigest(), blob)
    assert hasher.sha256_hex == hashlib.sha256(data).hexdigest()


def test_verify_deletes_a_damaged_part(tmp_path):
    data = b"a" * 1000
    files = PartFiles.of(tmp_path, "acme/m", "m.gguf")
    good = remote(size=len(data), etag=hashlib.sha256(data).hexdigest())
    files.part.write_bytes(data)
    files.sidecar.write_text("{}", "utf-8")
    hasher = Hasher(good)
    hasher.update(data)
    verify(good, len(data), hasher, files.part, files.sidecar)  # the Hub's file: nothing happens
    assert files.part.exists()
    bad = Hasher(good)
    bad.update(b"b" * 1000)
    with pytest.raises(DownloadError) as info:
        verify(good, len(data), bad, files.part, files.sidecar)
    assert info.value.kind == "hash_mismatch" and "SHA-256" in str(info.value)
    assert not files.part.exists() and not files.sidecar.exists()
    short = Hasher(good)
    files.part.write_bytes(data[:10])
    with pytest.raises(DownloadError, match="bytes instead of"):
        verify(good, 10, short, files.part, files.sidecar)
