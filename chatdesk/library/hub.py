"""The Hugging Face Hub, as the model library needs it: which GGUF files a repository offers.

Everything here goes through ``huggingface_hub``'s own client (``HfApi``, its shared httpx2
session), so ``HF_ENDPOINT``, ``HF_TOKEN`` (or ``hf auth login``), ``HF_HUB_OFFLINE`` and the usual
proxy variables (``HTTPS_PROXY``, ``NO_PROXY``...) behave as in every other Hugging Face tool. The
network is used only when one of these functions is called; importing this module is offline.

Every failure becomes a ``HubError`` whose message says what to do (``hub_error``), because
"401 Client Error" means nothing to someone who only wanted to try a model.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from chatdesk.library.errors import HubError
from chatdesk.library.metadata import quantization_from_name, split_part
from translatable import Text, msg

HUB_HOSTS = {"huggingface.co", "www.huggingface.co", "hf.co"}
LIST_TIMEOUT_S = 20.0
_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]{0,95}/[\w.-]{1,96}$")
_TRUE = {"1", "on", "yes", "true"}


@dataclass(frozen=True)
class HubRef:
    """What the user typed or pasted: a repository, maybe a revision, file or quantization."""

    repo_id: str
    revision: str | None = None
    filename: str | None = None
    quantization: str | None = None  # from "owner/repo:Q4_K_M"


@dataclass(frozen=True)
class HubFile:
    """One GGUF file of a repository, as the Hub lists it (nothing is downloaded)."""

    filename: str
    size: int | None
    sha256: str | None
    quantization: str
    parts: int = 1  # >1: a split model; this is its first part


@dataclass(frozen=True)
class RepoListing:
    repo_id: str
    commit: str | None
    files: tuple[HubFile, ...]
    gated: bool = False


@dataclass(frozen=True)
class SuggestedModel:
    repo_id: str
    filename: str
    label: str
    languages: tuple[str, ...]
    note: str


# Small instruct models that run on an ordinary laptop CPU. Repository and file names were checked
# against their Hub pages; sizes are shown from the Hub's listing at download time, not hard-coded.
SUGGESTED_MODELS: tuple[SuggestedModel, ...] = (
    SuggestedModel("Qwen/Qwen2.5-0.5B-Instruct-GGUF", "qwen2.5-0.5b-instruct-q4_k_m.gguf", "Qwen2.5 0.5B Instruct (Q4_K_M)",
                   ("zh", "en"), "Smallest Qwen; fast on any CPU, Chinese and English."),
    SuggestedModel("Qwen/Qwen2.5-1.5B-Instruct-GGUF", "qwen2.5-1.5b-instruct-q4_k_m.gguf", "Qwen2.5 1.5B Instruct (Q4_K_M)",
                   ("zh", "en"), "Noticeably better answers; about 1.1 GB."),
    SuggestedModel("Qwen/Qwen3-0.6B-GGUF", "Qwen3-0.6B-Q8_0.gguf", "Qwen3 0.6B (Q8_0)",
                   ("zh", "en"), "Newer Qwen generation; thinks aloud before answering unless told /no_think."),
    SuggestedModel("Qwen/Qwen3-1.7B-GGUF", "Qwen3-1.7B-Q8_0.gguf", "Qwen3 1.7B (Q8_0)",
                   ("zh", "en"), "Stronger Qwen3; needs about 2 GB of memory."),
    SuggestedModel("HuggingFaceTB/SmolLM2-360M-Instruct-GGUF", "smollm2-360m-instruct-q8_0.gguf", "SmolLM2 360M Instruct (Q8_0)",
                   ("en",), "Big brother of the bundled model; English only."),
)


# Multilingual sentence-embedding GGUFs for document search, stronger in Chinese than the built-in
# English all-MiniLM-L6-v2. Repository and file names were checked against their Hub pages.
SUGGESTED_EMBEDDING_MODELS: tuple[SuggestedModel, ...] = (
    SuggestedModel("rbehzadan/bge-m3-gguf", "bge-m3-Q4_K_M.gguf", "BGE-M3 (Q4_K_M)",
                   ("zh", "en"), "Multilingual embedding model (100+ languages, long passages); about 440 MB."),
    SuggestedModel("chris-code/multilingual-e5-large-Q8_0-GGUF", "multilingual-e5-large-q8_0.gguf",
                   "multilingual-E5 large (Q8_0)", ("zh", "en"),
                   "Multilingual embedding model (94 languages); about 600 MB."),
)


def is_offline() -> bool:
    """HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) as set now, or as huggingface_hub read it at import."""
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        if os.environ.get(var, "").strip().lower() in _TRUE:
            return True
    import huggingface_hub.constants as hc

    return bool(hc.is_offline_mode())


def offline_error() -> HubError:
    return HubError(
        msg("ChatDesk is set to work offline (HF_HUB_OFFLINE=1), so it cannot reach Hugging Face. "
            "Unset HF_HUB_OFFLINE to browse or download models, or add a GGUF file you already have."),
        "offline",
    )


def endpoint_url(endpoint: str | None = None) -> str:
    """The Hub address in use: the argument, else HF_ENDPOINT now, else huggingface_hub's default."""
    if endpoint:
        return endpoint.rstrip("/")
    if os.environ.get("HF_ENDPOINT"):
        return os.environ["HF_ENDPOINT"].rstrip("/")
    import huggingface_hub.constants as hc

    return hc.ENDPOINT.rstrip("/")


def parse_hub_reference(text: str) -> HubRef:
    """Read a repository id ("Qwen/Qwen2.5-0.5B-Instruct-GGUF", "owner/repo:Q4_K_M") or a pasted Hub
    address (…/owner/repo, …/tree/main, …/blob/main/file.gguf, …/resolve/main/file.gguf?download=true).

    Raises HubError(kind="bad_reference") with an example when it is neither.
    """
    raw = (text or "").strip()
    if not raw:
        raise _bad_reference(raw)
    if "://" in raw or raw.split("/", 1)[0].lower() in HUB_HOSTS:
        return _parse_url(raw if "://" in raw else "https://" + raw)
    quant = None
    if ":" in raw:
        raw, quant = raw.rsplit(":", 1)
        quant = quant.strip().upper() or None
    if raw.count("/") > 1:  # "owner/repo/file.gguf"
        owner, name, rest = raw.split("/", 2)
        return HubRef(_check_repo_id(f"{owner}/{name}", text), filename=_check_filename(rest, text), quantization=quant)
    return HubRef(_check_repo_id(raw, text), quantization=quant)


def _parse_url(url: str) -> HubRef:
    parts = urlsplit(url)
    segs = [unquote(s) for s in parts.path.split("/") if s]
    if segs and segs[0] in ("datasets", "spaces"):
        if segs[0] == "datasets":
            raise HubError(msg("{url} is a Hugging Face dataset, not a model. Paste the address of a model repository.", url=url),
                           "bad_reference")
        raise HubError(msg("{url} is a Hugging Face space, not a model. Paste the address of a model repository.", url=url),
                       "bad_reference")
    if segs and segs[0] == "models":
        segs = segs[1:]
    if len(segs) < 2:
        raise _bad_reference(url)
    repo_id = _check_repo_id(f"{segs[0]}/{segs[1]}", url)
    rest = segs[2:]
    if len(rest) >= 2 and rest[0] in ("blob", "resolve", "tree"):
        revision = rest[1]
        filename = _check_filename("/".join(rest[2:]), url) if rest[0] != "tree" else None
        return HubRef(repo_id, revision=revision, filename=filename)
    return HubRef(repo_id)


def _check_repo_id(repo_id: str, original: str) -> str:
    if not _REPO_ID.match(repo_id) or ".." in repo_id or repo_id.endswith((".", "-")):
        raise _bad_reference(original)
    return repo_id


def _check_filename(name: str, original: str) -> str | None:
    if not name:
        return None
    if name.startswith("/") or any(part in ("", ".", "..") for part in name.split("/")):
        raise _bad_reference(original)
    return name


def _bad_reference(text: str) -> HubError:
    return HubError(
        msg("\u201c{text}\u201d is not a Hugging Face model. Type a repository id such as "
            "Qwen/Qwen2.5-0.5B-Instruct-GGUF, or paste the model's address from huggingface.co.", text=text),
        "bad_reference",
    )


def list_gguf_files(
    repo_id: str,
    revision: str | None = None,
    *,
    endpoint: str | None = None,
    token: str | bool | None = None,
    timeout: float = LIST_TIMEOUT_S,
) -> RepoListing:
    """The GGUF files of a model repository with sizes, SHA-256 and quantization, at one commit.

    One request (``HfApi.model_info(files_metadata=True)``). Split models are listed once, by their
    first part. Raises HubError with a sentence for the user.
    """
    if is_offline():
        raise offline_error()
    from huggingface_hub import HfApi

    api = HfApi(endpoint=endpoint_url(endpoint), token=token)
    try:
        info = api.model_info(repo_id, revision=revision, files_metadata=True, timeout=timeout)
    except Exception as exc:
        raise hub_error(exc, repo_id=repo_id, timeout=timeout) from exc
    files: list[HubFile] = []
    for sib in info.siblings or []:
        name = sib.rfilename
        if not name.lower().endswith(".gguf"):
            continue
        part = split_part(name)
        if part is not None and part[0] != 1:
            continue
        lfs = sib.lfs
        files.append(
            HubFile(
                filename=name,
                size=(lfs.size if lfs is not None else sib.size),
                sha256=(lfs.sha256 if lfs is not None else None),
                quantization=quantization_from_name(name),
                parts=part[1] if part else 1,
            )
        )
    files.sort(key=lambda f: (f.size is None, f.size or 0, f.filename))
    return RepoListing(repo_id=info.id or repo_id, commit=info.sha, files=tuple(files), gated=bool(info.gated))


def pick_file(listing: RepoListing, quantization: str | None = None) -> HubFile:
    """The file to fetch when the user named only a repository (and maybe "…:Q4_K_M")."""
    if not listing.files:
        raise HubError(msg("{repo} has no GGUF files. ChatDesk runs GGUF models; look for a repository "
                           "whose name ends in -GGUF.", repo=listing.repo_id), "not_found")
    singles = [f for f in listing.files if f.parts == 1] or list(listing.files)
    if quantization:
        for f in singles + list(listing.files):  # a split file only when no single file has it
            if f.quantization.upper() == quantization.upper():
                return f
        have = ", ".join(sorted({f.quantization for f in listing.files if f.quantization})) or msg("none named")
        raise HubError(msg("{repo} has no {quantization} file (it has: {have}).", repo=listing.repo_id,
                           quantization=quantization, have=have), "not_found")
    for preferred in ("Q4_K_M", "Q4_K_S", "Q5_K_M", "Q8_0"):
        for f in singles:
            if f.quantization == preferred:
                return f
    return singles[0]


def hub_error(exc: BaseException, *, repo_id: str = "", filename: str | None = None, timeout: float | None = None,
              resumable: bool = False) -> HubError:
    """Translate a huggingface_hub / httpx2 exception into a HubError with a sentence to act on."""
    import httpx2
    from huggingface_hub import errors as he

    what = f"{repo_id}/{filename}" if filename else (repo_id or msg("the file"))

    def keep(text: Text) -> Text:
        return msg("{problem} The part already downloaded is kept; try again to resume.", problem=text) if resumable else text

    if isinstance(exc, HubError):
        return exc
    if isinstance(exc, he.OfflineModeIsEnabled):
        return offline_error()
    if isinstance(exc, he.GatedRepoError):
        return HubError(
            msg("{repo} is gated: its authors ask you to accept their terms first. Accept them on huggingface.co/{repo} "
                "while signed in, then set HF_TOKEN to an access token (or run `hf auth login`) and try again.", repo=repo_id),
            "gated",
        )
    if isinstance(exc, he.RevisionNotFoundError):
        return HubError(msg("{repo} has no branch, tag or commit by that name. Leave the revision empty to use main.", repo=repo_id),
                        "not_found")
    if isinstance(exc, he.RemoteEntryNotFoundError):
        return HubError(msg("{repo} has no file named {file}. List the repository's files and pick "
                            "one of those.", repo=repo_id, file=filename or msg("(this name)")), "not_found")
    if isinstance(exc, he.RepositoryNotFoundError):
        status = getattr(getattr(exc, "response", None), "status_code", None)
        hint = (msg("If it is private, set HF_TOKEN to an access token that can read it (or run `hf auth login`).")
                if status == 401 else msg("Check the spelling (owner/name), e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF."))
        return HubError(msg("Hugging Face has no model repository {repo} that ChatDesk can see. {hint}", repo=repo_id, hint=hint),
                        "not_found")
    if isinstance(exc, he.HfHubHTTPError):
        status = getattr(getattr(exc, "response", None), "status_code", None) or 0
        if status == 401:
            return HubError(keep(msg("Hugging Face refused access to {what} (401: not signed in or the token is not valid). "
                                     "Set HF_TOKEN to a valid access token (or run `hf auth login`) and try again.", what=what)),
                            "auth")
        if status == 403:
            return HubError(keep(msg("Your Hugging Face token may not read {what} (403). If the model is gated, accept its terms "
                                     "on huggingface.co/{repo}; otherwise use a token with read access.", what=what, repo=repo_id)),
                            "auth")
        if status == 404:
            return HubError(keep(msg("Hugging Face has no {what} (404). Check the repository and file name.", what=what)), "not_found")
        if status == 429:
            return HubError(keep(msg("Hugging Face is limiting requests from this address (429). Wait a few minutes and try again.")),
                            "rate_limited")
        if status >= 500:
            return HubError(keep(msg("Hugging Face answered with a server error ({status}) for {what}. This is usually brief: "
                                     "try again in a few minutes.", status=status, what=what)), "server")
        return HubError(keep(msg("Hugging Face refused the request for {what} (HTTP {status}).", what=what, status=status or "?")), "http")
    if isinstance(exc, he.HFValidationError):
        return _bad_reference(repo_id)
    if isinstance(exc, httpx2.TimeoutException):
        if timeout:
            return HubError(keep(msg("Hugging Face did not answer within {seconds:g} s. Check your internet connection (and proxy "
                                     "settings, HTTPS_PROXY) and try again.", seconds=timeout)), "timeout")
        return HubError(keep(msg("Hugging Face did not answer. Check your internet connection (and proxy settings, "
                                 "HTTPS_PROXY) and try again.")), "timeout")
    if isinstance(exc, httpx2.ProxyError):
        return HubError(keep(msg("The proxy refused the connection to Hugging Face ({error}). Check HTTPS_PROXY / HTTP_PROXY.",
                                 error=str(exc))), "connection")
    if isinstance(exc, httpx2.ConnectError):
        return HubError(keep(msg("ChatDesk could not connect to Hugging Face. Check your internet connection (and proxy settings, "
                                 "HTTPS_PROXY) and try again.")), "connection")
    if isinstance(exc, (httpx2.RemoteProtocolError, httpx2.ReadError, httpx2.WriteError, httpx2.NetworkError)):
        return HubError(keep(msg("The connection to Hugging Face was interrupted. Check your internet connection and try again.")),
                        "connection")
    if isinstance(exc, (ValueError, KeyError, TypeError)):  # a reply that is not what the Hub sends
        return HubError(msg("Hugging Face sent a reply ChatDesk does not understand for {what} ({error}).", what=what, error=str(exc)),
                        "http")
    return HubError(keep(msg("Talking to Hugging Face failed for {what}: {error}.", what=what, error=str(exc))), "http")


def describe_listing(listing: RepoListing) -> list[dict[str, Any]]:
    """Plain dicts for ``--json`` output and the download dialog's table."""
    return [
        {"filename": f.filename, "size": f.size, "quantization": f.quantization, "sha256": f.sha256, "parts": f.parts}
        for f in listing.files
    ]
