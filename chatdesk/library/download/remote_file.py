"""Which bytes a download fetches: one Hub file resolved by a HEAD request.

Why a module of its own: the answer (the address of the bytes, ETag, size, commit) is asked for
at the start of a download and again after a dropped connection, because CDN addresses are
signed and expire; it decides whether a kept part may be resumed and what the finished file must
hash to (the SHA-256 for LFS files, the git blob SHA-1 for small files). huggingface_hub's own
``hf_hub_url`` and ``get_hf_file_metadata`` do the asking, so HF_ENDPOINT, HF_TOKEN,
HF_HUB_OFFLINE and proxy variables behave as everywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chatdesk.library.hub import endpoint_url, hub_error, is_offline, offline_error

DEFAULT_TIMEOUT_S = 30.0  # seconds without a byte before a connection counts as stalled
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX40 = re.compile(r"^[0-9a-f]{40}$")


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
        meta = get_hf_file_metadata(url, token=token, timeout=timeout, endpoint=ep, headers=user_agent())
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


def user_agent() -> dict[str, str]:
    """The User-Agent header of every request a download sends (the HEAD and the GETs)."""
    from chatdesk import __version__

    return {"user-agent": f"chatdesk/{__version__}"}
