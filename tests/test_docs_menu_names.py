"""Every menu path the documentation names (README.md, docs/*.md: "File → Import checkpoint…",
"Chat → Preferences… → Model") exists in the real window: the top menu, then an entry of that
menu as the declared layout (``shell.menus``) builds it, then any further step as a word the
window shows (a tab, a button). docs/converting.md once sent people to "Chat → Settings…", a
menu entry that no longer existed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests_gui_support import make_window

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
UI_SOURCE = "\n".join(p.read_text("utf-8") for p in (ROOT / "chatdesk" / "ui").rglob("*.py"))
# A top menu's name, an arrow, then the rest of the line.
MENU_PATH = re.compile(r"\b(File|Chat|View|Help|Edit|Tools|Settings|Window|Models?) → ([^\n]+)")


def _plain(text: str) -> str:
    """A menu text as the documentation writes it: no mnemonic, no shortcut."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_entries(win) -> dict[str, list[str]]:
    return {_plain(top.text()): [_plain(a.text()) for a in top.menu().actions() if not a.isSeparator()]
            for top in win.menuBar().actions()}


def wrong_paths(text: str, where: str, menus: dict[str, list[str]]) -> list[str]:
    problems = []
    for m in MENU_PATH.finditer(text):
        menu, rest = m.group(1), m.group(2)
        if menu not in menus:
            problems.append(f"{where}: {menu} → … names a menu the window does not have ({', '.join(menus)})")
            continue
        entry = next((e for e in sorted(menus[menu], key=len, reverse=True) if rest.startswith(e)), None)
        if entry is None:
            problems.append(f"{where}: {menu} → {rest[:40]!r} is not an entry of {menu} ({', '.join(menus[menu])})")
            continue
        further = re.match(r" → ([^*`,.;:()]+?)(?:\*\*|`|,|\.(?!\w)|;|:|\)|$| for | and | in )", rest[len(entry):])
        if further and f'"{further.group(1).strip()}"' not in UI_SOURCE:
            problems.append(f"{where}: {menu} → {entry} → {further.group(1)!r}: the window shows no such word")
    return problems


@pytest.fixture
def menus(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        yield menu_entries(win)
    finally:
        win.close()
        store.close()


def test_every_menu_path_in_the_docs_exists(menus):
    assert {"File", "Chat", "View", "Help"} <= set(menus)
    problems = []
    for doc in DOCS:
        for n, line in enumerate(doc.read_text("utf-8").splitlines(), 1):
            problems += wrong_paths(line, f"{doc.relative_to(ROOT)}:{n}", menus)
    assert problems == []


def test_the_check_finds_a_menu_that_is_gone(menus):
    # What docs/converting.md said before it was fixed, and two more ways to be wrong.
    assert wrong_paths("in **Chat → Settings… → Model**.", "old", menus)
    assert wrong_paths("**Settings → Model**", "old", menus)
    assert wrong_paths("**Chat → Preferences… → Modle**", "typo", menus)
    assert not wrong_paths("**Chat → Preferences… → Model**. If you", "now", menus)
    assert not wrong_paths("File → Look inside the model… for a text", "readme", menus)
