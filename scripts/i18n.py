"""Keep the interface translations in step with the code: pyside6-lupdate, then pyside6-lrelease.

    .venv/bin/python scripts/i18n.py update    # refresh assets/i18n/*.ts from chatdesk/ui/*.py
    .venv/bin/python scripts/i18n.py release   # compile every .ts into its .qm
    .venv/bin/python scripts/i18n.py check     # exit 1 when a string lacks its translation
(``scripts/i18n.sh`` runs update then release.)

Why a mirror tree. Most UI modules translate through a one-line helper,
``def _tr(text): return QCoreApplication.translate("Context", text)``, whose calls lupdate's
Python parser cannot attribute to a context (it files them under an empty one, where Qt never
looks). Each source is copied, line for line, into a temporary tree laid out like the
repository, with those calls spelled out as ``QCoreApplication.translate("Context", ...)``; lupdate
reads the copies, and because the tree has the repository's shape the locations it writes into
the .ts point at the real files and lines.

Strings the interface translates from data (role names, message statuses, action labels) are
listed with ``QT_TRANSLATE_NOOP`` in ``chatdesk/ui/app/i18n_markers.py``.

Sentences from the Qt-free layers (ggufcheck/ and chatdesk/ outside ui/: exceptions a user
reads) are written as ``msg("template {name}", name=...)`` (package ``translatable``). Their
templates go into context "Messages": the mirror tree gets, for each such source file, a copy
holding only ``QT_TRANSLATE_NOOP("Messages", "template")`` at the line of each call, so the .ts
locations point at the real calls. ``check`` also fails when a ``msg`` template is not a
literal, or when a translation's ``{placeholders}`` differ from its template's.

``chatdesk_zh_CN.ts`` holds every string; ``chatdesk_en.ts`` only the plural forms (``%n``),
since English words are already the source text.
"""

from __future__ import annotations

import ast
import re
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "chatdesk" / "ui"
MESSAGES = "Messages"  # context of msg() templates (chatdesk.ui.app.i18n.MESSAGES)
I18N = ROOT / "assets" / "i18n"
# language -> extra lupdate options
LANGUAGES = {"zh_CN": [], "en": ["-pluralonly"]}

_HELPER = re.compile(
    r'^def (?P<name>_\w*tr)\(\s*(?P<arg>\w+)[^)]*\)[^:\n]*:\s*\n'
    r'\s+return QCoreApplication\.translate\("(?P<context>\w+)", (?P=arg)\)\s*(?:#.*)?$',
    re.M,
)


def ts_file(language: str) -> Path:
    return I18N / f"chatdesk_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N / f"chatdesk_{language}.qm"


def sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def message_sources() -> list[Path]:
    """The Qt-free code whose ``msg("…")`` sentences the window shows: ggufcheck/, converters/ (its
    errors reach the checkpoint import through the converter's JSON lines) and chatdesk/ outside
    chatdesk/ui/."""
    found = sorted((ROOT / "ggufcheck").rglob("*.py")) + sorted((ROOT / "converters").rglob("*.py"))
    found += sorted((ROOT / "chatdesk").rglob("*.py"))
    return [p for p in found if UI not in p.parents and "__pycache__" not in p.parts]


@dataclass(frozen=True)
class MsgCall:
    path: Path
    line: int
    template: str | None  # None: not a string literal


def msg_calls(path: Path) -> list[MsgCall]:
    """Every ``msg(...)`` call in ``path`` (the function from package ``translatable``)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
            first = node.args[0] if node.args else None
            literal = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
            out.append(MsgCall(path, node.lineno, literal))
    return out


def all_msg_calls() -> list[MsgCall]:
    return [call for path in message_sources() for call in msg_calls(path)]


def _literal(text: str) -> str:
    """A double-quoted Python literal lupdate reads back as ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def noop_mirror(path: Path, calls: list[MsgCall]) -> str:
    """The mirror of one source: blank lines, and the templates called on each line as
    ``QT_TRANSLATE_NOOP("Messages", …)`` on that same line."""
    n_lines = path.read_text(encoding="utf-8").count("\n") + 1
    lines = [""] * n_lines
    for call in calls:
        if call.template is not None:
            noop = f"QT_TRANSLATE_NOOP({_literal(MESSAGES)}, {_literal(call.template)})"
            lines[call.line - 1] = f"{lines[call.line - 1]}, {noop}" if lines[call.line - 1] else noop
    return "\n".join(f"_ = ({line},)" if line else "" for line in lines)


def placeholders(template: str) -> set[str]:
    """The ``{field}`` names of a str.format template (empty when it does not parse)."""
    try:
        return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}
    except ValueError:
        return {"<unparsable>"}


def spell_out_helpers(source: str) -> str:
    """``_tr("x")`` -> ``QCoreApplication.translate("Context", "x")`` where the module defines
    ``_tr`` as that one-liner; every line stays on its line."""
    for m in _HELPER.finditer(source):
        name, context = m.group("name"), m.group("context")
        call = re.compile(rf"(?<![\w.]){re.escape(name)}\(")
        lines = source.split("\n")
        for i, line in enumerate(lines):
            if not line.lstrip().startswith(f"def {name}("):
                lines[i] = call.sub(f'QCoreApplication.translate("{context}", ', line)
        source = "\n".join(lines)
    return source


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from this Python's environment (else from PATH)."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is missing: install PySide6 (it ships Qt's translation tools) into this environment.")
    return found


def _run(args: list[str], cwd: Path) -> str:
    out = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{Path(args[0]).name} failed ({out.returncode}):\n{out.stdout}{out.stderr}")
    return out.stdout + out.stderr


def lupdate_into(ts_dir: Path, no_obsolete: bool) -> dict[str, Path]:
    """Run lupdate over a mirror of chatdesk/ui into copies of the .ts files placed in
    ``ts_dir`` (which must lie two levels under the mirror root, like assets/i18n); returns
    language -> updated .ts path."""
    mirror = ts_dir.parent.parent
    ui = mirror / "chatdesk" / "ui"
    ui.mkdir(parents=True, exist_ok=True)
    files = []
    for src in sources():
        dest = ui / src.relative_to(UI)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(spell_out_helpers(src.read_text(encoding="utf-8")), encoding="utf-8")
        files.append(str(dest.relative_to(mirror)))
    by_file: dict[Path, list[MsgCall]] = {}
    for call in all_msg_calls():
        by_file.setdefault(call.path, []).append(call)
    for src, calls in sorted(by_file.items()):
        dest = mirror / src.relative_to(ROOT)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(noop_mirror(src, calls), encoding="utf-8")
        files.append(str(dest.relative_to(mirror)))
    result = {}
    for language, extra in LANGUAGES.items():
        ts = ts_dir / ts_file(language).name
        if ts_file(language).exists() and ts != ts_file(language):
            shutil.copyfile(ts_file(language), ts)
        args = [tool("pyside6-lupdate"), *files, "-ts", str(ts.relative_to(mirror)), "-source-language", "en",
                "-target-language", language, "-locations", "absolute", *extra]
        if no_obsolete:
            args.append("-no-obsolete")
        _run(args, mirror)
        result[language] = ts
    return result


def update() -> None:
    with tempfile.TemporaryDirectory(prefix="chatdesk-i18n-") as tmp:
        ts_dir = Path(tmp) / "assets" / "i18n"
        ts_dir.mkdir(parents=True)
        for language, ts in lupdate_into(ts_dir, no_obsolete=True).items():
            I18N.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ts, ts_file(language))
            print(f"{ts_file(language).relative_to(ROOT)}: {summary(read_ts(ts_file(language)))}")


def release(ts_dir: Path = I18N, qm_dir: Path = I18N) -> dict[str, Path]:
    out = {}
    for language in LANGUAGES:
        ts, qm = ts_dir / ts_file(language).name, qm_dir / qm_file(language).name
        _run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"], ROOT)
        out[language] = qm
    return out


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str | list[str]
    state: str  # "" (finished), "unfinished", "vanished", "obsolete"
    numerus: bool


def read_ts(path: Path) -> list[Entry]:
    entries = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None and numerus else []
            text: str | list[str] = forms if numerus else ((tr.text or "") if tr is not None else "")
            entries.append(Entry(name, msg.findtext("source") or "", text, (tr.get("type") or "") if tr is not None else "", numerus))
    return entries


def summary(entries: list[Entry]) -> str:
    states = [e.state or "finished" for e in entries]
    return ", ".join(f"{states.count(s)} {s}" for s in sorted(set(states))) or "empty"


def calls_in_code() -> set[tuple[str, str]]:
    """(context, source) of every translation call with literal text in chatdesk/ui, read with
    Python's own parser: ``self.tr("…")`` (context: the enclosing class), the ``_tr("…")``
    helpers, ``QCoreApplication.translate("Context", "…")`` and ``QT_TRANSLATE_NOOP``. lupdate's
    Python parser skips some calls (e.g. ``translate`` whose count is an expression), so the
    check compares the two."""
    found: set[tuple[str, str]] = set()
    for path in sources():
        source = path.read_text(encoding="utf-8")
        helpers = {m.group("name"): m.group("context") for m in _HELPER.finditer(source)}
        _visit(ast.parse(source), "", helpers, found)
    found.update((MESSAGES, call.template) for call in all_msg_calls() if call.template is not None)
    return found


def _visit(node: ast.AST, cls: str, helpers: dict[str, str], found: set[tuple[str, str]]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            _visit(child, child.name, helpers, found)
            continue
        if isinstance(child, ast.Call):
            func, args = child.func, child.args
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            literal = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in args]
            if name == "tr" and isinstance(func, ast.Attribute) and literal and literal[0] is not None and cls:
                found.add((cls, literal[0]))
            elif name in helpers and literal and literal[0] is not None:
                found.add((helpers[name], literal[0]))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(literal) >= 2 and None not in literal[:2]:
                found.add((literal[0], literal[1]))  # type: ignore[arg-type]
        _visit(child, cls, helpers, found)


def problems() -> list[str]:
    """What ``check`` reports: strings in the code without a finished translation, entries the
    code no longer has, and .qm files not compiled from the current .ts."""
    found = []
    with tempfile.TemporaryDirectory(prefix="chatdesk-i18n-") as tmp:
        ts_dir = Path(tmp) / "assets" / "i18n"
        ts_dir.mkdir(parents=True)
        updated = lupdate_into(ts_dir, no_obsolete=False)
        for language, ts in updated.items():
            for e in read_ts(ts):
                if e.state:
                    found.append(f"{ts_file(language).name}: {e.state} [{e.context}] {e.source!r}")
                elif e.context == MESSAGES and not e.numerus and placeholders(str(e.translation)) != placeholders(e.source):
                    found.append(f"{ts_file(language).name}: the translation of [{e.context}] {e.source!r} must keep "
                                 f"exactly its placeholders {sorted(placeholders(e.source))}")
        for src in sources():
            text = src.read_text(encoding="utf-8")
            unread = set(re.findall(r"^def (_\w*tr)\(", text, re.M)) - {m.group("name") for m in _HELPER.finditer(text)}
            for name in sorted(unread):
                found.append(f"{src.relative_to(ROOT)}: {name}() must be the one line "
                             "`return QCoreApplication.translate(\"Context\", text)`, or its strings are never extracted")
        for call in all_msg_calls():
            if call.template is None:
                found.append(f"{call.path.relative_to(ROOT)}:{call.line}: msg() needs a string literal as its template "
                             "(the translators' files are made from the source)")
        extracted = {(e.context, e.source) for e in read_ts(updated["zh_CN"]) if e.state not in ("vanished", "obsolete")}
        for context, source in sorted(calls_in_code() - extracted):
            found.append(f"lupdate cannot read the call [{context}] {source!r}: write its count as a plain name, "
                         "or use self.tr / a _tr helper")
        compiled = release(ts_dir, ts_dir)
        for language, qm in compiled.items():
            committed = qm_file(language)
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                found.append(f"{committed.name} is not compiled from the current {ts_file(language).name}: run scripts/i18n.sh")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "release":
        for language, qm in release().items():
            print(f"{qm.relative_to(ROOT)} compiled from {ts_file(language).name}")
    elif command == "check":
        found = problems()
        print("\n".join(found) or "every string is translated")
        return 1 if found else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
