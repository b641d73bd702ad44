"""The tests' one fake keyring: real ``keyring`` backends installed with ``keyring.set_keyring``.

``MemoryKeyring`` keeps passwords in a dict; ``LockedKeyring`` exists but refuses to store (a
locked login keyring). The ``use_keyring`` fixture (tests/conftest.py) installs one for a test and
puts the previous backend back afterwards, so no test ever touches the user's keyring.
"""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A working keyring that keeps passwords in a dict."""

    priority = 1  # type: ignore[assignment]  # keyring declares it as a classproperty

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such password")


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but refuses to store anything (e.g. a locked login keyring)."""

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError("Cannot create an item in a locked collection")
