"""llama.cpp's own command-line tools, built from the exact source ChatDesk's llama-cpp-python wraps.

Benchmarks compare ChatDesk with llama.cpp itself (``llama-perplexity`` for evaluation,
``llama-completion`` for generation throughput). To make that comparison fair, the tools must be
built from the llama.cpp commit vendored inside the pinned llama-cpp-python release, not from
whatever llama.cpp happens to be installed. So this module

1. downloads the llama-cpp-python source distribution with ``pip download`` (the package registry,
   nothing else),
2. unpacks it and configures ``vendor/llama.cpp`` with CMake (the flags from the reference notes,
   §8: Release, no curl, no tests/examples), and
3. builds only the ``llama-perplexity``, ``llama-completion``, ``llama-server`` and ``llama-embedding``
   targets,

all under a cache folder outside the repository (``~/.cache/chatdesk-bench/`` or
``$CHATDESK_BENCH_CACHE``). A finished build is reused: the second call costs nothing.

Use it from another benchmark::

    from llama_tools import llama_tools
    tools = llama_tools()          # builds on first use (about 5 minutes on 2 cores)
    subprocess.run([tools.perplexity, "-m", model, "-f", text, "-c", "512"])

or run it (``python benchmarks/llama_tools.py [--jobs N] [--rebuild]``): it prints the binary
paths and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
from dataclasses import asdict, dataclass
from pathlib import Path

LLAMA_CPP_PYTHON_VERSION = "0.3.36"
TARGETS = ("llama-perplexity", "llama-completion", "llama-server", "llama-embedding")
CMAKE_FLAGS = (
    "-DCMAKE_BUILD_TYPE=Release",
    "-DLLAMA_CURL=OFF",
    "-DLLAMA_BUILD_TESTS=OFF",
    # llama-embedding lives in examples/; configuring the examples only declares their targets,
    # and just the TARGETS below are built.
    "-DLLAMA_BUILD_EXAMPLES=ON",
    # The server target is needed (benchmarks/serve_stream.py); configuring it only adds that target.
    "-DLLAMA_BUILD_SERVER=ON",
)


@dataclass(frozen=True)
class LlamaTools:
    perplexity: str
    completion: str
    server: str
    embedding: str
    llama_cpp_python: str
    commit: str | None
    """The vendored llama.cpp commit, when the sdist records it (its git submodule HEAD)."""
    source_dir: str
    build_dir: str


def cache_dir() -> Path:
    env = os.environ.get("CHATDESK_BENCH_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "chatdesk-bench"


def _exe(name: str) -> str:
    return name + (".exe" if os.name == "nt" else "")


def _say(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def download_sdist(version: str = LLAMA_CPP_PYTHON_VERSION, cache: Path | None = None) -> Path:
    """The llama-cpp-python source tarball, fetched with pip from the package registry once."""
    folder = (cache or cache_dir()) / "sdist"
    folder.mkdir(parents=True, exist_ok=True)
    found = sorted(folder.glob(f"llama_cpp_python-{version}.tar.gz"))
    if found:
        return found[0]
    _say(f"downloading the llama-cpp-python {version} source distribution with pip …")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
         f"llama-cpp-python=={version}", "-d", str(folder)],
        check=True,
    )
    found = sorted(folder.glob(f"llama_cpp_python-{version}.tar.gz"))
    if not found:
        raise RuntimeError(f"pip download finished but no llama_cpp_python-{version}.tar.gz is in {folder}")
    return found[0]


def unpack(tarball: Path, dest_root: Path) -> Path:
    """Unpack once into ``dest_root``; the tarball's single top folder is the source tree."""
    top = dest_root / tarball.name.removesuffix(".tar.gz")
    marker = top / ".unpacked"
    if marker.is_file():
        return top
    if top.exists():
        shutil.rmtree(top)
    dest_root.mkdir(parents=True, exist_ok=True)
    _say(f"unpacking {tarball.name} …")
    with tarfile.open(tarball) as tf:
        if sys.version_info >= (3, 12) or hasattr(tarfile, "data_filter"):
            tf.extractall(dest_root, filter="data")
        else:  # pragma: no cover - Python without extraction filters
            tf.extractall(dest_root)
    marker.write_text("ok")
    return top


def vendored_commit(source: Path) -> str | None:
    head = source / ".git" / "modules" / "vendor" / "llama.cpp" / "HEAD"
    try:
        text = head.read_text().strip()
    except OSError:
        return None
    return text if len(text) == 40 else None


def _logged(cmd: list[str], log: Path) -> None:
    """Run a build step with its (long, warning-laden) output in ``log``; show the tail on failure."""
    with log.open("a", encoding="utf-8") as fh:
        fh.write("$ " + " ".join(cmd) + "\n")
        fh.flush()
        rc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        tail = log.read_text("utf-8", "replace").splitlines()[-30:]
        raise RuntimeError(f"{cmd[0]} failed (exit status {rc}); the last lines of {log}:\n" + "\n".join(tail))


def _binaries(build: Path) -> dict[str, Path]:
    return {t: build / "bin" / _exe(t) for t in TARGETS}


def llama_tools(*, jobs: int | None = None, rebuild: bool = False,
                version: str = LLAMA_CPP_PYTHON_VERSION) -> LlamaTools:
    """Paths of ``llama-perplexity`` and ``llama-completion``, building them on first use."""
    if shutil.which("cmake") is None:
        raise RuntimeError("building llama.cpp's tools needs CMake and a C++ compiler; install cmake first")
    cache = cache_dir()
    source = unpack(download_sdist(version, cache), cache / "src")
    llama_src = source / "vendor" / "llama.cpp"
    build = cache / f"build-{version}"
    bins = _binaries(build)
    if rebuild and build.exists():
        shutil.rmtree(build)
    if not all(p.is_file() for p in bins.values()):
        jobs = jobs or os.cpu_count() or 2
        build.mkdir(parents=True, exist_ok=True)
        log = build / "chatdesk-build.log"
        _say(f"configuring llama.cpp in {build} (log: {log}) …")
        _logged(["cmake", "-S", str(llama_src), "-B", str(build), *CMAKE_FLAGS], log)
        _say(f"building {', '.join(TARGETS)} with {jobs} jobs (several minutes the first time) …")
        _logged(["cmake", "--build", str(build), "--config", "Release", "-j", str(jobs), "--target", *TARGETS], log)
        missing = [str(p) for p in bins.values() if not p.is_file()]
        if missing:
            raise RuntimeError(f"the build finished but these binaries are missing: {', '.join(missing)}")
    return LlamaTools(
        perplexity=str(bins["llama-perplexity"]),
        completion=str(bins["llama-completion"]),
        server=str(bins["llama-server"]),
        embedding=str(bins["llama-embedding"]),
        llama_cpp_python=version,
        commit=vendored_commit(source),
        source_dir=str(llama_src),
        build_dir=str(build),
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build llama.cpp's llama-perplexity and llama-completion from the "
                                            f"llama-cpp-python {LLAMA_CPP_PYTHON_VERSION} sdist (cached).")
    p.add_argument("--jobs", type=int, default=None, help="parallel build jobs (default: all cores)")
    p.add_argument("--rebuild", action="store_true", help="delete the cached build and build again")
    args = p.parse_args(argv)
    try:
        tools = llama_tools(jobs=args.jobs, rebuild=args.rebuild)
    except (subprocess.CalledProcessError, RuntimeError, OSError) as exc:
        print(f"llama_tools: {exc}", file=sys.stderr)
        return 1
    print(f"llama-perplexity: {tools.perplexity}")
    print(f"llama-completion: {tools.completion}")
    print(f"llama-server: {tools.server}")
    print(f"llama-embedding: {tools.embedding}")
    print(json.dumps(asdict(tools)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
