"""Models and tokenizers already in the user's Hugging Face cache, found without the network.

People who use other Hugging Face tools often have GGUF files in ``~/.cache/huggingface/hub``;
ChatDesk lists them (``huggingface_hub.scan_cache_dir``) so they can chat with them without a
second copy. The checkpoint importer needs GPT-2's tokenizer files; ``find_gpt2_tokenizer`` looks
for them in ChatDesk's own folder and in that cache, and never goes online.

The cache folder is resolved when called (HF_HUB_CACHE, HUGGINGFACE_HUB_CACHE, HF_HOME,
XDG_CACHE_HOME), not when ``huggingface_hub`` was imported, so a changed environment is honoured.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from chatdesk import paths
from chatdesk.library.errors import LibraryError
from chatdesk.library.metadata import split_part
from translatable import msg

GPT2_REPOS = ("openai-community/gpt2", "gpt2")
GPT2_FILE_SETS = (("vocab.json", "merges.txt"), ("tokenizer.json",))
_HEX = set("0123456789abcdef")


@dataclass(frozen=True)
class CachedGGUF:
    """One GGUF file in the Hugging Face cache (the first part only, for split models)."""

    repo_id: str
    filename: str  # path inside the repo
    commit: str
    path: Path  # the snapshot path (a symlink into blobs/ on POSIX); load this one
    blob_path: Path
    size: int
    refs: tuple[str, ...]  # branch names pointing at this commit ("main")
    sha256: str | None  # the blob's name is the file's SHA-256 for LFS files
    parts: int = 1


@dataclass(frozen=True)
class TokenizerFiles:
    """GPT-2 tokenizer files found on disk: vocab.json + merges.txt, and/or tokenizer.json."""

    repo_id: str
    commit: str | None
    folder: Path
    vocab: Path | None
    merges: Path | None
    tokenizer_json: Path | None

    @property
    def has_bpe_pair(self) -> bool:
        return self.vocab is not None and self.merges is not None


def hf_cache_dir() -> Path:
    """The Hugging Face hub cache folder, as huggingface_hub would choose it now."""
    for var in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"):
        if os.environ.get(var):
            return Path(os.path.expandvars(os.path.expanduser(os.environ[var])))
    if os.environ.get("HF_HOME"):
        return Path(os.path.expandvars(os.path.expanduser(os.environ["HF_HOME"]))) / "hub"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "huggingface" / "hub"


def scan_hf_cache(cache_dir: str | os.PathLike[str] | None = None) -> list[CachedGGUF]:
    """Every GGUF model file in the Hugging Face cache, newest commit first per file.

    Reads the disk only. A missing cache is an empty list; an unreadable one raises LibraryError.
    """
    from huggingface_hub import scan_cache_dir
    from huggingface_hub.errors import CacheNotFound

    folder = Path(cache_dir) if cache_dir is not None else hf_cache_dir()
    if not folder.is_dir():
        return []
    try:
        info = scan_cache_dir(folder)
    except CacheNotFound:
        return []
    except (OSError, ValueError) as exc:
        raise LibraryError(msg("ChatDesk could not read the Hugging Face cache in {folder} ({error}).", folder=str(folder),
                               error=str(exc))) from exc

    found: dict[tuple[str, str], tuple[tuple[int, float], CachedGGUF]] = {}
    for repo in info.repos:
        if repo.repo_type != "model":
            continue
        for rev in repo.revisions:
            for f in rev.files:
                rel = f.file_path.relative_to(rev.snapshot_path).as_posix()
                if not rel.lower().endswith(".gguf"):
                    continue
                part = split_part(rel)
                if part is not None and part[0] != 1:
                    continue  # llama.cpp opens a split model through its first part
                blob_name = f.blob_path.name
                item = CachedGGUF(
                    repo_id=repo.repo_id,
                    filename=rel,
                    commit=rev.commit_hash,
                    path=f.file_path,
                    blob_path=f.blob_path,
                    size=f.size_on_disk,
                    refs=tuple(sorted(rev.refs)),
                    sha256=blob_name if len(blob_name) == 64 and set(blob_name) <= _HEX else None,
                    parts=part[1] if part else 1,
                )
                # Prefer a revision a branch points at, then the most recently modified one.
                rank = (1 if rev.refs else 0, rev.last_modified)
                key = (repo.repo_id, rel)
                if key not in found or rank > found[key][0]:
                    found[key] = (rank, item)
    return [item for _, item in sorted(found.values(), key=lambda p: (p[1].repo_id.lower(), p[1].filename))]


def chatdesk_tokenizer_dir() -> Path:
    """Where ``download_gpt2_tokenizer`` puts GPT-2's tokenizer files."""
    return paths.models_dir() / "tokenizers" / "gpt2"


def find_gpt2_tokenizer(cache_dir: str | os.PathLike[str] | None = None) -> TokenizerFiles | None:
    """GPT-2's tokenizer files on this machine (ChatDesk's folder first, then the HF cache), or None."""
    own = _complete(chatdesk_tokenizer_dir(), GPT2_REPOS[0], _read_commit(chatdesk_tokenizer_dir()))
    if own is not None:
        return own
    folder = Path(cache_dir) if cache_dir is not None else hf_cache_dir()
    for repo_id in GPT2_REPOS:
        repo_dir = folder / ("models--" + repo_id.replace("/", "--"))
        snapshots = repo_dir / "snapshots"
        if not snapshots.is_dir():
            continue
        main = _read_ref(repo_dir / "refs" / "main")
        candidates = sorted(
            (p for p in snapshots.iterdir() if p.is_dir()),
            key=lambda p: (p.name == main, p.stat().st_mtime),
            reverse=True,
        )
        for snap in candidates:
            hit = _complete(snap, repo_id, snap.name)
            if hit is not None:
                return hit
    return None


def _complete(folder: Path, repo_id: str, commit: str | None) -> TokenizerFiles | None:
    def present(name: str) -> Path | None:
        p = folder / name
        return p if p.is_file() else None  # is_file follows the snapshot symlink: a dangling one is absent

    vocab, merges, tok = present("vocab.json"), present("merges.txt"), present("tokenizer.json")
    if (vocab and merges) or tok:
        return TokenizerFiles(repo_id, commit, folder, vocab, merges, tok)
    return None


def _read_ref(path: Path) -> str | None:
    try:
        return path.read_text("utf-8").strip() or None
    except OSError:
        return None


def _read_commit(folder: Path) -> str | None:
    return _read_ref(folder / "COMMIT")
