"""A message's laid-out text: what the conversation view paints and what its reader selects in.

An assistant reply is rendered by ``chatdesk.markdown`` (the HTML export's renderer, Qt target);
a user's or system message is the plain text it was typed as. A ``Body`` is one QTextDocument,
or, for a reply that streams, a stack of documents:

Why a stack while streaming. ``setHtml`` + layout of a 16 KB reply (4,000 tokens with code, 64 KB
of HTML) costs 28-36 ms on the 2-core development machine, and a streaming reply used to be
rebuilt up to 30 times a second: stalls of 30 ms near the end of a long reply. A Markdown block
that is followed by another never changes again (``IncrementalRenderer.stable_html``), so each
finished block is laid out once in its own document and only the unfinished tail is rebuilt per
flush (0.7 ms median per update instead of ~30 ms at 16 KB). Separate documents lose Qt's margin
collapsing between neighbouring blocks; the gap between two segments depends only on the formats
where they meet, and is measured by laying out such a pair the first time it occurs (``_GAPS``),
which makes the stack exactly as tall as the single document with every line at the same place
(tests/test_chat_view.py checks it at every step of a streamed reply).

Selecting text needs one document (``document()``): a stacked body builds it on first use (the
reader over a hovered reply), and paints from it from then on.

Bodies are cached per message by ``BodyCache`` for (content, width, theme); a streamed reply keeps
its stack when it finishes, so the end of a long reply costs no rebuild either.

Code keeps its lines: the renderer's code blocks are ``white-space: pre``, so a line longer than
the message is as wide as it is written, never soft-wrapped. A body wider than its width
(``overflow``) is painted clipped at the message's edge with ``SCROLL_ROOM`` pixels left below it:
the reader over the message then has a horizontal scroll bar there (and scrolls with Shift+wheel,
a touchpad or the caret), without the row moving by a pixel.
"""

from __future__ import annotations

import html
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextDocument,
)

from chatdesk import markdown
from chatdesk.store import MessageRecord, Status

log = logging.getLogger(__name__)

MAX_BODIES = 400
SCROLL_ROOM = 14  # room below a body wider than the message, for the reader's horizontal scroll bar
MAX_HEIGHTS = 20_000

# A callable giving the extra selections (token shading) to draw for one segment:
# (segment index, visible position range in that segment) -> selections.
SelectionsFor = Callable[[int, int, int], Sequence[QAbstractTextDocumentLayout.Selection]]


def theme_of(palette: QPalette | None = None) -> str:
    """Code colours follow the palette: dark when the base colour is dark."""
    pal = palette or QGuiApplication.palette()
    return "dark" if pal.color(QPalette.ColorRole.Base).lightness() < 128 else "light"


def markdown_normalize(text: str) -> str:
    """The text as the Markdown parser sees it (segment source ranges count these characters):
    ``chatdesk.markdown.dialect.normalize``, without importing the parser when the window starts."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")


def _strip(html: str) -> str:
    """Qt turns a newline after the last block into a trailing space on the last line."""
    return html.rstrip("\n")


@dataclass(eq=False)
class Segment:
    doc: QTextDocument
    html: str
    source: tuple[int, int] = (0, 0)  # the part of the (normalized) message text it shows
    top: float = 0.0  # y of this document within the body
    gap: float = 0.0  # space between the previous segment and this one
    runs: list[tuple[int, int, int]] | None = None  # source -> document alignment (token_view)
    end_edge: tuple | None = None  # the formats at its end (``_edge``), once measured
    seam: bool = False  # continues the previous segment's code block (no gap; drawn before it)


class Body:
    """One message's documents, stacked, all laid out at ``width``."""

    def __init__(self, font: QFont, width: int, role: str) -> None:
        self.font = QFont(font)  # a copy: a style option's font dies with the option
        self.width = width
        self.role = role
        self.segments: list[Segment] = []
        self.height = 0.0  # what the row gives the body: its text, and room for a scroll bar if it overflows
        self.text_height = 0.0
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self._single: QTextDocument | None = None
        self.html = ""  # the whole body as HTML ("" for plain text)
        self.plain = ""  # the source text shown (Markdown for replies)
        self.revision = 0  # grows whenever what is drawn changes

    # -- documents -------------------------------------------------------------------------
    def new_document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(self.font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"pre, code {{ font-family: '{self._mono}'; }}")
        doc.setUndoRedoEnabled(False)
        return doc

    def _html_document(self, html: str, width: float = 0.0) -> QTextDocument:
        doc = self.new_document()
        doc.setHtml(_strip(html))
        doc.setTextWidth(max(width, self.width))
        return doc

    def set_single(self, doc: QTextDocument) -> None:
        doc.setTextWidth(self.width)
        self._single = doc
        self.segments = [Segment(doc, self.html, (0, len(markdown_normalize(self.plain))))]
        self._restack()

    def document(self) -> QTextDocument:
        """The body as one document (for selecting text in it); built on first use if stacked."""
        if self._single is None:
            if len(self.segments) == 1:
                self._single = self.segments[0].doc
            else:
                self.set_single(self._html_document(self.html))
        assert self._single is not None
        return self._single

    @property
    def is_single(self) -> bool:
        return self._single is not None or len(self.segments) <= 1

    def set_width(self, width: int) -> None:
        if width == self.width:
            return
        self.width = width
        for seg in self.segments:
            seg.doc.setTextWidth(width)
        self._restack()

    def _restack(self) -> None:
        y = 0.0
        for i, seg in enumerate(self.segments):
            if i:
                y += seg.gap
            seg.top = y
            y += seg.doc.size().height()
        self.text_height = y
        self.height = y + (SCROLL_ROOM if self.overflow else 0)
        self.revision += 1

    @property
    def overflow(self) -> bool:
        """Wider than the message (a code line longer than it): scrolled sideways, never wrapped."""
        return any(seg.doc.size().width() > self.width + 0.5 for seg in self.segments)

    def plain_text(self) -> str:
        """What the documents show, as text; positions in it are document positions (segments
        joined by one character, as the single document separates blocks)."""
        return "\n".join(seg.doc.toPlainText() for seg in self.segments)

    def segment_offsets(self) -> list[int]:
        """Where each segment starts in ``plain_text()``."""
        out, pos = [], 0
        for seg in self.segments:
            out.append(pos)
            pos += seg.doc.characterCount()  # its text plus the one joining character
        return out

    # -- painting --------------------------------------------------------------------------
    def draw(self, painter: QPainter, text_colour, clip: QRectF, selections: SelectionsFor | None = None) -> None:
        """Paint the segments that meet ``clip`` (body coordinates; painter at the body's origin).

        Pieces of one code block (``seam``) are painted from the last up: a glyph that reaches
        below its line (an underscore) then lands on the next piece's background, as it does in
        one table, where the background is painted before every line."""
        for i in self._paint_order():
            seg = self.segments[i]
            height = seg.doc.size().height()
            if seg.top > clip.bottom() or seg.top + height < clip.top():
                continue
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.palette.setColor(QPalette.ColorRole.Text, text_colour)
            local = clip.translated(0, -seg.top).intersected(QRectF(0, 0, self.width, height))
            ctx.clip = local
            if selections is not None:
                layout = seg.doc.documentLayout()
                first = layout.hitTest(local.topLeft(), Qt.HitTestAccuracy.FuzzyHit)
                last = layout.hitTest(local.bottomRight(), Qt.HitTestAccuracy.FuzzyHit)
                ctx.selections = list(selections(i, max(0, first), max(first, last) + 1))
            painter.save()
            painter.translate(0, seg.top)
            # A wide code line ends at the message's edge; up and down only the caller's clip.
            painter.setClipRect(QRectF(0, clip.top() - seg.top, self.width, clip.height()), Qt.ClipOperation.IntersectClip)
            seg.doc.documentLayout().draw(painter, ctx)
            painter.restore()

    def _paint_order(self) -> list[int]:
        order: list[int] = []
        run: list[int] = []
        for i, seg in enumerate(self.segments):
            if run and not seg.seam:
                order.extend(reversed(run))
                run = []
            run.append(i)
        order.extend(reversed(run))
        return order


_GAPS: dict[tuple, float] = {}  # (font, end edge, start edge) -> gap, measured once each


def _edge(doc: QTextDocument, last: bool) -> tuple:
    """The kinds and margins of the first (or last) two items of a document's root frame: all that
    decides the space Qt puts between it and a neighbouring document's edge."""
    items = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if frame is not None:
            fmt = frame.frameFormat()
            items.append(("frame", fmt.topMargin(), fmt.bottomMargin(), fmt.border(), fmt.padding()))
        else:
            block = it.currentBlock()
            fmt = block.blockFormat()
            items.append(("block", fmt.topMargin(), fmt.bottomMargin(), block.length() > 1,
                          block.textList() is not None, fmt.headingLevel()))
        if not last and len(items) == 2:
            break
        it += 1
    return tuple(items[-2:] if last else items[:2])


SOURCE_SCHEME = "chatdesk-source:"


def source_number(href: str) -> int | None:
    """The source number of a chip's link (``chatdesk-source:3``), else None."""
    if not href.startswith(SOURCE_SCHEME):
        return None
    tail = href[len(SOURCE_SCHEME):]
    return int(tail) if tail.isdigit() else None


def _kind(rec: MessageRecord) -> str:
    """What besides the text decides a body: the role, and whether source chips go under it."""
    return rec.role + ("+sources" if rec.status != Status.STREAMING and (rec.provenance or {}).get("sources") else "")


def sources_html(rec: MessageRecord) -> str:
    """Numbered source chips under a reply grounded in documents (its provenance's ``sources``):
    links the view turns into the passage viewer. Empty for any other reply."""
    from chatdesk.chat.grounding import sources_of

    sources = sources_of(rec.provenance)
    if not sources:
        return ""
    chips = " ".join(
        f'<a href="{SOURCE_SCHEME}{s.number}">[{s.number}]\u00a0{html.escape(s.label)}</a>' for s in sources)
    title = html.escape(QCoreApplication.translate("ChatView", "Sources:"))
    return f"<p><small>{title} {chips}</small></p>"


def code_labels() -> tuple[str, str]:
    """The code-block header's words in the UI language: the Copy link, and the name of code
    written without a language."""
    return (
        QCoreApplication.translate("MessageBody", "Copy"),
        QCoreApplication.translate("MessageBody", "code"),
    )


@dataclass(eq=False)
class _Piece:
    """Lines [first, end) of an open code fence, laid out once (``StreamBody._fence_tail``)."""

    number: int
    first: int
    end: int
    body: str  # the lines' HTML
    seg: Segment


class StreamBody(Body):
    """A reply that is (or was) streaming: finished Markdown blocks are laid out once each.

    A long code block that is still open would be one table laid out again at every update (~22 ms
    for 120 lines, ~55 ms for 300 on the development machine). Its lines are laid out in pieces
    instead: ``PIECE_LINES`` lines at a time once they are ``FREEZE_LAG`` lines behind the end,
    drawn exactly as the whole table (``Renderer.code_table`` with ``first``/``last``), so an
    update lays out only the last few lines. A piece whose lines' colouring changed later is laid
    out again; a line wider than the message widens every piece (``_fit``)."""

    PIECE_LINES = 16
    FREEZE_LAG = 3

    def __init__(self, font: QFont, width: int, theme: str) -> None:
        super().__init__(font, width, "assistant")
        self.renderer = markdown.IncrementalRenderer(target="qt", theme=theme, labels=code_labels())
        self._drops = 0
        self._stable_len = 0  # how much of renderer.stable_html the stable segments hold
        self._stable_src = 0  # how much of the (normalized) text they show
        self._stack: list[Segment] = []  # the stable segments
        self._tail: list[Segment] = []  # the rest: one segment, or an open fence's pieces
        self._pieces: list[_Piece] = []  # the open fence's laid-out pieces, when it has some
        self._code_width = 0.0  # their table's width: the widest piece's (``_fit``)
        self._fence: markdown.OpenFence | None = None  # the open fence the pieces show
        # Where (body y) the last ``update`` changed what is drawn: everything above it is pixel
        # for pixel what was drawn before, so the view repaints only from here down. None: nothing
        # changed.
        self.changed_from: float | None = 0.0

    def update(self, text: str) -> None:
        """Show ``text`` (normally the previous text plus what streamed since)."""
        if text == self.plain and self.segments:
            self.changed_from = None
            return
        before = [(seg, seg.top - seg.gap) for seg in self.segments]
        self.plain = text
        html = self.renderer.render(text) if text else "…"  # a reply that has not started yet
        if self.renderer.cache_drops != self._drops:  # not a continuation: lay everything out again
            self._drops = self.renderer.cache_drops
            self._stack, self._stable_len, self._stable_src, self._tail, self._pieces = [], 0, 0, [], []
        self._single = None
        self.html = html
        stable = self.renderer.stable_html
        if len(stable) > self._stable_len:
            done = self.renderer.cached_chars
            piece = _strip(stable[self._stable_len:])
            closed = self._closed_fence(piece, done)
            self._tail, self._pieces, self._fence = [], [], None
            if closed is not None:  # a code block laid out in pieces has ended: they stay
                for seg in closed:
                    self._append(self._stack, seg, seam=seg.seam)
            else:
                self._append(self._stack, Segment(self._html_document(piece), piece, (self._stable_src, done)))
            self._stable_len, self._stable_src = len(stable), done
        tail_html = _strip(html[self._stable_len:])
        fence = self.renderer.open_fence if text else None
        tail = self._fence_tail(fence, tail_html) if fence is not None else None
        if tail is None:
            self._pieces = []
            if not (len(self._tail) == 1 and self._tail[0].html == tail_html):
                self._tail = []
                if tail_html.strip():
                    source = (self._stable_src, len(markdown_normalize(text)))
                    self._append(self._tail, Segment(self._html_document(tail_html), tail_html, source))
        else:
            self._tail = tail
        self.segments = self._stack + self._tail
        self._restack()
        self.changed_from = self._first_change(before)

    def _fence_tail(self, fence: markdown.OpenFence, tail_html: str) -> list[Segment] | None:
        """The tail as [what precedes the fence,] the fence's pieces and its live last piece; None
        to lay the tail out as one document."""
        table = self.renderer.renderer.code_table
        if len(fence.lines) < self.PIECE_LINES + self.FREEZE_LAG:
            return None
        if _strip(fence.before + table(fence.language, fence.number, "\n".join(fence.lines))) != tail_html:
            log.warning("An open code block's pieces do not add up to its table; laying it out whole")
            return None
        lines, source = fence.lines, fence.code.split("\n")
        kept: list[_Piece] = []
        for piece in self._pieces:  # still showing what the lines now are?
            if piece.number != fence.number or "\n".join(lines[piece.first:piece.end]) != piece.body:
                break
            kept.append(piece)
        self._pieces = kept
        start = kept[-1].end if kept else 0
        if not kept:
            self._code_width = 0.0
        while len(lines) - start >= self.PIECE_LINES + self.FREEZE_LAG:
            end = start + self.PIECE_LINES
            # Qt's HTML drops an empty first or last line of a <pre>: cut between two written lines.
            while end < len(lines) - self.FREEZE_LAG and not (source[end - 1].strip() and source[end].strip()):
                end += 1
            if end >= len(lines) - self.FREEZE_LAG:
                break
            seg = self._piece(fence, start, end, last=False)
            self._pieces.append(_Piece(fence.number, start, end, "\n".join(lines[start:end]), seg))
            start = end
        if not self._pieces:
            return None
        self._fence = fence
        out: list[Segment] = []
        if fence.before.strip():
            before = _strip(fence.before)
            old = self._tail[0] if self._tail and self._tail[0].html == before else None
            self._append(out, old or Segment(self._html_document(before), before, (self._stable_src, fence.start)))
        for piece in self._pieces:
            self._append(out, piece.seg, seam=piece.first > 0)
        live_html = table(fence.language, fence.number, "\n".join(lines[start:]), first=False, last=True)
        old = self._tail[-1] if self._tail and self._tail[-1].html == live_html else None
        live = old or self._piece(fence, start, len(lines), last=True)
        self._append(out, live, seam=True)
        self._fit([piece.seg for piece in self._pieces] + [live])
        return out

    def _closed_fence(self, finished: str, done: int) -> list[Segment] | None:
        """The segments for ``finished`` (HTML that just became stable) when it is the code block
        the pieces were showing, now closed: its pieces and a last piece for the lines after them,
        instead of laying the whole table out again (~50 ms for 300 lines). None otherwise."""
        fence = self._fence
        if fence is None or not self._pieces or not self._tail:
            return None
        table = self.renderer.renderer.code_table
        # Closing the fence removes at most the unfinished last line (a "``" that was code).
        for drop in (0, 1):
            lines = fence.lines[:len(fence.lines) - drop]
            if len(lines) > self._pieces[-1].end and finished == _strip(fence.before + table(fence.language, fence.number, "\n".join(lines))):
                break
        else:
            return None
        closed = replace(fence, lines=lines, code="\n".join(fence.code.split("\n")[:len(lines)]))
        out = [self._tail[0]] if fence.before.strip() else []
        out += [piece.seg for piece in self._pieces]
        last = self._piece(closed, self._pieces[-1].end, len(lines), last=True)
        last.seam, last.source = True, (last.source[0], done)
        out.append(last)
        self._fit(out[-len(self._pieces) - 1:])
        return out

    def _fit(self, pieces: list[Segment]) -> None:
        """Give a code block's pieces one width, the block's: a line wider than the message widens
        the whole table (it scrolls sideways), so every piece is laid out at the widest one's
        width (``_code_width``); at the message's width otherwise. A piece is laid out again only
        when that width grows."""
        widest = max(float(self.width), self._code_width)
        for seg in pieces:
            if seg.doc.textWidth() != widest:
                seg.doc.setTextWidth(widest)

    def set_width(self, width: int) -> None:
        if width == self.width:
            return
        super().set_width(width)
        pieces = [piece.seg for piece in self._pieces] + ([self._tail[-1]] if self._pieces and self._tail else [])
        if pieces:
            self._code_width = max(seg.doc.size().width() for seg in pieces)
            self._fit(pieces)
            self._restack()

    def _piece(self, fence: markdown.OpenFence, first: int, end: int, last: bool) -> Segment:
        """Lines [first, end) of ``fence`` as a laid-out piece of its table."""
        html = self.renderer.renderer.code_table(fence.language, fence.number, "\n".join(fence.lines[first:end]),
                                                 first=first == 0, last=last)
        start = fence.start if first == 0 else fence.line_start(first)
        stop = len(markdown_normalize(self.plain)) if last else fence.line_start(end)
        # Laid out at the block's width so far; a wider line makes it the new width (``_fit``).
        seg = Segment(self._html_document(html, self._code_width), html, (start, stop))
        self._code_width = max(self._code_width, seg.doc.size().width())
        return seg

    def _first_change(self, before: list[tuple[Segment, float]]) -> float | None:
        """The top of the first segment that differs from ``before`` (segments in front of it
        kept their documents and places), or None when all are the same."""
        for i in range(max(len(before), len(self.segments))):
            old = before[i] if i < len(before) else None
            new = self.segments[i] if i < len(self.segments) else None
            if old is None or new is None or old[0] is not new:
                tops = [t for t in (old[1] if old else None, new.top - new.gap if new else None) if t is not None]
                return max(0.0, min(tops))
        return None

    def _append(self, stack: list[Segment], seg: Segment, seam: bool = False) -> None:
        """Put ``seg`` after the last segment of ``stack`` (or of the stable ones), with the gap
        between them: none at a seam between pieces of one code block."""
        prev = stack[-1] if stack else (self._stack[-1] if self._stack and stack is not self._stack else None)
        seg.seam = seam
        if seam:
            seg.gap = 0.0
        elif prev is not None:
            if prev.end_edge is None:
                prev.end_edge = _edge(prev.doc, last=True)
            # The gap depends only on how the two documents meet (the formats at their edges):
            # measured by laying out the pair the first time such a meeting occurs, then known.
            key = (self.font.key(), prev.end_edge, _edge(seg.doc, last=False))
            gap = _GAPS.get(key)
            if gap is None:
                pair = self._html_document(prev.html + "\n" + seg.html).size().height()
                gap = _GAPS[key] = max(0.0, pair - prev.doc.size().height() - seg.doc.size().height())
            seg.gap = gap
        stack.append(seg)


class BodyCache:
    """Bodies by message, for (text, width, theme); streamed replies keep their stacks.

    Heights are kept apart, for many more messages than bodies: the list view measures every row
    again whenever rows are inserted above (an older page while scrolling up), and a measured row
    must not need its document rebuilt for that (measured: a 430 ms frame when it did).
    """

    def __init__(self) -> None:
        self._bodies: OrderedDict[int, tuple[tuple, Body]] = OrderedDict()
        self._heights: OrderedDict[int, tuple[tuple, float]] = OrderedDict()
        self.last_stream_update_ms = 0.0  # what the last streamed text cost to lay out

    def clear(self) -> None:
        self._bodies.clear()
        self._heights.clear()

    def height(self, rec: MessageRecord, width: int, font: QFont, theme: str) -> float:
        key = (rec.content, theme, font.key(), _kind(rec), max(50, width))
        known = self._heights.get(rec.id)
        if known is not None and known[0] == key:
            return known[1]
        value = self.body(rec, width, font, theme).height
        self._heights[rec.id] = (key, value)
        if len(self._heights) > MAX_HEIGHTS:
            self._heights.popitem(last=False)
        return value

    def peek(self, message_id: int) -> Body | None:
        entry = self._bodies.get(message_id)
        return entry[1] if entry else None

    def body(self, rec: MessageRecord, width: int, font: QFont, theme: str) -> Body:
        width = max(50, width)
        text = rec.content
        entry = self._bodies.get(rec.id)
        if entry is not None:
            key, body = entry
            self._bodies.move_to_end(rec.id)
            if key == (text, theme, font.key(), _kind(rec)):
                body.set_width(width)
                return body
            if isinstance(body, StreamBody) and key[1:] == (theme, font.key(), _kind(rec)) and rec.role == "assistant" and (
                rec.status == Status.STREAMING or text.startswith(body.plain)
            ):
                body.set_width(width)
                start = time.perf_counter()
                body.update(text)
                self.last_stream_update_ms = (time.perf_counter() - start) * 1000
                self._bodies[rec.id] = ((text, theme, font.key(), _kind(rec)), body)
                return body
        body = self._make(rec, width, font, theme)
        self._bodies[rec.id] = ((text, theme, font.key(), _kind(rec)), body)
        while len(self._bodies) > MAX_BODIES:
            self._bodies.popitem(last=False)
        return body

    @staticmethod
    def _make(rec: MessageRecord, width: int, font: QFont, theme: str) -> Body:
        if rec.role == "assistant" and rec.status == Status.STREAMING:
            stream = StreamBody(font, width, theme)
            stream.update(rec.content)
            return stream
        body = Body(font, width, rec.role)
        body.plain = rec.content
        doc = body.new_document()
        if rec.role == "assistant":
            try:
                body.html = markdown.render(rec.content, target="qt", theme=theme, labels=code_labels())
                doc.setHtml(_strip(body.html) + sources_html(rec))
            except Exception:  # a renderer bug must not take the view down: show the reply as text
                log.exception("Could not render message %s as Markdown; showing it as plain text", rec.id)
                body.html = ""
                doc.setPlainText(rec.content)
        else:
            doc.setPlainText(rec.content)  # as typed: no Markdown, every line break kept
        body.set_single(doc)
        return body
