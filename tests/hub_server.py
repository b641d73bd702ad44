"""A local stand-in for the Hugging Face Hub, answering the way the Hub does (tests and benchmarks).

The real ``huggingface_hub`` client talks to it through ``HF_ENDPOINT`` (or ``endpoint=``):

* ``HEAD/GET /{repo}/resolve/{rev}/{file}``: for LFS files a 302 to a "CDN" on another host name
  (``localhost`` instead of ``127.0.0.1``, same port) carrying ``X-Repo-Commit``, ``X-Linked-Etag``
  (the SHA-256) and ``X-Linked-Size``, like huggingface.co; small git files are served directly
  with their git blob SHA-1 as ``ETag``. Bodies honour ``Range`` (206 + ``Content-Range``).
* ``GET /api/models/{repo}[/revision/{rev}]`` (``sha``, ``siblings``; sizes and LFS data with
  ``?blobs=true``) and ``GET /api/models/{repo}/tree/{rev}``.
* ``GET /api/models?search=&filter=&sort=&limit=&expand=`` (``HfApi.list_models``): repositories
  whose id contains ``search`` (case-insensitive) and whose tags include every ``filter``, sorted
  by ``downloads``, ``likes``, ``lastModified`` or ``createdAt`` (descending, as the Hub does),
  with only the ``expand``ed fields (names only in ``siblings``, like the Hub's listing).
* Errors carry ``X-Error-Code`` (RepoNotFound, EntryNotFound, RevisionNotFound, GatedRepo).
* Requests in absolute form (``GET http://host/...``) are served too, so the server doubles as
  an HTTP proxy for proxy tests.

Faults a test can switch on: fail the next requests with a status, stall or drop the connection
after N body bytes, pause at a byte "gate" until released, corrupt one byte, report a false size;
benchmarks can also pace bodies at a given rate, like a real network link.
Every request is recorded (method, path, Range, Authorization, body bytes sent).
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

CHUNK = 1 << 20
_HASH_CACHE: dict[tuple[str, int, int], str] = {}


def file_sha256(path: Path) -> str:
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _HASH_CACHE:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(4 << 20):
                h.update(chunk)
        _HASH_CACHE[key] = h.hexdigest()
    return _HASH_CACHE[key]


def git_blob_sha1(data: bytes) -> str:
    return hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()


@dataclass
class HubFile:
    name: str
    data: bytes | None = None
    path: Path | None = None
    lfs: bool = True
    sha256: str = ""
    git_sha1: str = ""

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else self.path.stat().st_size  # type: ignore[union-attr]

    def read(self, start: int, end: int) -> bytes:
        if self.data is not None:
            return self.data[start:end]
        with self.path.open("rb") as fh:  # type: ignore[union-attr]
            fh.seek(start)
            return fh.read(end - start)


@dataclass
class Repo:
    repo_id: str
    commit: str
    files: dict[str, HubFile]
    access: str = "public"  # "public" | "gated" | "private"
    token: str | None = None  # the token that may read a gated/private repo
    # What the Hub's listing says about it (GET /api/models).
    downloads: int = 0
    likes: int = 0
    last_modified: str = "2024-01-01T00:00:00.000Z"
    tags: tuple[str, ...] = ("gguf",)


@dataclass
class Record:
    method: str
    path: str
    host: str
    range: str | None
    authorization: str | None
    status: int = 0
    body_bytes: int = 0
    query: str = ""


@dataclass
class Faults:
    fail: list[tuple[str, int]] = field(default_factory=list)  # (where: "resolve"|"cdn"|"api"|"any", status), one per request
    stall_after: int | None = None  # body bytes, then hang until the server stops
    drop_after: int | None = None  # body bytes, then close the connection
    drop_times: int = 0
    gate_at: int | None = None  # body bytes, then wait for gate_open (once)
    corrupt: bool = False  # flip one byte of every body
    size_override: dict[str, int] = field(default_factory=dict)  # filename -> size the server claims
    rate_bps: float | None = None  # serve bodies at this rate (benchmarks: a realistic network link)
    bad_listing: bool = False  # answer GET /api/models with something that is not the Hub's JSON


class HubServer:
    def __init__(self) -> None:
        self.repos: dict[str, Repo] = {}
        self.records: list[Record] = []
        self.faults = Faults()
        self.gate_reached = threading.Event()
        self.gate_open = threading.Event()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        hub = self

        class Handler(_Handler):
            server_hub = hub

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.cdn = f"http://localhost:{self.port}/cdn"
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="hub-server", daemon=True)

    # ------------------------------------------------------------------ setup

    def start(self) -> HubServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.gate_open.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(10)

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def add_repo(self, repo_id: str, files: dict[str, bytes | Path], *, commit: str | None = None,
                 access: str = "public", token: str | None = None, lfs: set[str] | None = None,
                 downloads: int = 0, likes: int = 0, last_modified: str = "2024-01-01T00:00:00.000Z",
                 tags: tuple[str, ...] = ("gguf",)) -> Repo:
        """Files given as Path or named *.gguf are LFS (unless ``lfs`` lists the LFS names).
        ``downloads``, ``likes``, ``last_modified`` and ``tags`` are what the listing reports."""
        hub_files: dict[str, HubFile] = {}
        for name, content in files.items():
            is_lfs = (name in lfs) if lfs is not None else (isinstance(content, Path) or name.endswith(".gguf"))
            f = HubFile(name, data=content if isinstance(content, bytes) else None,
                        path=content if isinstance(content, Path) else None, lfs=is_lfs)
            if is_lfs:
                f.sha256 = file_sha256(content) if isinstance(content, Path) else hashlib.sha256(content).hexdigest()
            else:
                f.git_sha1 = git_blob_sha1(content if isinstance(content, bytes) else content.read_bytes())
            hub_files[name] = f
        commit = commit or hashlib.sha1(repo_id.encode()).hexdigest()
        repo = Repo(repo_id, commit, hub_files, access, token, downloads, likes, last_modified, tuple(tags))
        self.repos[repo_id] = repo
        return repo

    def bodies(self, name: str | None = None) -> list[Record]:
        """GET requests that carried (part of) a file body, oldest first."""
        with self.lock:
            return [r for r in self.records if r.method == "GET" and r.body_bytes > 0 and "/api/" not in r.path
                    and (name is None or r.path.endswith("/" + name) or "/cdn/" in r.path)]

    def requests(self, method: str | None = None) -> list[Record]:
        with self.lock:
            return [r for r in self.records if method is None or r.method == method]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_hub: HubServer

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_HEAD(self) -> None:
        self._handle(head=True)

    def do_GET(self) -> None:
        self._handle(head=False)

    # ------------------------------------------------------------------ routing

    def _handle(self, head: bool) -> None:
        hub = self.server_hub
        url = urlsplit(self.path)  # absolute form when used as a proxy
        path = unquote(url.path)
        rec = Record("HEAD" if head else "GET", path, self.headers.get("Host", ""), self.headers.get("Range"),
                     self.headers.get("Authorization"), query=url.query)
        with hub.lock:
            hub.records.append(rec)
        self._rec = rec
        if path.startswith("/_test/"):
            return self._control(path, parse_qs(url.query))
        where = "api" if path.startswith("/api/") else "cdn" if path.startswith("/cdn/") else "resolve"
        with hub.lock:
            for i, (w, status) in enumerate(hub.faults.fail):
                if w in (where, "any"):
                    del hub.faults.fail[i]
                    return self._error(status, "ServerError" if status >= 500 else "Error", f"injected {status}")
        try:
            if where == "api":
                return self._api(path, parse_qs(url.query))
            if where == "cdn":
                return self._cdn(path, head)
            return self._resolve(path, head)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _control(self, path: str, query: dict[str, list[str]]) -> None:
        hub = self.server_hub
        if path == "/_test/records":
            with hub.lock:
                return self._json([r.__dict__ for r in hub.records if not r.path.startswith("/_test/")])
        if path == "/_test/faults":
            if "rate_bps" in query:
                hub.faults.rate_bps = float(query["rate_bps"][0]) or None
            if "gate_at" in query:
                hub.gate_reached.clear()
                hub.gate_open.clear()
                hub.faults.gate_at = int(query["gate_at"][0])
            return self._json({"ok": True})
        if path == "/_test/gate_reached":
            return self._json({"reached": hub.gate_reached.wait(float(query.get("timeout", ["60"])[0]))})
        if path == "/_test/gate_open":
            hub.gate_open.set()
            return self._json({"ok": True})
        return self._error(404, "EntryNotFound", "unknown control path")

    def _repo_access(self, repo: Repo) -> bool:
        if repo.access == "public":
            return True
        auth = self.headers.get("Authorization")
        if auth == f"Bearer {repo.token}":
            return True
        if repo.access == "gated":
            if auth:
                self._error(403, "GatedRepo", "Access to this model is restricted: accept its conditions first.")
            else:
                self._error(401, "GatedRepo", "Access to this model is restricted. You must be authenticated.")
        else:
            self._error(401, "RepoNotFound", "Repository not found")
        return False

    def _find_repo(self, segs: list[str]) -> Repo | None:
        if len(segs) < 2:
            return None
        return self.server_hub.repos.get(f"{segs[0]}/{segs[1]}")

    def _api(self, path: str, query: dict[str, list[str]]) -> None:
        segs = [s for s in path.split("/") if s][2:]  # after /api/models
        if not segs and path.rstrip("/") == "/api/models":
            return self._list_models(query)
        repo = self._find_repo(segs)
        if repo is None:
            return self._error(404, "RepoNotFound", "Repository not found")
        if not self._repo_access(repo):
            return
        rest = segs[2:]
        hub = self.server_hub
        if not rest or rest[0] == "revision":
            if rest and rest[1] not in ("main", repo.commit):
                return self._error(404, "RevisionNotFound", "Invalid rev id")
            blobs = query.get("blobs", ["false"])[0].lower() == "true"
            siblings = []
            for f in repo.files.values():
                item: dict = {"rfilename": f.name}
                if blobs:
                    size = hub.faults.size_override.get(f.name, f.size)
                    item.update(size=size, blobId=f.git_sha1 or hashlib.sha1(f.name.encode()).hexdigest())
                    if f.lfs:
                        item["lfs"] = {"sha256": f.sha256, "size": size, "pointerSize": 134}
                siblings.append(item)
            body = {"_id": "x", "id": repo.repo_id, "modelId": repo.repo_id, "sha": repo.commit, "private": repo.access == "private",
                    "gated": "manual" if repo.access == "gated" else False, "tags": ["gguf"], "siblings": siblings}
            return self._json(body)
        if rest[0] == "tree":
            if len(rest) < 2 or rest[1] not in ("main", repo.commit):
                return self._error(404, "RevisionNotFound", "Invalid rev id")
            entries = []
            for f in repo.files.values():
                size = hub.faults.size_override.get(f.name, f.size)
                item = {"type": "file", "path": f.name, "size": size, "oid": f.git_sha1 or hashlib.sha1(f.name.encode()).hexdigest()}
                if f.lfs:
                    item["lfs"] = {"oid": f.sha256, "size": size, "pointerSize": 134}
                entries.append(item)
            return self._json(entries)
        return self._error(404, "EntryNotFound", "Not found")

    def _list_models(self, query: dict[str, list[str]]) -> None:
        """``HfApi.list_models``: one page, no pagination (tests ask for fewer than a page)."""
        hub = self.server_hub
        if hub.faults.bad_listing:
            raw = b"<html>Gateway says hello</html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self._rec.status = 200
            self.wfile.write(raw)
            return None
        search = query.get("search", [""])[0].lower()
        wanted = set(query.get("filter", []))
        repos = [r for r in hub.repos.values()
                 if r.access != "private" and search in r.repo_id.lower() and wanted <= set(r.tags)]
        key = query.get("sort", [""])[0]
        order = {"downloads": lambda r: r.downloads, "likes": lambda r: r.likes,
                 "lastModified": lambda r: r.last_modified, "createdAt": lambda r: r.last_modified}.get(key)
        if order is not None:
            repos.sort(key=order, reverse=True)
        if "limit" in query:
            repos = repos[: int(query["limit"][0])]
        expand = set(query.get("expand", [])) or {"downloads", "likes", "lastModified", "tags", "gated", "private"}
        out = []
        for r in repos:
            full = {"id": r.repo_id, "_id": "x", "modelId": r.repo_id, "downloads": r.downloads, "likes": r.likes,
                    "lastModified": r.last_modified, "createdAt": r.last_modified, "tags": list(r.tags),
                    "gated": "manual" if r.access == "gated" else False, "private": False, "sha": r.commit,
                    "siblings": [{"rfilename": n} for n in r.files]}
            out.append({"id": r.repo_id, "_id": "x", **{k: v for k, v in full.items() if k in expand}})
        return self._json(out)

    def _resolve(self, path: str, head: bool) -> None:
        segs = [s for s in path.split("/") if s]
        repo = self._find_repo(segs)
        if repo is None or len(segs) < 5 or segs[2] != "resolve":
            return self._error(404, "RepoNotFound", "Repository not found")
        if not self._repo_access(repo):
            return
        rev, name = segs[3], "/".join(segs[4:])
        if rev not in ("main", repo.commit):
            return self._error(404, "RevisionNotFound", "Invalid rev id")
        f = repo.files.get(name)
        if f is None:
            return self._error(404, "EntryNotFound", f"{name} does not exist on main")
        size = self.server_hub.faults.size_override.get(name, f.size)
        common = {"X-Repo-Commit": repo.commit, "Accept-Ranges": "bytes"}
        if f.lfs:
            self.send_response(302)
            for k, v in {**common, "Location": f"{self.server_hub.cdn}/{f.sha256}?X-Amz-Signature=test",
                         "X-Linked-Etag": f'"{f.sha256}"', "X-Linked-Size": str(size), "ETag": f'"{git_blob_sha1(name.encode())}"',
                         "Content-Length": "0"}.items():
                self.send_header(k, v)
            self.end_headers()
            self._rec.status = 302
            return
        self._body(f, head, {**common, "ETag": f'"{f.git_sha1}"'}, claimed_size=size)

    def _cdn(self, path: str, head: bool) -> None:
        sha = path.rsplit("/", 1)[-1]
        for repo in self.server_hub.repos.values():
            for f in repo.files.values():
                if f.lfs and f.sha256 == sha:
                    return self._body(f, head, {"ETag": f'"{sha}"', "Accept-Ranges": "bytes"},
                                      claimed_size=self.server_hub.faults.size_override.get(f.name, f.size))
        self._error(404, "EntryNotFound", "No such object")

    # ------------------------------------------------------------------ bodies

    def _body(self, f: HubFile, head: bool, headers: dict[str, str], claimed_size: int) -> None:
        hub = self.server_hub
        size = f.size
        start, end = 0, size
        status = 200
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes="):
            a, _, b = rng[6:].partition("-")
            start = int(a) if a else 0
            end = int(b) + 1 if b else size
            if start >= size:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                self._rec.status = 416
                return
            end = min(end, size)
            status = 206
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(end - start if not head else claimed_size if status == 200 else end - start))
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
        self.end_headers()
        self._rec.status = status
        if head:
            return
        faults = hub.faults
        pos = start
        sent = 0
        began = time.monotonic()
        while pos < end:
            if faults.rate_bps:  # pace the body like a network link of that speed
                ahead = sent / faults.rate_bps - (time.monotonic() - began)
                if ahead > 0:
                    time.sleep(ahead)
            limit = end
            stop_at = None
            for kind in ("gate", "stall", "drop"):
                at = {"gate": faults.gate_at, "stall": faults.stall_after,
                      "drop": faults.drop_after if faults.drop_times > 0 else None}[kind]
                if at is not None and sent < at and (stop_at is None or at < stop_at[1]):
                    stop_at = (kind, at)
            if stop_at is not None:
                limit = min(limit, pos + (stop_at[1] - sent))
            n = min(CHUNK if not faults.rate_bps else CHUNK // 4, limit - pos)
            if n > 0:
                data = f.read(pos, pos + n)
                if faults.corrupt and pos <= size // 2 < pos + n:
                    i = size // 2 - pos
                    data = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:]
                self.wfile.write(data)
                pos += n
                sent += n
                self._rec.body_bytes = sent
            if stop_at is not None and sent == stop_at[1]:
                kind = stop_at[0]
                if kind == "gate":
                    faults.gate_at = None
                    self.wfile.flush()
                    hub.gate_reached.set()
                    hub.gate_open.wait()
                elif kind == "stall":
                    self.wfile.flush()
                    hub.stopping.wait()
                    self.close_connection = True
                    return
                else:
                    faults.drop_times -= 1
                    self.wfile.flush()
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return

    def _json(self, obj: object) -> None:
        raw = json.dumps(obj).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self._rec.status = 200
        if self.command != "HEAD":
            self.wfile.write(raw)

    def _error(self, status: int, code: str, message: str) -> None:
        raw = json.dumps({"error": message}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Error-Code", code)
        self.send_header("X-Error-Message", message)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self._rec.status = status
        if self.command != "HEAD":
            self.wfile.write(raw)


def main(argv: list[str] | None = None) -> int:
    """Serve from a separate process (benchmarks): ``python tests/hub_server.py REPO NAME=PATH ...``.

    Prints one JSON line with the endpoint, then serves until stdin is closed. ``GET /_test/records``
    returns the request log; ``GET /_test/faults?gate_at=N`` sets a byte gate and
    ``GET /_test/gate_open`` releases it.
    """
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    hub = HubServer()
    files = {}
    for spec in args[1:]:
        name, _, path = spec.partition("=")
        files[name] = Path(path)
    repo = hub.add_repo(args[0], files)
    hub.start()
    print(json.dumps({"endpoint": hub.endpoint, "cdn": hub.cdn, "commit": repo.commit,
                      "files": {n: {"sha256": f.sha256, "size": f.size} for n, f in repo.files.items()}}), flush=True)
    sys.stdin.read()
    hub.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
