"""Token probabilities in the conversation (issue #10): shading, the alternatives, and where they come from.

With the chat's ``show_probabilities`` on, every reply token is shaded by how unlikely the model
found it, on top of the rendered Markdown, and hovering a token (or moving the reader's caret onto
it) shows the model's top alternatives with their probabilities and the sampler's settings; picking
one branches the reply there (``ChatController.branch_at_token``).

How tokens meet the rendered text. ``TokenProb.end`` counts characters of the Markdown source,
but the document shows rendered text (no ``**``, list markers, fences; a code block's language and
"Copy" added). ``align`` pairs the two texts with a greedy, linear walk: equal runs are taken
whole (compared 64 characters at a time), and at a difference it skips whichever side reaches
the next common 4-character sequence sooner (markup in the source, or text the renderer added).
difflib would be exact but took 21 s on a 16 KB reply; this takes a few milliseconds and misses
only markup boundaries. Alignment is kept per document segment (``message_body.Segment.runs``), so
a streaming reply aligns only its new tail.

How shading is drawn. Not as character formats (4,000 ``mergeCharFormat`` calls took 105 ms plus
a 43 ms relayout), but as extra selections handed to the document layout at paint time, only for
the tokens on screen; the same document serves the normal and the probability view.

Colour: a warm amber (a deeper orange on a dark base), translucent in proportion to 1 - p, so the
text stays readable on light and dark bases (a test checks the contrast). It is deliberately not
the palette's highlight colour: shading drawn in the selection's colour read as selected text. A
palette whose highlight is itself warm gets a violet instead (``shade_base``). A legend
(``ProbabilityLegend``) over the conversation says what the shades mean while the view is on.
"""

from __future__ import annotations

import bisect
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QKeyEvent, QPainter, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from chatdesk.chat.token_record import decode
from chatdesk.engine.types import TokenProb
from chatdesk.ui.common.background import run_in_background
from chatdesk.ui.conversation.message_body import Body, Segment, markdown_normalize

log = logging.getLogger(__name__)

GRAM = 4
LOOK_SOURCE = 512  # markup skipped in the source at one difference (a link's URL, a table rule)
LOOK_RENDERED = 48  # text the renderer adds at one difference (a code header, a task box)
MAX_ALPHA = 0.55
MIN_ALPHA = 0.06
LEVELS = 16
MAX_RECORDS = 64


def _tr(text: str) -> str:
    return QCoreApplication.translate("TokenView", text)


# ------------------------------------------------------------------------------ alignment
def align(source: str, rendered: str) -> list[tuple[int, int, int]]:
    """Runs ``(s, d, n)`` with ``source[s:s+n] == rendered[d:d+n]``, increasing in both texts."""
    runs: list[tuple[int, int, int]] = []
    i = j = 0
    n, m = len(source), len(rendered)
    while i < n and j < m:
        if source[i] == rendered[j] or (source[i].isspace() and rendered[j].isspace()):
            k = 1
            while i + k + 64 <= n and j + k + 64 <= m and source[i + k:i + k + 64] == rendered[j + k:j + k + 64]:
                k += 64
            while i + k < n and j + k < m and (source[i + k] == rendered[j + k]
                                               or (source[i + k].isspace() and rendered[j + k].isspace())):
                k += 1
            runs.append((i, j, k))
            i += k
            j += k
            continue
        for gram in (GRAM, 3, 2):  # the longest common sequence that is near on either side
            want = source[i:i + gram]
            at_d = rendered.find(want, j + 1, j + LOOK_RENDERED + gram) if len(want) == gram else -1
            have = rendered[j:j + gram]
            at_s = source.find(have, i + 1, i + LOOK_SOURCE + gram) if len(have) == gram else -1
            if at_s >= 0 or at_d >= 0:
                break
        if at_s < 0 and at_d < 0:
            i += 1  # a substitution (e.g. "[ ]" shown as a box): step over both
            j += 1
        elif at_d < 0 or (at_s >= 0 and at_s - i <= at_d - j):
            i = at_s
        else:
            j = at_d
    return runs


def _normalized_positions(text: str) -> list[int] | None:
    """Original offset -> normalized offset, when normalizing changes lengths (CR LF); else None."""
    if "\r" not in text:
        return None
    out, pos, k = [], 0, 0
    while k < len(text):
        out.append(pos)
        if text[k] == "\r" and k + 1 < len(text) and text[k + 1] == "\n":
            out.append(pos)
            k += 2
        else:
            k += 1
        pos += 1
    out.append(pos)
    return out


# ------------------------------------------------------------------------------ records
@dataclass(frozen=True)
class TokenRecord:
    """A reply's tokens and the sampler it was drawn with."""

    tokens: tuple[TokenProb, ...]
    sampler: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def from_stored(data: dict[str, Any] | None) -> TokenRecord:
        return TokenRecord(decode(data), dict((data or {}).get("sampler") or {}))


NO_TOKENS = TokenRecord(())


class TokenSource(QObject):
    """Token records by message: stored ones are read off the GUI thread, live ones are pushed in.

    ``loader(message_id)`` returns the stored record (``chatdesk.store.message_tokens``), or None.
    """

    changed = Signal(int)  # message id

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader: Callable[[int], dict[str, Any] | None] | None = None
        self._records: OrderedDict[int, TokenRecord] = OrderedDict()
        self._loading: set[int] = set()

    def get(self, message_id: int) -> TokenRecord | None:
        """The record if known (NO_TOKENS when the reply has none); None while it is being read."""
        rec = self._records.get(message_id)
        if rec is not None:
            self._records.move_to_end(message_id)
            return rec
        if self.loader is None:
            return NO_TOKENS
        if message_id not in self._loading:
            self._loading.add(message_id)
            loader = self.loader
            run_in_background(
                lambda: TokenRecord.from_stored(loader(message_id)),
                lambda rec: self._loaded(message_id, rec),
                lambda exc: self._failed(message_id, exc),
            )
        return None

    def _loaded(self, message_id: int, rec: TokenRecord) -> None:
        self._loading.discard(message_id)
        self._put(message_id, rec)

    def _failed(self, message_id: int, exc: BaseException) -> None:
        self._loading.discard(message_id)
        log.warning("Could not read the token probabilities of message %s: %s", message_id, exc)
        self._put(message_id, NO_TOKENS)

    def _put(self, message_id: int, rec: TokenRecord) -> None:
        self._records[message_id] = rec
        self._records.move_to_end(message_id)
        while len(self._records) > MAX_RECORDS:
            self._records.popitem(last=False)
        self.changed.emit(message_id)

    def set_live(self, message_id: int, tokens: Sequence[TokenProb], sampler: dict[str, Any] | None = None) -> None:
        """Tokens of a reply that is being written (from ``ChatController.active``)."""
        self._put(message_id, TokenRecord(tuple(tokens), dict(sampler or {})))

    def forget(self, message_id: int) -> None:
        """Read the stored record again next time (the reply was saved or replaced)."""
        self._records.pop(message_id, None)


# ------------------------------------------------------------------------------ colours
# (light base, dark base) for each hue: the dark variants are deeper, so light text stays readable.
WARM = ("#f59e0b", "#d9480f")
VIOLET = ("#a78bfa", "#7c3aed")
MIN_HUE_DISTANCE = 50  # degrees between the shading and the selection colour


def _hue_distance(a: QColor, b: QColor) -> int:
    if a.hslHue() < 0 or b.hslHue() < 0:  # a grey has no hue: nothing to confuse
        return 180
    d = abs(a.hslHue() - b.hslHue()) % 360
    return min(d, 360 - d)


def shade_base(palette: QPalette) -> QColor:
    """The opaque colour token shading is made of: amber, or violet when the selection colour
    (``Highlight``) is itself close to amber, so shading never looks like a selection."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    highlight = palette.color(QPalette.ColorRole.Highlight)
    for pair in (WARM, VIOLET):
        colour = QColor(pair[1] if dark else pair[0])
        if _hue_distance(colour, highlight) >= MIN_HUE_DISTANCE:
            return colour
    return QColor(VIOLET[1] if dark else VIOLET[0])


def shade_colour(prob: float, palette: QPalette) -> QColor:
    """The background of a token with probability ``prob``: stronger the less likely it was."""
    p = min(1.0, max(0.0, prob))
    colour = shade_base(palette)
    colour.setAlphaF(MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * (1.0 - p))
    return colour


def shades_key(palette: QPalette) -> tuple[int, int]:
    """What the shades depend on: a palette change that alters it rebuilds them."""
    return palette.color(QPalette.ColorRole.Highlight).rgba(), palette.color(QPalette.ColorRole.Base).rgba()


class ProbabilityLegend(QFrame):
    """What the shading means: a strip from the strongest shade (unlikely tokens) to none (likely
    ones), with words at both ends, shown over the conversation while the probability view is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilityLegend")
        self.setAutoFillBackground(True)
        self.setAccessibleName(_tr("Probability shading legend"))
        self.setAccessibleDescription(_tr(
            "Each token of a reply is shaded by how likely the model found it: the stronger the colour, "
            "the less likely the token; likely tokens are almost unshaded. Hover a token to see its alternatives."))
        self.setToolTip(self.accessibleDescription())
        self.title = QLabel(_tr("Token probability:"), self)
        self.low = QLabel(_tr("low"), self)
        self.high = QLabel(_tr("high"), self)
        self.title.setAccessibleName(_tr("Token probability"))
        self.low.setAccessibleName(_tr("Low probability: strongest shade"))
        self.high.setAccessibleName(_tr("High probability: no shade"))
        self.strip = _LegendStrip(self)
        self.strip.setAccessibleName(_tr("Shades from low to high probability"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 3, 8, 3)
        lay.setSpacing(6)
        lay.addStretch(1)
        lay.addWidget(self.title)
        lay.addWidget(self.low)
        lay.addWidget(self.strip)
        lay.addWidget(self.high)
        self.hide()

    def colours(self) -> tuple[QColor, QColor]:
        """(least likely, most likely) shades as drawn."""
        return shade_colour(0.0, self.palette()), shade_colour(1.0, self.palette())


class _LegendStrip(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedSize(96, 14)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        steps = 8
        w = self.width() / steps
        for i in range(steps):
            painter.fillRect(QRectF(i * w, 0, w + 1, self.height()), shade_colour(i / (steps - 1), pal))
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class Shades:
    """One char format per probability level (formats are shared by all the selections)."""

    def __init__(self, palette: QPalette) -> None:
        self.key = shades_key(palette)
        self._formats = []
        for level in range(LEVELS + 1):
            fmt = QTextCharFormat()
            fmt.setBackground(shade_colour(level / LEVELS, palette))
            self._formats.append(fmt)

    def format(self, prob: float) -> QTextCharFormat:
        return self._formats[round(min(1.0, max(0.0, prob)) * LEVELS)]


# ------------------------------------------------------------------------------ layout
class TokenLayout:
    """Where a reply's tokens are in its body's documents: for shading and for hit tests."""

    def __init__(self, body: Body, record: TokenRecord) -> None:
        self.body = body
        self.record = record
        index = _normalized_positions(body.plain)
        ends, starts = [], []
        prev = 0
        for k, tok in enumerate(record.tokens):
            end = tok.end
            start = prev if k and prev <= end else max(0, end - len(tok.text))
            if index is not None:
                start, end = index[min(start, len(index) - 1)], index[min(end, len(index) - 1)]
            starts.append(start)
            ends.append(end)
            prev = tok.end
        self.starts, self.ends = starts, ends
        self._spans: dict[int, tuple[list[int], list[tuple[int, int, int]]]] = {}

    def spans(self, seg_index: int) -> tuple[list[int], list[tuple[int, int, int]]]:
        """(start positions, [(start, end, token index)]) of the tokens shown in one segment."""
        seg = self.body.segments[seg_index]
        cached = self._spans.get(seg_index)
        if cached is not None:
            return cached
        runs = _runs(seg, self.body.plain)
        a, b = seg.source
        items: list[tuple[int, int, int]] = []
        run_ends = [s + n for s, _d, n in runs]
        first = bisect.bisect_right(self.ends, a)
        for k in range(first, len(self.starts)):
            s0, s1 = max(self.starts[k], a) - a, min(self.ends[k], b) - a
            if self.starts[k] >= b:
                break
            if s1 <= s0:
                continue
            r = bisect.bisect_right(run_ends, s0)
            lo = hi = None
            while r < len(runs) and runs[r][0] < s1:
                s, d, n = runs[r]
                x0, x1 = max(s0, s), min(s1, s + n)
                if x1 > x0:
                    lo = d + x0 - s if lo is None else lo
                    hi = d + x1 - s
                r += 1
            if lo is not None and hi is not None:
                items.append((lo, hi, k))
        out = ([lo for lo, _hi, _k in items], items)
        self._spans[seg_index] = out
        return out

    def token_at(self, seg_index: int, pos: int) -> int | None:
        starts, items = self.spans(seg_index)
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and items[i][0] <= pos < items[i][1]:
            return items[i][2]
        return None

    def span_of(self, seg_index: int, token: int) -> tuple[int, int] | None:
        for lo, hi, k in self.spans(seg_index)[1]:
            if k == token:
                return lo, hi
        return None

    def selections(self, seg_index: int, first: int, last: int, shades: Shades, kind=QAbstractTextDocumentLayout.Selection):
        """Shading for the tokens between document positions ``first`` and ``last``."""
        seg = self.body.segments[seg_index]
        starts, items = self.spans(seg_index)
        out = []
        i = max(0, bisect.bisect_right(starts, first) - 1)
        tokens = self.record.tokens
        while i < len(items) and items[i][0] <= last:
            lo, hi, k = items[i]
            cursor = QTextCursor(seg.doc)
            cursor.setPosition(lo)
            cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            sel = kind()
            sel.cursor = cursor
            sel.format = shades.format(tokens[k].prob)
            out.append(sel)
            i += 1
        return out


def _runs(seg: Segment, text: str) -> list[tuple[int, int, int]]:
    if seg.runs is None:
        a, b = seg.source
        seg.runs = align(markdown_normalize(text)[a:b], seg.doc.toPlainText())
    return seg.runs


# ------------------------------------------------------------------------------ the popup
def token_label(text: str) -> str:
    """A token as the user can read it: quoted, with invisible characters shown."""
    shown = text.replace("\n", "↵").replace("\t", "⇥")
    return f"“{shown}”" if shown.strip() else f"“{shown.replace(' ', '␣')}”"


def percent(prob: float) -> str:
    return f"{prob * 100:.1f} %" if prob >= 0.001 else f"{prob * 100:.2g} %"


SAMPLER_LABELS = {
    "temperature": QT_TRANSLATE_NOOP("TokenView", "temperature"), "top_p": QT_TRANSLATE_NOOP("TokenView", "top-p"),
    "top_k": QT_TRANSLATE_NOOP("TokenView", "top-k"), "min_p": QT_TRANSLATE_NOOP("TokenView", "min-p"),
    "repeat_penalty": QT_TRANSLATE_NOOP("TokenView", "repeat penalty"),
    "max_tokens": QT_TRANSLATE_NOOP("TokenView", "max tokens"), "seed": QT_TRANSLATE_NOOP("TokenView", "seed"),
}


def sampler_text(sampler: dict[str, Any]) -> str:
    if not sampler:
        return _tr("Sampler settings were not recorded for this reply.")
    parts = [f"{_tr(SAMPLER_LABELS.get(k, k))} {_tr('random') if v is None and k == 'seed' else v}" for k, v in sampler.items()]
    return _tr("Sampler: {settings}").format(settings=" · ".join(parts))


class TokenPopup(QFrame):
    """A token's alternatives (before sampling) with their probabilities and the sampler settings.

    A child of the chat view's viewport, so it scrolls and clips with the conversation. The
    alternatives are a list: a click, or Enter on the current one, picks it and emits
    ``picked(token index, token id)``; Up/Down move; Esc emits ``closed``.
    """

    picked = Signal(int, int)
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tokenPopup")
        self.setAccessibleName(_tr("Token alternatives"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title = QLabel(self)
        self.title.setObjectName("tokenTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.heading = QLabel(_tr("Alternatives the model gave before sampling:"), self)
        self.heading.setObjectName("tokenHeading")
        self.sampler = QLabel(self)
        self.sampler.setObjectName("tokenSampler")
        self.sampler.setWordWrap(True)
        self.sampler.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.title, self.heading, self.sampler):
            label.setAccessibleName(label.text() or label.objectName())
        self.alternatives = _AlternativeList(self)
        self.alternatives.itemClicked.connect(self._pick)
        self.alternatives.itemActivated.connect(self._pick)
        self.alternatives.escape.connect(self.closed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(3)
        for w in (self.title, self.heading, self.alternatives, self.sampler):
            lay.addWidget(w)
        self.message_id = -1
        self.token_index = -1
        self.hide()

    def show_token(self, message_id: int, index: int, record: TokenRecord) -> None:
        tok = record.tokens[index]
        self.message_id, self.token_index = message_id, index
        self.title.setText(_tr("Token {n} of {total}: {token}, {p}").format(
            n=index + 1, total=len(record.tokens), token=token_label(tok.text), p=percent(tok.prob)))
        self.title.setAccessibleName(self.title.text())
        self.alternatives.clear()
        for alt in tok.alternatives:
            chosen = alt.token_id == tok.token_id
            item = QListWidgetItem(f"{token_label(alt.text)}   {percent(alt.prob)}" + ("   " + _tr("(chosen)") if chosen else ""))
            item.setData(Qt.ItemDataRole.UserRole, alt.token_id)
            item.setToolTip(_tr("Branch the reply here with this token and let the model continue"))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, _tr("Branch the reply here with {token}, probability {p}").format(
                token=token_label(alt.text), p=percent(alt.prob)))
            self.alternatives.addItem(item)
        rows = self.alternatives.count()
        row_height = self.alternatives.sizeHintForRow(0) if rows else 0
        self.alternatives.setFixedHeight(row_height * rows + 2 * self.alternatives.frameWidth() + 2)
        self.alternatives.setMinimumWidth(self.alternatives.sizeHintForColumn(0) + 2 * self.alternatives.frameWidth() + 8)
        self.sampler.setText(sampler_text(record.sampler))
        self.sampler.setAccessibleName(self.sampler.text())
        self.adjustSize()
        self.show()
        self.raise_()

    def _pick(self, item: QListWidgetItem) -> None:
        self.picked.emit(self.token_index, int(item.data(Qt.ItemDataRole.UserRole)))

    def focus_first(self) -> None:
        if self.alternatives.count():
            self.alternatives.setCurrentRow(0)
            self.alternatives.setFocus(Qt.FocusReason.TabFocusReason)

    def token_ids(self) -> list[int]:
        """The alternatives shown, most likely first."""
        return [int(self.alternatives.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.alternatives.count())]


class _AlternativeList(QListWidget):
    """Enter (itemActivated) or a click picks; Esc hands the keyboard back."""

    escape = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tokenAlternatives")
        self.setAccessibleName(_tr("Alternatives"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setMouseTracking(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentItem() is not None:
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(event)
