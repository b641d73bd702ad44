"""Every location ChatDesk reads or writes is decided here, and only here.

Data precedence, highest first: an explicit ``--data-dir`` (``set_data_dir``), the ``CHATDESK_HOME``
environment variable, then the platform's conventional user-data folder from platformdirs.
Keeping this in one module means a test fixture can redirect *all* state with one call, and a
user can move their whole profile by moving one folder. The read-only files that ship with
ChatDesk (icon, desktop entry, stylesheet, translations, evaluation texts) are found through
``assets_dir()``, the same way in a source checkout, an installed wheel and the frozen bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from translatable import msg

APP_NAME = "ChatDesk"
ENV_HOME = "CHATDESK_HOME"
DATABASE_NAME = "chatdesk.sqlite3"

_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Pin the data directory (``--data-dir``); ``None`` returns to env/platform defaults."""
    global _override
    _override = Path(path).expanduser().resolve() if path is not None else None


def data_dir() -> Path:
    """The folder holding the database, imported models and backups (not created here)."""
    if _override is not None:
        return _override
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def assets_dir() -> Path:
    """The folder of files shipped with ChatDesk: ``icons/``, ``chatdesk.desktop``, ``styles/``,
    ``i18n/``, ``eval/``.

    The repository keeps them in its top-level ``assets/``. A wheel carries the same tree as
    package data in ``chatdesk/_assets`` (setup.py maps the one onto the other), and the
    PyInstaller bundle at ``_internal/chatdesk/_assets`` (chatdesk.spec). Nothing here is written.
    """
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "chatdesk" / "_assets"  # noqa: SLF001 - PyInstaller's documented bundle folder
    package = Path(__file__).resolve().parent
    installed = package / "_assets"
    if installed.is_dir():
        return installed
    return package.parent / "assets"  # a source checkout (also an editable install)


def database_path() -> Path:
    return data_dir() / DATABASE_NAME


def models_dir() -> Path:
    """Where imported/converted models are stored."""
    return data_dir() / "models"


def library_path() -> Path:
    """The model library (``chatdesk.library``): every model ChatDesk knows, as JSON."""
    return data_dir() / "library.json"


def downloads_dir() -> Path:
    """Partial Hub downloads (``.part`` files and their JSON sidecars), kept for resuming."""
    return models_dir() / ".downloads"


def model_checks_path() -> Path:
    """Cache of GGUF validation verdicts (``chatdesk.engine.gguf_check``)."""
    return data_dir() / "model-checks.json"


def backups_dir() -> Path:
    """Where pre-migration database copies go."""
    return data_dir() / "backups"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def endpoints_path() -> Path:
    """Saved connections to OpenAI-compatible servers (``chatdesk.library.remotes``); no API keys."""
    return data_dir() / "endpoints.json"


def documents_index_path() -> Path:
    """The document index (``chatdesk.documents``): collections, extracted passages, FTS5 and vectors.
    A file of its own, rebuilt from the user's files if deleted."""
    return data_dir() / "documents.sqlite3"


def ensure_data_dir() -> Path:
    """Create the data directory and check that it is writable.

    Raises ``DataDirError`` with a human sentence instead of an OSError traceback.
    """
    path = data_dir()
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataDirError(msg(
            "ChatDesk cannot write to its data folder {path} ({reason}). "
            "Choose another folder with --data-dir or the {variable} environment variable.",
            path=str(path), reason=reason, variable=ENV_HOME,
        )) from exc
    return path


class DataDirError(RuntimeError):
    """The data directory cannot be created or written."""
