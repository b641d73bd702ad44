"""The server's API key: made at random, shown once, kept in the system keyring.

A LAN server cannot start without a key (``config.ServerSettings.check``). The key is generated
with ``secrets`` (256 bits, URL-safe), stored under the keyring service ``ChatDesk`` (as the
remote connections' keys are, see ``chatdesk/library/remotes.py``) and never written to
``server.json``. Without a usable keyring the key can live in a file the user names
(``chatdesk serve --api-key-file F``), readable only by its owner. Requests are checked with
``hmac.compare_digest`` so a wrong key takes as long to reject as a nearly right one.
"""

from __future__ import annotations

import hmac
import os
import secrets
import stat
from pathlib import Path

import keyring

from chatdesk.library.remotes import KEYRING_SERVICE, keyring_usable
from chatdesk.server.config import ServerConfigError
from translatable import msg

KEYRING_USER = "server-api-key"
KEY_PREFIX = "cdsk-"


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def stored_key() -> str | None:
    """The key kept in the keyring, or None (no key, or no usable keyring)."""
    if not keyring_usable():
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
    except Exception:  # noqa: BLE001 - a locked or broken keyring means "no key now"
        return None


def create_key() -> str:
    """A fresh random key, saved in the keyring (replacing the old one); returned to show once."""
    if not keyring_usable():
        raise ServerConfigError(msg(
            "No system keyring is available to keep the server's API key. Put a key in a file readable only by "
            "you and start with --api-key-file FILE instead."
        ))
    key = new_key()
    try:
        keyring.set_password(KEYRING_SERVICE, KEYRING_USER, key)
    except Exception as exc:
        raise ServerConfigError(msg("The system keyring refused the server's API key: {error}", error=str(exc))) from exc
    return key


def forget_key() -> None:
    if not keyring_usable():
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, KEYRING_USER)
    except Exception:  # noqa: BLE001 - there was none, or the keyring is locked: nothing to undo
        pass


def read_key_file(path: str | os.PathLike[str]) -> str:
    """The key in ``path`` (first line). Refuses a file other users can read."""
    p = Path(path).expanduser()
    try:
        st = p.stat()
        text = p.read_text("utf-8")
    except OSError as exc:
        raise ServerConfigError(msg("The API key file {path} cannot be read: {error}", path=str(p), error=exc.strerror or str(exc))) from exc
    if os.name == "posix" and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ServerConfigError(msg(
            "The API key file {path} can be read by other users; make it private (chmod 600) and start again.", path=str(p)
        ))
    key = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not key:
        raise ServerConfigError(msg("The API key file {path} is empty.", path=str(p)))
    return key


def key_matches(expected: str, authorization: str | None) -> bool:
    """Does an ``Authorization`` header carry the key? Constant-time in the key's content."""
    given = ""
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer":
            given = value.strip()
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
