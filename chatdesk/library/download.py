"""Hub downloads that resume: after Cancel, a dropped connection, a crash or a restart.

huggingface_hub 2.4's ``hf_hub_download`` restarts from byte 0 after its process is killed (its
partial file has a random name), which is painful for multi-gigabyte models on slow links. So
ChatDesk keeps its own partial file, ``DATA_DIR/models/.downloads/<key>.part``, next to a small
JSON sidecar (url, ETag, commit, size, SHA-256) and resumes with an HTTP ``Range`` request on the
address huggingface_hub resolves (``hf_hub_url`` + ``get_hf_file_metadata``), sent through
huggingface_hub's own HTTP session so HF_TOKEN, HF_ENDPOINT, HF_HUB_OFFLINE and proxy variables
behave as everywhere else. If the file changed on the Hub since the partial file was started
(another ETag), the partial file is discarded and the download starts again.

Before a file is used: its SHA-256 (for LFS files; the git blob SHA-1 for small files) must match
what the Hub reports, a GGUF must pass ChatDesk's validator, and only then is it moved atomically
into ``DATA_DIR/models`` and added to the library. Free disk space is checked before any byte is
fetched. The network is touched only when these functions are called.

Like huggingface_hub, ChatDesk does not fsync downloaded bytes (that would add seconds per GB):
after a power cut in the seconds that follow a download, the file may be incomplete and has to be
downloaded again; a lost sidecar only means the partial file is fetched again from the start.
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from chatdesk import paths
from chatdesk.library.errors import DownloadCancelled, DownloadError, HubError, LibraryError
from chatdesk.library.hub import endpoint_url, hub_error, is_offline, offline_error
from chatdesk.library.jsonfile import read_json, write_json_atomic
from translatable import msg, text_of

DEFAULT_TIMEOUT_S = 30.0  # seconds without a byte before a connection counts as stalled
DEFAULT_RETRIES = 2  # automatic resumes after a dropped or stalled connection, per call
DISK_RESERVE = 16 << 20  # keep this much free beyond the file itself
PROGRESS_INTERVAL_S = 0.1
CHUNK_BYTES = 1 << 20  # bytes read from the network per step
SIDECAR_VERSION = 1
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX40 = re.compile(r"^[0-9a-f]{40}$")

ProgressCallback = Callable[["DownloadProgress"], None]


@dataclass(frozen=True)
class DownloadProgress:
    """Where a download stands. ``phase``: "checking" (reading the kept part), "downloading", "verifying", "done"."""

    repo_id: str
    filename: str
    bytes_done: int
    total: int | None
    resumed_from: int
    speed_bps: float | None
    eta_s: float | None
    phase: str

    @property
    def fraction(self) -> float | None:
        return self.bytes_done / self.total if self.total else None


@dataclass(frozen=True)
class RemoteFile:
    """A Hub file resolved by a HEAD request: where to GET it and what it must hash to."""

    repo_id: str
    filename: str
    revision: str | None
    url: str  # the /resolve/ address
    location: str  # where the bytes are (a CDN address for LFS files)
    etag: str | None
    commit: str | None
    size: int | None
    sha256: str | None  # LFS files
    git_sha1: str | None  # small files kept in git


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    repo_id: str
    filename: str
    commit: str | None
    sha256: str | None
    size: int
    resumed_from: int  # bytes already on disk when this call started
    bytes_transferred: int  # bytes this call received


@dataclass(frozen=True)
class PartialDownload:
    """A download that stopped before the end and can be resumed."""

    repo_id: str
    filename: str
    revision: str | None
    commit: str | None
    size: int | None
    bytes_done: int
    part_path: Path
    started_at: str


# ------------------------------------------------------------------------------------- resolving


def resolve(
    repo_id: str,
    filename: str,
    revision: str | None = None,
    *,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> RemoteFile:
    """HEAD the file on the Hub (following the Hub's redirects, not the CDN's): size, hash, commit."""
    if is_offline():
        raise offline_error()
    from huggingface_hub import get_hf_file_metadata, hf_hub_url

    ep = endpoint_url(endpoint)
    try:
        url = hf_hub_url(repo_id, filename, revision=revision, endpoint=ep)
        meta = get_hf_file_metadata(url, token=token, timeout=timeout, endpoint=ep, headers=_ua())
    except Exception as exc:
        raise hub_error(exc, repo_id=repo_id, filename=filename, timeout=timeout) from exc
    etag = (meta.etag or "").strip('"').lower() or None
    if etag and etag.startswith("w/"):
        etag = etag[2:].strip('"')
    return RemoteFile(
        repo_id=repo_id,
        filename=filename,
        revision=revision,
        url=url,
        location=meta.location or url,
        etag=etag,
        commit=meta.commit_hash,
        size=meta.size,
        sha256=etag if etag and _HEX64.match(etag) else None,
        git_sha1=etag if etag and _HEX40.match(etag) else None,
    )


# ------------------------------------------------------------------------------------- downloading


def download_file(
    repo_id: str,
    filename: str,
    *,
    revision: str | None = None,
    dest_dir: str | os.PathLike[str] | None = None,
    dest_name: str | None = None,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = DEFAULT_RETRIES,
    remote: RemoteFile | None = None,
    downloads_dir: str | os.PathLike[str] | None = None,
) -> DownloadResult:
    """Download one file of a Hub repository into ``dest_dir`` (default DATA_DIR/models), resuming
    a partial download of the same file if one was kept.

    ``cancel`` (a threading.Event) stops it at the next received chunk with DownloadCancelled; the
    partial file is kept. The file is moved into place only once its size and hash match what the
    Hub reported. Every failure is a DownloadError whose message says what to do;
    ``partial_bytes`` tells how much is kept for the next try. ``remote`` skips the HEAD request
    when the caller has just made it (``resolve``); ``downloads_dir`` is where partial files wait
    (default DATA_DIR/models/.downloads).
    """
    cancel = cancel or threading.Event()
    downloads = Path(downloads_dir) if downloads_dir is not None else paths.downloads_dir()
    key = partial_key(repo_id, filename)
    part = downloads / f"{key}.part"
    sidecar = downloads / f"{key}.json"
    if is_offline():
        raise _as_download_error(offline_error(), part)
    with _exclusive(downloads / f"{key}.lock", repo_id, filename):
        remote = remote or _resolve_for_download(repo_id, filename, revision, endpoint, token, timeout, part)
        size = remote.size
        resume_from = _kept_bytes(remote, part, sidecar)
        if size is not None:
            _check_disk_space(downloads, size - (resume_from or 0), filename, part)
        if resume_from is None:
            resume_from = _start_fresh(remote, part, sidecar)
        transfer = _Transfer(remote, part, on_progress, cancel, resume_from)
        try:
            transfer.hash_existing()
            attempt = 0
            while True:
                try:
                    transfer.fetch(endpoint_url(endpoint), token, timeout)
                    break
                except DownloadCancelled:
                    raise
                except Exception as exc:
                    err = hub_error(exc, repo_id=repo_id, filename=filename, timeout=timeout, resumable=True)
                    if err.kind not in ("timeout", "connection") or attempt >= retries or cancel.is_set():
                        raise _as_download_error(err, part) from exc
                    attempt += 1
                    if cancel.wait(min(0.5 * 2 ** (attempt - 1), 4.0)):
                        raise transfer.cancelled() from exc
                    try:  # a fresh address: CDN links are signed and expire
                        fresh = resolve(repo_id, filename, revision, endpoint=endpoint, token=token, timeout=timeout)
                    except HubError as herr:
                        raise _as_download_error(herr, part) from exc
                    if fresh.etag != remote.etag or fresh.size != remote.size:
                        raise DownloadError(
                            msg("{repo}/{file} changed on Hugging Face during the download. Start the download again.",
                                repo=repo_id, file=filename),
                            "http", _size(part)) from exc
                    transfer.remote = remote = fresh
            transfer.report("verifying", force=True)
            _verify(transfer, part, sidecar)
        finally:
            transfer.close()
        target_dir = Path(dest_dir) if dest_dir is not None else paths.models_dir()
        target = _place(part, target_dir, dest_name or Path(filename).name, remote.sha256, overwrite)
        try:
            sidecar.unlink()
        except OSError:
            pass
        transfer.report("done", force=True)
        return DownloadResult(
            path=target,
            repo_id=repo_id,
            filename=filename,
            commit=remote.commit,
            sha256=remote.sha256 or transfer.hasher.sha256_hex,
            size=transfer.done,
            resumed_from=transfer.resumed_from,
            bytes_transferred=transfer.received,
        )


def download_model(
    repo_id: str,
    filename: str,
    *,
    revision: str | None = None,
    catalog: Any = None,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    retries: int = DEFAULT_RETRIES,
) -> Any:
    """Download a GGUF from the Hub into DATA_DIR/models and add it to the library ("downloaded").

    Returns the ``ModelEntry``. A file the library already has (same repository, file and SHA-256,
    still on disk) is returned without downloading it again.
    """
    from chatdesk.library.catalog import Catalog
    from chatdesk.library.metadata import split_part

    if not filename.lower().endswith(".gguf"):
        raise DownloadError(msg("{file} is not a GGUF file; ChatDesk runs GGUF models. Pick a file ending in .gguf.",
                                file=filename), "invalid_model")
    split = split_part(filename)
    if split is not None:
        raise DownloadError(
            msg("{file} is one part of a model split into {parts} files, and ChatDesk downloads single-file models "
                "only. Pick a smaller quantization that comes as one file.", file=filename, parts=split[1]), "invalid_model")
    cat = catalog if catalog is not None else Catalog.open()
    downloads = cat.models_dir / ".downloads"
    part = downloads / f"{partial_key(repo_id, filename)}.part"
    remote = _resolve_for_download(repo_id, filename, revision, endpoint, token, timeout, part)
    if remote.sha256:
        for e in cat.entries():
            if e.repo_id == repo_id and e.repo_filename == filename and e.sha256 == remote.sha256 and not e.missing:
                return e

    result = download_file(
        repo_id, filename, revision=revision, dest_dir=cat.models_dir, on_progress=on_progress, cancel=cancel,
        endpoint=endpoint, token=token, timeout=timeout, retries=retries, remote=remote, downloads_dir=downloads,
    )
    try:  # the library validates the GGUF (check_gguf) before it lists it
        return cat.add_file(result.path, source="downloaded", repo_id=repo_id, repo_filename=filename,
                            commit=result.commit, sha256=result.sha256)
    except LibraryError as exc:
        try:
            result.path.unlink()
        except OSError:
            pass
        raise DownloadError(msg("{file} downloaded correctly, but ChatDesk cannot use it: {error} The file was deleted.",
                                file=filename, error=text_of(exc)), "invalid_model") from exc


def download_gpt2_tokenizer(
    *,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> Any:
    """Fetch GPT-2's vocab.json and merges.txt (openai-community/gpt2) into ChatDesk's folder.

    Only for when the user agreed: ``find_gpt2_tokenizer`` looks on disk first.
    """
    from chatdesk.library.hfcache import GPT2_REPOS, chatdesk_tokenizer_dir, find_gpt2_tokenizer

    folder = chatdesk_tokenizer_dir()
    commit = None
    for name in ("vocab.json", "merges.txt"):
        result = download_file(GPT2_REPOS[0], name, dest_dir=folder, dest_name=name, overwrite=True,
                               on_progress=on_progress, cancel=cancel, endpoint=endpoint, token=token, timeout=timeout)
        commit = result.commit or commit
    (folder / "COMMIT").write_text((commit or "") + "\n", "utf-8")
    found = find_gpt2_tokenizer()
    if found is None:  # pragma: no cover - the files were just written
        raise LibraryError(msg("GPT-2's tokenizer files were downloaded to {folder} but cannot be read back.", folder=str(folder)))
    return found


def pending_downloads() -> list[PartialDownload]:
    """Downloads that stopped before the end (Cancel, an error, a crash) and can be resumed."""
    folder = paths.downloads_dir()
    found: list[PartialDownload] = []
    if not folder.is_dir():
        return found
    for side in sorted(folder.glob("*.json")):
        try:
            data = read_json(side)
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or "repo_id" not in data or "filename" not in data:
            continue
        part = side.with_suffix(".part")
        found.append(PartialDownload(
            repo_id=data["repo_id"], filename=data["filename"], revision=data.get("revision"), commit=data.get("commit"),
            size=data.get("size"), bytes_done=_size(part), part_path=part, started_at=data.get("started_at", ""),
        ))
    return found


def discard_download(repo_id: str, filename: str) -> bool:
    """Delete a kept partial download. Returns True when there was one."""
    key = partial_key(repo_id, filename)
    folder = paths.downloads_dir()
    with _exclusive(folder / f"{key}.lock", repo_id, filename):
        had = (folder / f"{key}.part").exists() or (folder / f"{key}.json").exists()
        _discard(folder / f"{key}.part", folder / f"{key}.json")
    return had


def partial_key(repo_id: str, filename: str) -> str:
    """A file-system-safe, stable name for one (repository, file) pair's partial download."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{repo_id}--{filename}")[:80]
    digest = hashlib.sha1(f"model:{repo_id}/{filename}".encode()).hexdigest()[:10]
    return f"{readable}-{digest}"


# ------------------------------------------------------------------------------------- internals


class _Transfer:
    """The bytes of one download: the .part file, the running hash and the progress reports."""

    def __init__(self, remote: RemoteFile, part: Path, on_progress: ProgressCallback | None,
                 cancel: threading.Event, resume_from: int) -> None:
        self.remote = remote
        self.part = part
        self.on_progress = on_progress
        self.cancel = cancel
        self.resumed_from = resume_from
        self.done = resume_from  # bytes in the .part file
        self.received = 0  # bytes received by this call
        self.hasher = _Hasher(remote)
        self._last_report = 0.0
        self._samples: deque[tuple[float, int]] = deque()

    def close(self) -> None:
        self.hasher.close()

    def hash_existing(self) -> None:
        """Feed the kept part to the hash, so the end result covers every byte of the file."""
        if self.done == 0:
            return
        self.report("checking", force=True)
        with open(self.part, "rb") as fh:
            while chunk := fh.read(4 << 20):
                if self.cancel.is_set():
                    raise self.cancelled()
                self.hasher.update(chunk)

    def fetch(self, endpoint: str, token: str | bool | None, timeout: float) -> None:
        import httpx2
        from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status

        size = self.remote.size
        if size is not None and self.done >= size:
            return
        headers = {"Accept-Encoding": "identity", **_ua()}
        if _same_origin(self.remote.location, endpoint):  # never send the token to a CDN
            headers.update(build_hf_headers(token=token, headers=_ua()))
        if self.done:
            headers["Range"] = f"bytes={self.done}-"
        client = get_session()
        limits = httpx2.Timeout(timeout, connect=min(timeout, 15.0))
        with client.stream("GET", self.remote.location, headers=headers, timeout=limits, follow_redirects=True) as resp:
            if resp.status_code == 416 and size is not None and self.done == size:
                return
            hf_raise_for_status(resp)
            if resp.status_code == 200 and self.done:
                self._restart()  # the server ignored our Range: take the whole body from byte 0
            elif resp.status_code == 206 and _content_range_start(resp) != self.done:
                raise DownloadError(
                    msg("The server sent the wrong part of {file} (asked for byte {offset} onwards, "
                        "got {got}). Try again later; the part already downloaded is kept.", file=self.remote.filename,
                        offset=f"{self.done:,}", got=str(resp.headers.get("Content-Range"))),
                    "http", self.done)
            mode = "ab" if self.done else "wb"
            with open(self.part, mode, buffering=0) as fh:
                self.report("downloading", force=True)
                # 1 MiB pieces: per-piece Python work (write, hand-off to the hashing thread,
                # progress) stays far below the transfer itself even on a fast local network.
                for chunk in resp.iter_bytes(chunk_size=CHUNK_BYTES):
                    if not chunk:
                        continue
                    fh.write(chunk)
                    self.hasher.update(chunk)
                    n = len(chunk)
                    self.done += n
                    self.received += n
                    if self.cancel.is_set():
                        raise self.cancelled()
                    self.report("downloading", force=self.received == n)  # the first bytes show at once
        if size is not None and self.done < size:
            raise httpx2.RemoteProtocolError("the server closed the connection before the end of the file")

    def _restart(self) -> None:
        self.done = 0
        self.resumed_from = 0
        self.hasher.close()
        self.hasher = _Hasher(self.remote)

    def cancelled(self) -> DownloadCancelled:
        total = self.remote.size
        of = f" of {_mb(total)}" if total else ""
        return DownloadCancelled(
            msg("The download of {filename} was paused at {value}{of}. Download it again to resume from there.", filename=self.remote.filename, value=_mb(self.done), of=of),
            self.done,
        )

    def report(self, phase: str, *, force: bool = False) -> None:
        if self.on_progress is None:
            return
        now = time.monotonic()
        if not force and now - self._last_report < PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        self._samples.append((now, self.done))
        while len(self._samples) > 2 and now - self._samples[0][0] > 5.0:
            self._samples.popleft()
        speed = eta = None
        t0, b0 = self._samples[0]
        if now - t0 > 0.2 and self.done > b0:
            speed = (self.done - b0) / (now - t0)
            if self.remote.size:
                eta = max(0.0, (self.remote.size - self.done) / speed)
        self.on_progress(DownloadProgress(
            repo_id=self.remote.repo_id, filename=self.remote.filename, bytes_done=self.done, total=self.remote.size,
            resumed_from=self.resumed_from, speed_bps=speed, eta_s=eta, phase=phase,
        ))


class _Hasher:
    """SHA-256 (and, for small git files, the git blob SHA-1) of the bytes, on a helper thread.

    hashlib releases the GIL on large buffers, so hashing on its own thread overlaps with receiving
    and writing: inline, SHA-256 took a third of the time of a fast local download. The queue is
    bounded, so a slow hasher slows the download instead of filling memory.
    """

    def __init__(self, remote: RemoteFile) -> None:
        self._sha256 = hashlib.sha256()
        self._sha1 = None
        if remote.git_sha1 and remote.size is not None:
            self._sha1 = hashlib.sha1(f"blob {remote.size}\0".encode())
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=256)
        self._thread: threading.Thread | None = None
        self._result: tuple[str, str | None] | None = None

    def update(self, chunk: bytes) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="download-hash", daemon=True)
            self._thread.start()
        self._queue.put(chunk)

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            self._sha256.update(chunk)
            if self._sha1 is not None:
                self._sha1.update(chunk)

    def finish(self) -> tuple[str, str | None]:
        """(SHA-256, git SHA-1 or None) of every byte given so far; the helper thread ends."""
        if self._result is None:
            self.close()
            self._result = (self._sha256.hexdigest(), self._sha1.hexdigest() if self._sha1 is not None else None)
        return self._result

    @property
    def sha256_hex(self) -> str:
        return self.finish()[0]

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None


def _resolve_for_download(repo_id: str, filename: str, revision: str | None, endpoint: str | None,
                          token: str | bool | None, timeout: float, part: Path) -> RemoteFile:
    try:
        return resolve(repo_id, filename, revision, endpoint=endpoint, token=token, timeout=timeout)
    except HubError as exc:
        raise _as_download_error(exc, part) from exc


def _kept_bytes(remote: RemoteFile, part: Path, sidecar: Path) -> int | None:
    """Bytes to resume from when the kept part belongs to this very file (same ETag and size), else None."""
    try:
        side = read_json(sidecar)
    except (OSError, ValueError):
        return None
    have = _size(part)
    same = (
        isinstance(side, dict)
        and remote.etag is not None
        and side.get("etag") == remote.etag
        and remote.size is not None
        and side.get("size") == remote.size
        and have <= remote.size
    )
    return have if same else None


def _start_fresh(remote: RemoteFile, part: Path, sidecar: Path) -> int:
    """Discard any kept part (it is of another file or version) and describe the new one."""
    _discard(part, sidecar)
    part.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomic(sidecar, {
        "version": SIDECAR_VERSION,
        "repo_id": remote.repo_id,
        "filename": remote.filename,
        "revision": remote.revision,
        "url": remote.url,
        "etag": remote.etag,
        "commit": remote.commit,
        "size": remote.size,
        "sha256": remote.sha256,
        "git_sha1": remote.git_sha1,
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }, durable=False)
    return 0


def _verify(transfer: _Transfer, part: Path, sidecar: Path) -> None:
    remote = transfer.remote
    sha256, git_sha1 = transfer.hasher.finish()
    problem = None
    if remote.size is not None and transfer.done != remote.size:
        problem = msg("it has {done} bytes instead of {size}", done=f"{transfer.done:,}", size=f"{remote.size:,}")
    elif remote.sha256 and sha256 != remote.sha256:
        problem = msg("its SHA-256 is {found} instead of {expected}", found=sha256, expected=remote.sha256)
    elif remote.git_sha1 and git_sha1 is not None and git_sha1 != remote.git_sha1:
        problem = msg("its git hash is {found} instead of {expected}", found=git_sha1, expected=remote.git_sha1)
    if problem:
        _discard(part, sidecar)
        raise DownloadError(
            msg("The downloaded {file} does not match the file on Hugging Face ({problem}); it was damaged on "
                "the way and has been deleted. Download it again.", file=remote.filename, problem=problem),
            "hash_mismatch",
        )


def _place(part: Path, target_dir: Path, name: str, sha256: str | None, overwrite: bool) -> Path:
    """Move the finished part into place atomically, never over a different file unless asked."""
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / name
        if target.exists() and not overwrite:
            stem, suffix = Path(name).stem, Path(name).suffix
            tag = (sha256 or "")[:8] or "new"
            target = target_dir / f"{stem}-{tag}{suffix}"
            n = 2
            while target.exists():
                target = target_dir / f"{stem}-{tag}-{n}{suffix}"
                n += 1
        if part.stat().st_dev == target_dir.stat().st_dev:
            os.replace(part, target)
        else:  # a dest folder on another disk: copy next to it, then rename
            tmp = target.with_name(f".{target.name}.incoming")
            shutil.copyfile(part, tmp)
            os.replace(tmp, target)
            part.unlink()
    except OSError as exc:
        raise DownloadError(
            msg("The download finished but could not be moved into {folder} ({error}). Check that the "
                "folder is writable and try again; the downloaded file is kept.", folder=str(target_dir),
                error=exc.strerror or str(exc)),
            "disk", _size(part)) from exc
    return target


def _check_disk_space(folder: Path, needed: int, filename: str, part: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if needed + DISK_RESERVE > free:
        raise DownloadError(
            msg("Downloading {file} needs {needed} of free space in {folder}, but only {free} is free. "
                "Free up some space (or use another data folder with --data-dir) and try again.",
                file=filename, needed=_mb(needed), folder=str(folder), free=_mb(free)),
            "disk_space", _size(part))


class _exclusive:
    """One download of a given file at a time, across windows and processes."""

    def __init__(self, lock_path: Path, repo_id: str, filename: str) -> None:
        from filelock import FileLock

        lock_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(lock_path))
        self._what = f"{repo_id}/{filename}"

    def __enter__(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire(timeout=0)
        except Timeout as exc:
            raise DownloadError(
                msg("{what} is already being downloaded by another ChatDesk window or command. "
                    "Wait for it to finish, or stop it there.", what=self._what), "busy") from exc

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def _as_download_error(err: HubError, part: Path) -> DownloadError:
    if isinstance(err, DownloadError):
        return err
    return DownloadError(text_of(err), err.kind, _size(part))


def _content_range_start(resp: Any) -> int | None:
    m = re.match(r"bytes (\d+)-", resp.headers.get("Content-Range", ""))
    return int(m.group(1)) if m else None


def _same_origin(a: str, b: str) -> bool:
    def origin(u: str) -> tuple[str, str, int]:
        p = urlsplit(u)
        return p.scheme, (p.hostname or "").lower(), p.port or {"http": 80, "https": 443}.get(p.scheme, 0)

    return origin(a) == origin(b)


def _ua() -> dict[str, str]:
    from chatdesk import __version__

    return {"user-agent": f"chatdesk/{__version__}"}


def _discard(*files: Path) -> None:
    for f in files:
        try:
            f.unlink()
        except FileNotFoundError:
            pass


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def _mb(n: int | None) -> str:
    if n is None:
        return "?"
    if n >= 1 << 30:
        return f"{n / (1 << 30):.2f} GB"
    return f"{n / (1 << 20):.1f} MB"

