"""Searching the Hugging Face Hub for GGUF models, by words, with each hit's GGUF files.

Why: the download dialog only took a repository id, so a new user had to know one. This is the
search behind the dialog's search box and ``chatdesk models search``: repositories tagged
``gguf`` (the only format ChatDesk runs) whose id contains every word, most downloaded (or most
recently updated) first, optionally only those tagged with a language ("zh", "en"), and for each
hit its GGUF files with sizes and quantizations.

It uses ``huggingface_hub``'s own listing API: ``HfApi.list_models(search=…, filter=["gguf",
language], sort=…, expand=[…])`` for the hits, then ``HfApi.list_repo_tree`` per hit for file
sizes (the listing's siblings carry names only), fetched a few at a time. ``HF_ENDPOINT``,
``HF_TOKEN``, ``HF_HUB_OFFLINE`` and proxies behave as everywhere else (``hub.py``); every failure
is a ``HubError`` with a sentence for the user. Network only when ``search_models`` is called.

The Hub's ``search`` matches one piece of text inside repository ids, so several words are sent
as the longest word and the rest are matched here, over a larger page, keeping the Hub's order.
"""

from __future__ import annotations

import re
import socket
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from chatdesk.library.errors import HubError
from chatdesk.library.hub import LIST_TIMEOUT_S, endpoint_url, hub_error, is_offline, offline_error
from chatdesk.library.metadata import quantization_from_name, split_part
from translatable import msg

SORTS: dict[str, Literal["downloads", "last_modified"]] = {"downloads": "downloads", "recent": "last_modified"}
LANGUAGES = ("zh", "en")
MAX_LIMIT = 100
FILE_WORKERS = 4
_WORD = re.compile(r"[^\s/]+")


@dataclass(frozen=True)
class GGUFFile:
    """One GGUF file of a hit (split models: the first part, with the total of all parts)."""

    filename: str
    size: int | None  # bytes; None when the Hub did not say
    quantization: str
    parts: int = 1


@dataclass(frozen=True)
class SearchHit:
    repo_id: str
    downloads: int
    likes: int
    last_modified: str | None  # ISO 8601
    tags: tuple[str, ...]
    languages: tuple[str, ...]  # the language tags among ``tags`` ("zh", "en" ...)
    gated: bool
    parameters: int | None  # from the Hub's GGUF summary, when it has one
    files: tuple[GGUFFile, ...]
    files_error: str | None = None  # the files could not be listed (sizes unknown); why
    quantizations: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        seen: list[str] = []
        for f in self.files:
            if f.quantization and f.quantization not in seen:
                seen.append(f.quantization)
        object.__setattr__(self, "quantizations", tuple(seen))

    def to_json(self) -> dict[str, Any]:
        """One line of ``chatdesk models search --json`` (and what the dialog's table shows)."""
        return {
            "repo_id": self.repo_id,
            "downloads": self.downloads,
            "likes": self.likes,
            "last_modified": self.last_modified,
            "languages": list(self.languages),
            "gated": self.gated,
            "parameters": self.parameters,
            "quantizations": list(self.quantizations),
            "files": [{"filename": f.filename, "size": f.size, "quantization": f.quantization, "parts": f.parts}
                      for f in self.files],
            "files_error": self.files_error,
        }


def search_words(text: str) -> list[str]:
    """The words of a search (case-folded); "Qwen2.5 0.5B" -> ["qwen2.5", "0.5b"]."""
    return [w.casefold() for w in _WORD.findall(text or "")]


def search_models(
    text: str,
    *,
    language: str | None = None,
    sort: str = "downloads",
    limit: int = 20,
    with_files: bool = True,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = LIST_TIMEOUT_S,
    cancelled: Callable[[], bool] | None = None,
) -> list[SearchHit]:
    """GGUF repositories whose id contains every word of ``text``, best first.

    ``language``: "zh" or "en" (repositories the Hub tags with it); ``sort``: "downloads" or
    "recent"; ``limit``: 1-100 hits. With ``with_files`` each hit lists its GGUF files with sizes
    (one request per hit). ``cancelled`` is polled between requests (the dialog's newer search).
    Raises HubError with a sentence (offline, unreachable, a reply that is not the Hub's...).
    """
    words = search_words(text)
    if not words:
        raise HubError(msg("Type a few words to search for, such as \u201cqwen instruct\u201d."), "bad_reference")
    if language is not None and language not in LANGUAGES:
        raise HubError(msg("ChatDesk can filter by Chinese (zh) or English (en), not \u201c{language}\u201d.", language=language),
                       "bad_reference")
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {sorted(SORTS)}, not {sort!r}")
    limit = max(1, min(MAX_LIMIT, int(limit)))
    if is_offline():
        raise offline_error()
    from huggingface_hub import HfApi

    base = endpoint_url(endpoint)
    refused = _connection_refused(base, timeout)
    if refused is not None:
        import httpx2

        raise hub_error(httpx2.ConnectError(str(refused)), repo_id=" ".join(words)) from refused
    api = HfApi(endpoint=base, token=token)
    query = max(words, key=len)
    rest = [w for w in words if w != query]
    page = limit if not rest else MAX_LIMIT
    filters = ["gguf"] + ([language] if language else [])
    what = msg("the search \u201c{text}\u201d", text=" ".join(words))
    hits: list[SearchHit] = []
    try:
        for info in api.list_models(search=query, filter=filters, sort=SORTS[sort], limit=page,
                                    expand=["downloads", "likes", "lastModified", "tags", "gated", "siblings", "gguf"]):
            repo_id = str(info.id)
            if any(w not in repo_id.casefold() for w in rest):
                continue
            hits.append(_hit(info))
            if len(hits) >= limit:
                break
    except HubError:
        raise
    except Exception as exc:
        raise hub_error(exc, repo_id=what, timeout=timeout) from exc
    if with_files and hits:
        hits = _with_files(api, hits, timeout, cancelled)
    return hits


def _connection_refused(base: str, timeout: float) -> OSError | None:
    """Why the Hub cannot be reached at all (refused, no such host, no route), tried once.

    huggingface_hub's listing retries a failed connection five times with back-off: offline, the
    search said "could not connect" after 23.7 s (measured, a closed port on 127.0.0.1). One plain
    TCP connection says the same at once (a connection on the way to a working Hub costs one
    round trip). Skipped when a proxy would carry the request: then only the proxy is reached
    directly, and the listing's own errors speak for it.
    """
    parts = urlsplit(base)
    host = parts.hostname
    if not host:
        return None
    proxies = urllib.request.getproxies()
    if (proxies.get(parts.scheme) or proxies.get("all")) and not urllib.request.proxy_bypass(host):
        return None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=min(timeout, 10.0)):
            return None
    except TimeoutError:
        return None  # slow, not refused: the listing's own timeout and retries decide
    except OSError as exc:
        return exc


def _hit(info: Any) -> SearchHit:
    tags = tuple(str(t) for t in (info.tags or ()))
    languages = tuple(t for t in tags if re.fullmatch(r"[a-z]{2}", t))
    modified = info.last_modified
    gguf = info.gguf if isinstance(getattr(info, "gguf", None), dict) else {}
    total = gguf.get("total")
    files = _files_from_names([s.rfilename for s in (info.siblings or [])], {})
    return SearchHit(
        repo_id=str(info.id),
        downloads=int(info.downloads or 0),
        likes=int(info.likes or 0),
        last_modified=modified.isoformat() if isinstance(modified, datetime) else (str(modified) if modified else None),
        tags=tags,
        languages=languages,
        gated=bool(info.gated),
        parameters=int(total) if isinstance(total, (int, float)) else None,
        files=files,
    )


def _files_from_names(names: list[str], sizes: dict[str, int | None]) -> tuple[GGUFFile, ...]:
    """GGUF files from a repository's file names; split models once, with their parts' total size."""
    out: list[GGUFFile] = []
    ggufs = [n for n in names if n.lower().endswith(".gguf")]
    for name in ggufs:
        part = split_part(name)
        if part is not None and part[0] != 1:
            continue
        size = sizes.get(name)
        if part is not None:
            prefix = name[: name.lower().rfind("-00001-of-")]
            siblings = [n for n in ggufs if n.startswith(prefix) and split_part(n) is not None]
            part_sizes = [sizes.get(n) for n in siblings]
            size = sum(s for s in part_sizes if s is not None) if part_sizes and None not in part_sizes else None
        out.append(GGUFFile(name, size, quantization_from_name(name), part[1] if part else 1))
    out.sort(key=lambda f: (f.size is None, f.size or 0, f.filename))
    return tuple(out)


def _with_files(api: Any, hits: list[SearchHit], timeout: float, cancelled: Callable[[], bool] | None) -> list[SearchHit]:
    def one(hit: SearchHit) -> SearchHit:
        if cancelled is not None and cancelled():
            return hit
        try:
            sizes: dict[str, int | None] = {}
            for item in api.list_repo_tree(hit.repo_id, recursive=True):
                path = getattr(item, "path", "")
                if path.lower().endswith(".gguf"):
                    lfs = getattr(item, "lfs", None)
                    sizes[path] = int(lfs.size) if lfs is not None else getattr(item, "size", None)
        except Exception as exc:  # noqa: BLE001 - one repository's files failing keeps the hit, with the reason
            return _replace_files(hit, hit.files, str(hub_error(exc, repo_id=hit.repo_id, timeout=timeout)))
        return _replace_files(hit, _files_from_names(list(sizes), sizes), None)

    with ThreadPoolExecutor(max_workers=min(FILE_WORKERS, len(hits)), thread_name_prefix="hub-files") as pool:
        return list(pool.map(one, hits))


def _replace_files(hit: SearchHit, files: tuple[GGUFFile, ...], error: str | None) -> SearchHit:
    return SearchHit(hit.repo_id, hit.downloads, hit.likes, hit.last_modified, hit.tags, hit.languages, hit.gated,
                     hit.parameters, files, error)
