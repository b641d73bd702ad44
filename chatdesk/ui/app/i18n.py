"""The interface language: which one ChatDesk speaks, and the Qt translators that make it so.

ChatDesk speaks English and Simplified Chinese. The language follows the desktop (the first of
``QLocale.system().uiLanguages()`` that ChatDesk knows) unless Preferences names one. Strings go
through Qt's translation system: ``assets/i18n/chatdesk_<lang>.ts`` are the translators' sources,
``scripts/i18n.sh`` updates them from ``chatdesk/ui/*.py`` and compiles the ``.qm`` files read
here. English needs no translation of its words, only of its plural forms (``%n``), which is all
``chatdesk_en.qm`` holds. Qt's own words (dialog buttons, file dialogs) come from Qt's
``qtbase_<lang>.qm`` where PySide6 ships it.

The translators are installed once at start-up, before any window is built: widgets read their
texts when they are made, so a language chosen in Preferences applies at the next start.
``QLocale.setDefault`` follows the language too; the chat settings panel reads the interface
language from it (``chatdesk.ui.conversation.chat_settings_panel.ui_language``).

A missing or unreadable translation costs the words, never the start: ChatDesk then speaks
English and says so on stderr.

Sentences from the Qt-free layers (ggufcheck, engine, store, library ...) arrive as
:class:`translatable.Text` (inside exceptions); ``localized`` shows them in the interface language
(context "Messages"; ``scripts/i18n.py`` extracts their templates). A ``Text`` loses its template
when it crosses a queued signal as ``str``, so threads localize before they emit.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from chatdesk import paths
from translatable import Text

SUPPORTED = ("en", "zh_CN")
DEFAULT = "en"
CATALOG = "chatdesk"  # assets/i18n/chatdesk_<language>.qm
QT_CATALOGS = ("qtbase",)  # Qt's own words: QMessageBox and QDialogButtonBox buttons, QFileDialog


MESSAGES = "Messages"  # the translation context of every msg("…") template


def localized(value: object) -> str:
    """``value`` as the user should read it now: a :class:`Text`, or an exception whose only
    argument is one, translated into the interface language (its params too); anything else as
    ``str(value)``. A translation whose placeholders do not fit falls back to the English."""
    if isinstance(value, BaseException):
        first = value.args[0] if len(value.args) == 1 else None
        return _translated(first) if isinstance(first, Text) else str(value)
    return _translated(value) if isinstance(value, Text) else str(value)


def _translated(text: Text) -> str:
    params = {name: _translated(v) if isinstance(v, Text) else v for name, v in text.params.items()}
    template = QCoreApplication.translate(MESSAGES, text.template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return str(text)


def translations_dir() -> Path:
    return paths.assets_dir() / "i18n"


def catalog_file(language: str) -> Path:
    return translations_dir() / f"{CATALOG}_{language}.qm"


def language_of(locale_name: str) -> str | None:
    """ChatDesk's language for one BCP 47 / POSIX locale name, or None when it has none.

    Simplified Chinese serves every Chinese locale written in simplified script (mainland China,
    Singapore, and plain ``zh``); Traditional Chinese (Taiwan, Hong Kong, Macao, ``zh-Hant``)
    is not translated, so those fall through to the next language the desktop lists.
    """
    locale = QLocale(locale_name.replace("-", "_"))
    if locale.language() == QLocale.Language.English:
        return "en"
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN" if locale.script() != QLocale.Script.TraditionalChineseScript else None
    return None


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """The language to use: ``choice`` ("system", "en" or "zh_CN") against the desktop's locale."""
    if choice in SUPPORTED:
        return choice
    declined: set[QLocale.Language] = set()
    for name in (locale or QLocale.system()).uiLanguages():
        language = QLocale(name.replace("-", "_")).language()
        if language in declined:
            continue  # "zh" after "zh-Hant-TW" is the same Traditional Chinese reader
        found = language_of(name)
        if found is not None:
            return found
        declined.add(language)
    return DEFAULT


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files may be: Qt's configured folder, then PySide6's package folder
    (a PyInstaller bundle keeps the one ChatDesk needs there)."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    import PySide6

    dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    return list(dict.fromkeys(dirs))


@dataclass
class Installed:
    """What ``install`` did: the language in use and the .qm files it loaded."""

    language: str
    loaded: list[Path] = field(default_factory=list)
    translators: list[QTranslator] = field(default_factory=list)


def install(app: QCoreApplication, choice: str = "system", locale: QLocale | None = None) -> Installed:
    """Install ChatDesk's and Qt's translators for ``choice`` on ``app`` (call before building
    widgets) and make the language Qt's default locale. Earlier ChatDesk translators are removed,
    so calling it again switches the language of everything built afterwards."""
    language = resolve_language(choice, locale)
    uninstall(app)
    _locale_before.append(QLocale())
    QLocale.setDefault(QLocale(language))
    done = Installed(language)
    own = catalog_file(language)
    if own.is_file():
        _load(app, own, done)
    elif language != DEFAULT:
        _warn(f"the translation {own} is missing; ChatDesk speaks English.")
    if language != DEFAULT:
        for catalog in QT_CATALOGS:
            for folder in qt_translations_dirs():
                qm = folder / f"{catalog}_{language}.qm"
                if qm.is_file():
                    _load(app, qm, done)
                    break
    _installed.extend(done.translators)
    return done


_installed: list[QTranslator] = []  # ChatDesk's translators now in the application
_locale_before: list[QLocale] = []  # Qt's default locale before ``install`` changed it


def uninstall(app: QCoreApplication) -> None:
    """Remove the translators ``install`` put in and give Qt back its default locale: widgets
    built next speak English and format numbers as before."""
    while _installed:
        translator = _installed.pop()
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    if _locale_before:
        QLocale.setDefault(_locale_before[0])
        _locale_before.clear()


def _load(app: QCoreApplication, qm: Path, done: Installed) -> None:
    translator = QTranslator(app)
    if translator.load(str(qm)) and QCoreApplication.installTranslator(translator):
        done.loaded.append(qm)
        done.translators.append(translator)
    else:
        _warn(f"the translation {qm} cannot be read; some words stay in English.")


def _warn(message: str) -> None:
    print(f"ChatDesk: {message}", file=sys.stderr, flush=True)
