"""Sentences that can be shown in another language later: ``msg(template, **params)``.

The Qt-free layers (ggufcheck, chatdesk.engine, store, library ...) raise exceptions whose text a
person reads: on the command line in English, in the window in the interface language. They
cannot call Qt's translator themselves (only chatdesk.ui imports Qt), so they build a
:class:`Text`: a ``str`` whose value is the English sentence (every ``str(exc)``, comparison,
log line and test sees exactly what it saw before) that also keeps the English ``template`` and
its ``params``. The window translates the template and formats it with the (themselves
translated) params: ``chatdesk.ui.i18n.localized``. ``scripts/i18n.py`` collects every literal
``msg("…")`` template into the translators' files, so templates must be string literals.

A package of its own, dependency-free, because both ggufcheck (which must not import the app)
and chatdesk use it, and the converter imports ggufcheck.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Text", "msg", "text_of"]


class Text(str):
    """An English sentence (the ``str`` value) plus the ``template`` and ``params`` it came from.

    Operations that make a new string (``+``, f-strings, ``.strip()``) give a plain ``str`` and
    so lose the template: build the whole sentence with one ``msg`` call instead.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any] | None = None) -> Text:
        params = dict(params or {})
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickle / copy keep the template
        return (Text, (self.template, self.params))



def msg(template: str, /, **params: Any) -> Text:
    """``template.format(**params)`` as a :class:`Text`. ``template`` must be a string literal
    (scripts/i18n.py reads it from the source), formatted like ``str.format`` even without
    params (write a literal brace as ``{{``); a param may itself be a Text."""
    return Text(template, params)


def text_of(exc: BaseException) -> str:
    """An exception's sentence, keeping its :class:`Text` when it has one: wrap a lower layer's
    error as ``OtherError(text_of(exc))`` (or pass it as a param) instead of ``str(exc)``."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Text) else str(exc)
