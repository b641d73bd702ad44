"""The probability shading has a legend while it is shown, and is never drawn in the selection
colour (the palette's Highlight), in light and dark palettes. Real ChatView over a real Store
whose reply has a stored token record (the shape the recorder writes)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from test_token_view import hover_token, open_view, stored  # noqa: F401 - the shared fixture

from chatdesk.ui.conversation.token_view import shade_colour


def palette(theme: str, highlight: str) -> QPalette:
    pal = QPalette(QGuiApplication.palette())
    if theme == "dark":
        pal.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
        pal.setColor(QPalette.ColorRole.Window, QColor("#252525"))
        pal.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
        pal.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    else:
        pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.Text, QColor("#1f1f1f"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    return pal


def hue_gap(a: QColor, b: QColor) -> int:
    d = abs(a.hslHue() - b.hslHue()) % 360
    return min(d, 360 - d)


def contrast(text: QColor, shade: QColor, base: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    a = shade.alphaF()
    blended = QColor.fromRgbF(*(a * getattr(shade, f)() + (1 - a) * getattr(base, f)() for f in ("redF", "greenF", "blueF")))
    hi, lo = sorted((lum(blended), lum(text)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("highlight", ["#2f65ca", "#308cc6", "#e9730c", "#f5a623", "#7c3aed"])
def test_shading_is_never_the_selection_colour_and_stays_readable(qtbot, stored, theme, highlight):  # noqa: F811
    store, c, _user, reply = stored
    view = open_view(qtbot, store, c.id)
    pal = palette(theme, highlight)
    view.setPalette(pal)
    view.set_probabilities_visible(True)
    qtbot.waitUntil(lambda: view.tokens.get(reply.id) is not None, timeout=5000)
    hover_token(qtbot, view, "bold")
    qtbot.waitUntil(lambda: len(view.reader.extraSelections()) > 10, timeout=5000)
    selection = pal.color(QPalette.ColorRole.Highlight)
    for sel in view.reader.extraSelections():  # what the view draws over the reply
        shade = sel.format.background().color()
        assert hue_gap(shade, selection) >= 40, (shade.name(), selection.name())
    strongest = shade_colour(0.0, pal)
    assert contrast(pal.color(QPalette.ColorRole.Text), strongest, pal.color(QPalette.ColorRole.Base)) >= 4.5


def test_the_legend_says_what_the_shades_mean_while_they_are_shown(qtbot, stored):  # noqa: F811
    store, c, _user, _reply = stored
    view = open_view(qtbot, store, c.id)
    legend = view.legend
    assert not legend.isVisible()
    view.set_probabilities_visible(True)
    qtbot.waitUntil(legend.isVisible, timeout=5000)
    # Words at both ends and a description for screen readers and the tooltip.
    assert legend.low.isVisible() and legend.high.isVisible() and legend.strip.isVisible()
    assert "less likely" in legend.accessibleDescription()
    low, high = legend.colours()
    assert low.alphaF() > high.alphaF()  # low probability: the strongest shade
    assert low.rgb() != view.palette().color(QPalette.ColorRole.Highlight).rgb()
    # It takes its own strip above the messages instead of covering one.
    assert legend.geometry().bottom() < view.viewport().geometry().top()
    assert legend.height() >= legend.title.sizeHint().height()
    view.set_probabilities_visible(False)
    assert not legend.isVisible() and view.viewport().geometry().top() <= view.frameWidth()
