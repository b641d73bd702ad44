"""The menus are assembled from one declared layout of registered actions.

Every action a feature registers has a place in ``shell.menus.MENU_LAYOUT``, every menu is built
from it (no feature finds a menu by position), and no menu offers the same mnemonic twice, in
English or in Chinese (Alt+letter must reach one entry).
"""

from __future__ import annotations

import re

import pytest
from i18n_support import chinese  # noqa: F401  (a fixture)
from tests_gui_support import make_window

from chatdesk.ui.shell.menus import MENU_LAYOUT, SEPARATOR, layout_ids

MNEMONIC = re.compile(r"&([^&\s])")


def _walk(menu, where):
    """(menu path, its entries' texts) for ``menu`` and every submenu."""
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    yield where, texts
    for a in menu.actions():
        if a.menu() is not None:
            yield from _walk(a.menu(), f"{where} › {a.text()}")


def _duplicates(texts: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    dupes = []
    for text in texts:
        m = MNEMONIC.search(text.replace("&&", ""))
        if m is None:
            continue
        key = m.group(1).lower()
        if key in seen:
            dupes.append(f"{seen[key]!r} and {text!r} share &{key}")
        seen[key] = text
    return dupes


def _problems(win) -> list[str]:
    bar = win.menuBar()
    problems = [f"menu bar: {d}" for d in _duplicates([a.text() for a in bar.actions()])]
    for top in bar.actions():
        for where, texts in _walk(top.menu(), top.text()):
            problems += [f"{where}: {d}" for d in _duplicates(texts)]
    return problems


@pytest.fixture
def window(qtbot, data_dir, model_path):
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    yield win
    win.close()
    store.close()


def test_every_registered_action_has_a_place_and_every_place_an_action(window):
    registered = set(window.action_registry.ids())
    assert registered - layout_ids() == set()
    assert layout_ids() - registered == set()
    file_menu = window.menus["fileMenu"]
    ids = [i for i in MENU_LAYOUT[0][2] if i != SEPARATOR]
    placed = [a for a in file_menu.actions() if not a.isSeparator()]
    assert placed == [window.action_registry[i] for i in ids]  # in the declared order
    assert not file_menu.actions()[0].isSeparator() and not file_menu.actions()[-1].isSeparator()


def test_no_menu_offers_a_mnemonic_twice_in_english(window):
    assert _problems(window) == []


def test_no_menu_offers_a_mnemonic_twice_in_chinese(qtbot, data_dir, model_path, chinese):  # noqa: F811
    win, store = make_window(qtbot, data_dir, model_path, start=False)
    try:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in win.menus["fileMenu"].title())  # the menus really are Chinese
        assert _problems(win) == []
    finally:
        win.close()
        store.close()


def test_the_check_finds_a_shared_mnemonic():
    assert _duplicates(["&Open", "&Options", "Save &As", "&&Literal"]) == ["'&Open' and '&Options' share &o"]


def test_help_about_names_the_version_the_llama_cpp_build_and_the_licences(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from chatdesk import __version__
    from chatdesk.ui.shell.about import AboutDialog

    window.action_registry["help.about"].trigger()
    dlg = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
    qtbot.waitUntil(lambda: dlg.build is not None, timeout=60_000)
    text = dlg.text.text()
    assert __version__ in text and "llama-cpp-python 0.3.36" in text and "Apache-2.0" in text and "MIT" in text
    dlg.close()
