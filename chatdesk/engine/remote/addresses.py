"""Server addresses: what a user may type, normalised to the OpenAI-compatible ``…/v1`` base.

Why a module of its own: the connection dialog, the saved connections, ``chatdesk ask`` and the
engine all accept the same spellings (``localhost:8080``, a pasted ``…/v1/chat/completions``)
and must agree on the one address they store and show.
"""

from __future__ import annotations

import httpx2

from translatable import msg


def normalize_base_url(url: str) -> str:
    """The OpenAI-compatible base address ending in ``/v1``, from what a user typed.

    Accepts ``localhost:8080``, ``http://host:8000/v1/``, or a full endpoint URL pasted from
    documentation (``…/v1/chat/completions``). Raises ``ValueError`` with a sentence for the user.
    """
    text = (url or "").strip()
    if not text:
        raise ValueError(msg("Enter the server's address, for example http://localhost:8080/v1."))
    if "://" not in text:
        text = "http://" + text
    try:
        parsed = httpx2.URL(text)
    except (httpx2.InvalidURL, ValueError, TypeError) as exc:
        raise ValueError(msg("“{url}” is not a web address ChatDesk can use ({error}).", url=url.strip(), error=str(exc))) from exc
    if parsed.scheme not in ("http", "https"):
        raise ValueError(msg("“{url}” must start with http:// or https://, not {scheme}://.", url=url.strip(), scheme=parsed.scheme))
    if not parsed.host:
        raise ValueError(msg("“{url}” has no host name. Use an address like http://localhost:8080/v1.", url=url.strip()))
    if parsed.userinfo:
        raise ValueError(msg(
            "Put the API key in the connection's key field, not in the address: addresses are shown "
            "in reply details and exports."
        ))
    path = parsed.path.rstrip("/")
    for suffix in ("/chat/completions", "/completions", "/models"):
        if path.endswith(suffix):
            path = path[: -len(suffix)].rstrip("/")
            break
    if not path.endswith("/v1"):
        path += "/v1"
    return str(parsed.copy_with(path=path, query=None, fragment=None))


def server_root(base_url: str) -> str:
    """The server's own root (where llama.cpp's /tokenize and /props live): base without /v1."""
    return base_url[: -len("/v1")] if base_url.endswith("/v1") else base_url


def host_of(url: str) -> str:
    try:
        u = httpx2.URL(url)
        return u.netloc.decode("ascii", "replace") or url
    except (httpx2.InvalidURL, ValueError, TypeError):
        return url

