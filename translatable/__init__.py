"""Sentences that can be shown in another language later: ``msg(template, **params)``.

The Qt-free layers (ggufcheck, chatdesk.engine, store, library ...) raise exceptions whose text a
person reads: on the command line in English, in the window in the interface language. They
cannot call Qt's translator themselves (only chatdesk.ui imports Qt), so they build a
:class:`Text`: a ``str`` whose value is the English sentence (every ``str(exc)``, comparison,
log line and test sees exactly what it saw before) that also keeps the English ``template`` and
its ``params``. The window translates the template and formats it with the (themselves
translated) params: ``chatdesk.ui.app.i18n.localized``. ``scripts/i18n.py`` collects every literal
``msg("…")`` template into the translators' files, so templates must be string literals.

A package of its own, dependency-free, because both ggufcheck (which must not import the app)
and chatdesk use it, and the converter imports ggufcheck.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Text", "from_data", "msg", "text_of", "to_data"]


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


def to_data(text: str) -> dict[str, Any]:
    """``text`` as JSON-ready data, for a sentence that crosses a process boundary (the
    evaluation child's error line): ``{"template": …, "params": {…}}``, nested Texts likewise,
    other params as JSON scalars or their ``str``. A plain ``str`` gives ``{"template": None}``."""
    if not isinstance(text, Text):
        return {"template": None, "params": {}}
    return {"template": text.template, "params": {name: _param_data(v) for name, v in text.params.items()}}


def _param_data(value: Any) -> Any:
    if isinstance(value, Text):
        return to_data(value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def from_data(english: str, data: object) -> str:
    """The :class:`Text` that ``to_data`` described, when it still reads exactly ``english``;
    otherwise ``english`` itself (an older or foreign sender, damaged data: nothing is lost)."""
    try:
        text = _text_from(data)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return english
    return text if text is not None and text == english else english


def _text_from(data: object) -> Text | None:
    if not isinstance(data, dict) or not isinstance(data.get("template"), str):
        return None
    params = data.get("params") or {}
    if not isinstance(params, dict):
        return None
    out: dict[str, Any] = {}
    for name, value in params.items():
        nested = _text_from(value) if isinstance(value, dict) else None
        if isinstance(value, dict) and nested is None:
            return None
        out[str(name)] = nested if nested is not None else value
    return Text(data["template"], out)
