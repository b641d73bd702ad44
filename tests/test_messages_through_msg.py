"""Every sentence the Qt-free layers raise for a person goes through ``translatable.msg``.

The window shows such errors in the interface language only when the exception carries the
template (``msg("…", **params)``); a plain f-string stays English inside the Chinese window. This
reads the source of every Qt-free package and refuses a ``raise SomeError("…")`` or
``raise SomeError(f"…")`` of the project's own error types. Python's built-in exceptions
(``ValueError`` for a programming mistake, say) are not shown to people and are not checked.
"""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("chatdesk", "converters", "ggufcheck", "translatable")
# Not sentences for people: a library's protocol error, an internal retry signal, pickle's refusal
# (caught and re-raised as a BadInputError with words), the server queue's reason code (the route
# answers 503 with its own sentence) and a formula mathtext cannot draw (caught: its source is shown).
NOT_FOR_PEOPLE = {"RemoteProtocolError", "_Retry", "UnpicklingError", "QueueFull", "MathError"}


def _raised_sentences(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in NOT_FOR_PEOPLE or isinstance(getattr(builtins, name, None), type):
            continue
        first = node.exc.args[0]
        if isinstance(first, ast.JoinedStr) or (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            found.append(f"{path.relative_to(root).as_posix()}:{node.lineno}: raise {name}(…) with a plain string; use msg(…)")
    return found


def _qt_free_sources() -> list[Path]:
    out = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "__pycache__" in parts or parts[:2] in (("chatdesk", "ui"), ("chatdesk", "cli")):
                continue  # the window translates its own words; the commands speak English
            out.append(path)
    return out


def test_no_qt_free_error_is_raised_with_a_plain_string():
    sources = _qt_free_sources()
    assert len(sources) > 100  # the walk found the packages
    problems = [p for path in sources for p in _raised_sentences(path)]
    assert problems == []


def test_the_check_catches_a_plain_sentence(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from translatable import msg\n"
        "class StoreError(Exception): ...\n"
        "def a(x):\n    raise StoreError(f'Chat {x} is gone.')\n"
        "def b(x):\n    raise StoreError(msg('Chat {x} is gone.', x=x))\n"
        "def c(x):\n    raise ValueError(f'bad {x}')\n",
        encoding="utf-8",
    )
    assert [p.split(": ", 1)[0] for p in _raised_sentences(sample, tmp_path)] == ["sample.py:4"]
