"""Moving the bytes: one ranged GET into the part file, and the retries around it.

Why a module of its own: this is the only code that talks HTTP for a download's body. It asks for
``bytes=<kept>-`` so a resumed download fetches only what is missing, checks that the server sent
that very range (a server that ignores Range gets the file taken from byte 0), sends the Hugging
Face token only to the Hub's own origin (never to the CDN), and goes through huggingface_hub's HTTP
session so proxies and HF_ENDPOINT apply. A dropped or stalled connection is resumed a few times
on a freshly resolved address (CDN links are signed and expire) unless the file changed on the Hub
meanwhile. Like huggingface_hub, it does not fsync the bytes (that would add seconds per GB).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from chatdesk.library.download.partial import as_download_error, part_size
from chatdesk.library.download.progress import ProgressCallback, ProgressMeter, paused
from chatdesk.library.download.remote_file import RemoteFile, resolve, user_agent
from chatdesk.library.download.verify import Hasher
from chatdesk.library.errors import DownloadCancelled, DownloadError, HubError
from chatdesk.library.hub import endpoint_url, hub_error
from translatable import msg

DEFAULT_RETRIES = 2  # automatic resumes after a dropped or stalled connection, per call
CHUNK_BYTES = 1 << 20  # bytes read from the network per step


class Transfer:
    """The bytes of one download: the .part file, the running hash and the progress reports."""

    def __init__(self, remote: RemoteFile, part: Path, on_progress: ProgressCallback | None,
                 cancel: threading.Event, resume_from: int) -> None:
        self.remote = remote
        self.part = part
        self.cancel = cancel
        self.resumed_from = resume_from
        self.done = resume_from  # bytes in the .part file
        self.received = 0  # bytes received by this call
        self.hasher = Hasher(remote)
        self.meter = ProgressMeter(on_progress)

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
        headers = {"Accept-Encoding": "identity", **user_agent()}
        if _same_origin(self.remote.location, endpoint):  # never send the token to a CDN
            headers.update(build_hf_headers(token=token, headers=user_agent()))
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
        self.hasher = Hasher(self.remote)

    def cancelled(self) -> DownloadCancelled:
        return paused(self.remote.filename, self.done, self.remote.size)

    def report(self, phase: str, *, force: bool = False) -> None:
        self.meter.report(self.remote, self.done, self.resumed_from, phase, force=force)


def fetch_with_retries(transfer: Transfer, repo_id: str, filename: str, revision: str | None, *,
                       endpoint: str | None, token: str | bool | None, timeout: float, retries: int) -> None:
    """``transfer.fetch`` until the file is complete, resuming after a dropped or stalled connection.

    Between tries it waits (0.5 s, 1 s, 2 s ... at most 4 s; Cancel ends the wait) and resolves
    the file again; ``transfer.remote`` becomes the fresh answer. Any other failure, or one more
    than ``retries``, is raised as a DownloadError that says how much is kept.
    """
    cancel = transfer.cancel
    attempt = 0
    while True:
        try:
            transfer.fetch(endpoint_url(endpoint), token, timeout)
            return
        except DownloadCancelled:
            raise
        except Exception as exc:
            err = hub_error(exc, repo_id=repo_id, filename=filename, timeout=timeout, resumable=True)
            if err.kind not in ("timeout", "connection") or attempt >= retries or cancel.is_set():
                raise as_download_error(err, transfer.part) from exc
            attempt += 1
            if cancel.wait(min(0.5 * 2 ** (attempt - 1), 4.0)):
                raise transfer.cancelled() from exc
            try:  # a fresh address: CDN links are signed and expire
                fresh = resolve(repo_id, filename, revision, endpoint=endpoint, token=token, timeout=timeout)
            except HubError as herr:
                raise as_download_error(herr, transfer.part) from exc
            if fresh.etag != transfer.remote.etag or fresh.size != transfer.remote.size:
                raise DownloadError(
                    msg("{repo}/{file} changed on Hugging Face during the download. Start the download again.",
                        repo=repo_id, file=filename),
                    "http", part_size(transfer.part)) from exc
            transfer.remote = fresh


def _content_range_start(resp: Any) -> int | None:
    m = re.match(r"bytes (\d+)-", resp.headers.get("Content-Range", ""))
    return int(m.group(1)) if m else None


def _same_origin(a: str, b: str) -> bool:
    def origin(u: str) -> tuple[str, str, int]:
        p = urlsplit(u)
        return p.scheme, (p.hostname or "").lower(), p.port or {"http": 80, "https": 443}.get(p.scheme, 0)

    return origin(a) == origin(b)
