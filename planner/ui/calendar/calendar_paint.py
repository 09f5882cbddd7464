"""The calendar's timeline laid out once per change or resize, and painted from that layout."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QStaticText,
)

from planner.domain.anumber import format_a_number
from planner.domain.judge import WEEKDAY_NAMES, Session
from planner.domain.time_off import Leave
from planner.domain.vocabulary import HearingKind, HearingMedium, HearingStatus, SessionKind
from planner.scheduling.days import DayState, DaySummary
from planner.store.agenda import CalendarEntry
from planner.ui.calendar.master_row import compact_row
from planner.ui.calendar.static_texts import StaticTexts, strike_static
from planner.ui.common.colours import LIGHT, SESSION_BAND_SHARE, Colours, blend
from planner.ui.common.theme import current_colours

GUTTER = 52  # the hours column
HEADER = 40  # day names and their state
MIN_LANE = 24  # narrowest lane before overlapping hearings stop splitting the column
MIN_LIST_COLUMN = 380  # narrowest column of a master calendar's list before it takes another
READABLE_MINUTES = 5  # a shorter hearing is drawn as tall as a 5-minute one is

# The colours of each theme live in planner/ui/common/colours.py; these are the light theme's,
# for the tests and the modules that name them.
HEARING_COLOURS: dict[HearingKind, tuple[str, str]] = {
    kind: (LIGHT.hearing_fill[kind], LIGHT.hearing_border[kind]) for kind in HearingKind
}
SESSION_TINTS: dict[SessionKind, str] = LIGHT.session_tint
CONFLICT = LIGHT.conflict
GHOST_OK = LIGHT.ghost_ok
DAY_OFF = LIGHT.day_off


@dataclass(frozen=True, slots=True)
class Block:
    """A hearing where it is drawn, with the lines of its label (first the A-number)."""

    id: int
    rect: QRectF
    label: tuple[str, ...]  # A-number with markers, name, language and kind
    lines: tuple[str, ...]  # the label as drawn: elided, on one line in a short block
    kind: HearingKind
    status: HearingStatus
    conflict: bool
    entry: CalendarEntry = field(repr=False, compare=False)
    reasons: tuple[str, ...] = field(default=(), repr=False, compare=False)
    names: bool = field(default=True, repr=False, compare=False)
    #: The label as painted: (where, the text laid out once, which of ``Scene.fonts``).
    texts: tuple[tuple[QPointF, QStaticText, int], ...] = field(
        default=(), repr=False, compare=False
    )
    #: A row of a master calendar's list (a place in the order of call, not a time).
    listed: bool = field(default=False, repr=False, compare=False)

    @property
    def tooltip(self) -> str:
        """Written when asked (on hover), not for every block at every layout."""
        return _tooltip(self.entry, self.reasons, self.names)


@dataclass(frozen=True, slots=True)
class Band:
    """A background rectangle: a template session, or leave, a holiday or a closure (``shade``)."""

    rect: QRectF
    text: str
    colour: str
    shade: bool = False


@dataclass(frozen=True, slots=True)
class Tag:
    """A band's label where it is drawn: a session's kind, a day off's name. Placed at layout
    where no hearing block is, or left out (the band's tooltip names it then)."""

    rect: QRectF
    text: str  # elided to the band's width
    colour: str  # the band's colour, for the outline


@dataclass(frozen=True, slots=True)
class DayHead:
    day: date
    rect: QRectF
    text: str
    state: str  # the holiday's name, the closure's reason, "On leave", ... or ""
    today: bool


@dataclass(frozen=True, slots=True)
class Scene:
    """Everything the timeline paints, in widget coordinates."""

    heads: tuple[DayHead, ...] = ()
    bands: tuple[Band, ...] = ()
    blocks: tuple[Block, ...] = ()
    fonts: tuple[QFont, QFont, QFont] | None = None  # plain, bold, struck: the blocks' texts
    hours: tuple[tuple[float, str], ...] = ()  # (y, "09:00")
    columns: tuple[float, ...] = ()  # x of each column's left edge, and the right edge last
    now_line: tuple[float, float, float] | None = None  # (y, x0, x1)
    days: tuple[date, ...] = ()
    first_minute: int = 0  # the minute of the day at ``top``
    top: float = 0.0
    per_minute: float = 1.0  # pixels
    tags: tuple[Tag, ...] = ()  # the bands' labels, clear of every block

    def band_at(self, point: QPointF) -> Band | None:
        """The band under ``point`` (the last drawn), or None."""
        return next((b for b in reversed(self.bands) if b.rect.contains(point)), None)

    def day_at(self, x: float) -> date | None:
        """The day of the column at ``x``, or None left of the hours or right of the last day."""
        for i, day in enumerate(self.days):
            if self.columns[i] <= x < self.columns[i + 1]:
                return day
        return None

    def minute_at(self, y: float) -> float:
        """The minute of the day at ``y`` (not clamped)."""
        return self.first_minute + (y - self.top) / self.per_minute

    def slot_rect(self, day: date, minute: int, minutes: int) -> QRectF:
        """Where a hearing of ``day`` from ``minute`` for ``minutes`` is drawn, column-wide."""
        i = self.days.index(day)
        x0, x1 = self.columns[i], self.columns[i + 1]
        y0 = self.top + (minute - self.first_minute) * self.per_minute
        return QRectF(x0 + 2, y0, x1 - x0 - 4, max(3.0, minutes * self.per_minute - 1))


@dataclass(frozen=True, slots=True)
class Ghost:
    """Where a dragged hearing would land: its rectangle, its times, and why not when refused."""

    rect: QRectF
    text: str  # "Wed 25 Nov 09:15-09:30"
    refusal: str | None = None


def _minute(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def entry_lines(entry: CalendarEntry, names: bool = True) -> tuple[str, ...]:
    """A-number with its D (detained), R (represented) and V or T (appears by video or by
    telephone: seen on the shortest block) markers, then name (unless hidden), then language,
    kind and a remote medium."""
    markers = " ".join(
        m
        for m, on in (
            ("D", entry.detained),
            ("R", entry.represented),
            ("V", entry.medium is HearingMedium.VIDEO),
            ("T", entry.medium is HearingMedium.TELEPHONE),
        )
        if on
    )
    first = format_a_number(entry.a_number) + (f"  {markers}" if markers else "")
    status = "" if entry.status is HearingStatus.SCHEDULED else f" ({entry.status.value})"
    medium = f" · {entry.medium.value}" if entry.medium.remote else ""  # "video", "telephone"
    kind = f"{entry.language} · {entry.kind.value.replace('_', ' ')}{medium}{status}"
    return (first, entry.name, kind) if names else (first, kind)


def _tooltip(entry: CalendarEntry, reasons: Sequence[str], names: bool = True) -> str:
    flags = [
        w for w, on in (("detained", entry.detained), ("represented", entry.represented)) if on
    ]
    text = (
        f"{format_a_number(entry.a_number)}{f' {entry.name}' if names else ''}\n"
        f"{entry.start:%a %d %b %H:%M}-{entry.end:%H:%M} {entry.kind.value.replace('_', ' ')} "
        f"hearing, {entry.status.value}\n{entry.language}"
        + (f", {', '.join(flags)}" if flags else "")
        + (f"\nAttorney: {entry.attorney}" if entry.attorney else "")
        + _medium_tip(entry)
        + (f"\nAdjourned: {entry.adjournment_reason}" if entry.adjournment_reason else "")
    )
    return text + "".join(f"\nConflict: {reason}" for reason in reasons)


def _medium_tip(entry: CalendarEntry) -> str:
    due = entry.hearing().remote_request_due
    if due is None:
        return "\nIn person"
    words = entry.medium.words
    return f"\n{words[:1].upper()}{words[1:]}: the request to appear remotely is due {due:%a %d %b}"


def _lanes(entries: list[CalendarEntry]) -> list[tuple[CalendarEntry, int, int]]:
    """Each entry with its lane and the number of lanes of its cluster of overlapping entries."""
    placed: list[tuple[CalendarEntry, int, int]] = []
    cluster: list[tuple[CalendarEntry, int]] = []
    lane_ends: list[datetime] = []
    cluster_end: datetime | None = None

    def close() -> None:
        placed.extend((e, lane, len(lane_ends)) for e, lane in cluster)

    for entry in sorted(entries, key=lambda e: (e.start, e.id)):
        if cluster_end is not None and entry.start >= cluster_end:
            close()
            cluster, lane_ends, cluster_end = [], [], None
        lane = next((i for i, end in enumerate(lane_ends) if end <= entry.start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(entry.end)
        else:
            lane_ends[lane] = entry.end
        cluster.append((entry, lane))
        cluster_end = entry.end if cluster_end is None else max(cluster_end, entry.end)
    close()
    return placed


def hour_range(
    days: Sequence[date], sessions: Iterable[Session], entries: Iterable[CalendarEntry]
) -> tuple[int, int]:
    """First and last minute shown: 08:00-17:00 widened to whole hours around what is shown."""
    weekdays = {day.weekday() for day in days}
    starts, ends = [8 * 60], [17 * 60]
    for s in sessions:
        if s.weekday in weekdays:
            starts.append(s.start.hour * 60 + s.start.minute)
            ends.append(s.end.hour * 60 + s.end.minute)
    for e in entries:
        starts.append(_minute(e.start))
        ends.append(min(24 * 60, _minute(e.start) + e.minutes))
    return min(starts) // 60 * 60, min(24 * 60, -(-max(ends) // 60) * 60)


def readable_height(
    days: Sequence[date],
    sessions: Sequence[Session],
    entries: Sequence[CalendarEntry],
    metrics: QFontMetrics,
) -> float:
    """The timeline height at which the shortest hearing drawn as a block on show (not a row of
    a master calendar's list: list_height sees to those) is a line of text high, so that no
    label is cut or overlaps the next: a dense master session of 15-minute hearings on a short
    screen scrolls rather than squeezing its A-numbers into one another."""
    listed = [(s.weekday, s.start, s.end) for s in sessions if s.case_limit is not None]
    shown = set(days)
    shortest = min(
        (
            e.minutes
            for e in entries
            if e.start.date() in shown
            and not any(
                w == e.start.weekday() and start <= e.start.time() < end for w, start, end in listed
            )
        ),
        default=None,
    )
    if shortest is None:
        return 0.0
    per_minute = (metrics.height() + 3) / max(READABLE_MINUTES, shortest)
    first, last = hour_range(days, sessions, entries)
    return HEADER + 6 + 8 + (last - first) * per_minute


def build_scene(
    rect: QRectF,
    days: Sequence[date],
    sessions: Sequence[Session],
    entries: Sequence[CalendarEntry],
    summaries: dict[date, DaySummary],
    leave: Sequence[Leave],
    conflicts: dict[int, list[str]],
    now: datetime,
    metrics: QFontMetrics,
    names: bool = True,
    *,
    font: QFont,
    texts: StaticTexts | None = None,
) -> Scene:
    """Lay out the timeline of ``days`` in ``rect``; nothing is computed again when painting.

    The blocks' labels are laid out for the paint here too, in ``font`` (the one ``metrics``
    measures), as static texts kept in ``texts`` while they recur (a resize, a reload)."""
    if not days:
        return Scene()
    fonts = _block_fonts(font)
    keys = tuple(f.key() for f in fonts)
    bold_metrics = QFontMetrics(fonts[1])
    texts = texts if texts is not None else StaticTexts()
    first, last = hour_range(days, sessions, entries)
    top, bottom = rect.top() + HEADER + 6, rect.bottom() - 8
    per_minute = max(0.1, (bottom - top) / max(60, last - first))
    width = (rect.width() - GUTTER) / len(days)
    columns = tuple(rect.left() + GUTTER + i * width for i in range(len(days) + 1))

    def y(minute: float) -> float:
        return top + (minute - first) * per_minute

    colours = current_colours()
    heads: list[DayHead] = []
    bands: list[Band] = []
    blocks: list[Block] = []
    tags: list[Tag] = []
    by_day: dict[date, list[CalendarEntry]] = {}
    for entry in entries:
        by_day.setdefault(entry.start.date(), []).append(entry)
    for i, day in enumerate(days):
        x0, x1 = columns[i], columns[i + 1]
        summary = summaries.get(day)
        state = summary.state if summary else DayState.WORKDAY
        label = "" if state is DayState.WORKDAY or summary is None else summary.label
        label = label[:1].upper() + label[1:]
        heads.append(
            DayHead(
                day,
                QRectF(x0, rect.top(), x1 - x0, HEADER),
                f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {day:%b}",
                label,
                day == now.date(),
            )
        )
        off = state in (DayState.HOLIDAY, DayState.CLOSURE, DayState.LEAVE)
        day_bands = len(bands)
        listed: list[tuple[QRectF, Session, list[CalendarEntry]]] = []
        todays = by_day.get(day, [])
        for s in sessions:
            if s.weekday == day.weekday() and not off:
                band = QRectF(x0, y(_minute_of(s.start)), x1 - x0, s.minutes * per_minute)
                text = s.kind.value.replace("_", " ") + (f" · {s.language}" if s.language else "")
                if s.case_limit is not None:
                    called = [e for e in todays if s.start <= e.start.time() < s.end]
                    text += f" · {len(called)}/{s.case_limit} cases"
                    listed.append((band, s, called))
                bands.append(Band(band, text, colours.session_tint[s.kind]))
        if off:
            bands.append(
                Band(QRectF(x0, top, x1 - x0, bottom - top), label, colours.day_off[state], True)
            )
        else:
            for m0, m1, kind in _leave_minutes(leave, day):
                m0, m1 = max(first, m0), min(last, m1)
                if m1 > m0:
                    box = QRectF(x0, y(m0), x1 - x0, (m1 - m0) * per_minute)
                    leave_colour = colours.day_off[DayState.LEAVE]
                    bands.append(Band(box, f"Leave ({kind})", leave_colour, True))
        day_blocks = len(blocks)
        in_lists = {id(e) for _band, _s, called in listed for e in called}
        for band, session, called in listed:
            blocks += _list_blocks(
                band, session, called, conflicts, names, metrics, bold_metrics, fonts, keys, texts
            )
        for entry, lane, lanes in _lanes([e for e in todays if id(e) not in in_lists]):
            lanes = max(1, min(lanes, int((x1 - x0 - 4) // MIN_LANE)))
            lane = min(lane, lanes - 1)
            lane_w = (x1 - x0 - 4) / lanes
            box = QRectF(
                x0 + 2 + lane * lane_w,
                y(_minute(entry.start)),
                lane_w - 1,
                max(3.0, entry.minutes * per_minute - 1),
            )
            reasons = tuple(conflicts.get(entry.id, ()))
            entry_label = entry_lines(entry, names)
            lines = _fit_lines(entry_label, box, metrics, texts, keys[0])
            placed = _place_texts(
                entry, entry_label, lines, box, fonts, keys, metrics, bold_metrics, texts
            )
            lines = _drawn_lines(lines, placed)
            blocks.append(
                Block(
                    entry.id,
                    box,
                    entry_label,
                    lines,
                    entry.kind,
                    entry.status,
                    bool(reasons),
                    entry,
                    reasons,
                    names,
                    placed,
                )
            )
        boxes = [b.rect for b in blocks[day_blocks:]]
        for kept in bands[day_bands:]:
            tag = _place_tag(kept, boxes, metrics)
            if tag is not None:
                tags.append(tag)
    hours = tuple((y(m), f"{m // 60:02d}:00") for m in range(first, last + 1, 60))
    now_line = None
    if now.date() in days and first <= _minute(now) <= last:
        i = list(days).index(now.date())
        now_line = (y(_minute(now)), columns[i], columns[i + 1])
    return Scene(
        tuple(heads),
        tuple(bands),
        tuple(blocks),
        fonts,
        hours,
        columns,
        now_line,
        tuple(days),
        first,
        top,
        per_minute,
        tuple(tags),
    )


def list_height(
    days: Sequence[date],
    sessions: Sequence[Session],
    entries: Sequence[CalendarEntry],
    width: float,
    metrics: QFontMetrics,
) -> float:
    """The timeline height at which every master calendar on show lists its cases one whole
    line each (columns side by side where the day is wide): what build_scene then lays out."""
    if not days:
        return 0.0
    line = metrics.height() + 4
    column = (width - GUTTER) / len(days) - 4
    most = max(1, int(column // MIN_LIST_COLUMN))
    per_minute = 0.0
    for day in days:
        for s in sessions:
            if s.weekday != day.weekday() or s.case_limit is None:
                continue
            count = sum(
                1 for e in entries if e.start.date() == day and s.start <= e.start.time() < s.end
            )
            if count:
                rows = -(-count // min(most, count))
                per_minute = max(per_minute, ((rows + 1) * line + 2) / s.minutes)
    if not per_minute:
        return 0.0
    first, last = hour_range(days, sessions, entries)
    return HEADER + 6 + 8 + (last - first) * per_minute


def _list_blocks(
    band: QRectF,
    session: Session,
    called: list[CalendarEntry],
    conflicts: dict[int, list[str]],
    names: bool,
    metrics: QFontMetrics,
    bold_metrics: QFontMetrics,
    fonts: tuple[QFont, QFont, QFont],
    keys: tuple[str, ...],
    texts: StaticTexts,
) -> list[Block]:
    """A master calendar's cases as a list in its band, in the order of call: one row each
    (call time at the first of its call, place, A-number with D and R, name, language), under
    a first line left for the band's label. Rows are one line high; when they do not fit in
    one column they take more side by side (a wide day), and only past that are they squeezed."""
    if not called:
        return []
    line = metrics.height() + 4
    area = band.adjusted(2, line, -2, -1)
    count = len(called)
    rows = max(1, int(area.height() // line))
    most = max(1, int(area.width() // MIN_LIST_COLUMN))
    columns = min(most, -(-count // rows))
    rows = -(-count // columns)
    row_h = min(float(line), area.height() / rows) if area.height() > 0 else float(line)
    col_w = area.width() / columns
    found: list[Block] = []
    previous: time | None = None
    for place, entry in enumerate(sorted(called, key=lambda e: (e.start, e.id))):
        column, row = divmod(place, rows)
        box = QRectF(
            area.left() + column * col_w,
            area.top() + row * row_h,
            col_w - 2,
            max(3.0, row_h - 1),
        )
        lines = entry_lines(entry, names)
        if entry.kind is HearingKind.MASTER and entry.status is HearingStatus.SCHEDULED:
            lines = (*lines[:-1], entry.language)  # the session says "master"
        call = entry.start.time()
        head = f"{call:%H:%M} " if call != previous else ""
        previous = call
        # Two parts, for one line: the place and A-number in bold, then name · language.
        label = (f"{head}{place + 1}. {lines[0].replace('  ', ' ')}", " · ".join(lines[1:]))
        one = _fit_lines(
            label, QRectF(box.topLeft(), QSizeF(box.width(), line - 2)), metrics, texts, keys[0]
        )
        whole = bold_metrics.horizontalAdvance(label[0] + "  ") + metrics.horizontalAdvance(
            label[1]
        )
        if whole <= box.width() - 6:
            placed = _place_texts(entry, label, one, box, fonts, keys, metrics, bold_metrics, texts)
        else:  # a narrow day: place, D R, name and language before the whole A-number
            placed = compact_row(
                entry,
                head.strip().lstrip("0"),  # "8:30": a little room for the name
                place + 1,
                names,
                box,
                fonts,
                keys,
                metrics,
                bold_metrics,
                texts,
            )
            one = tuple(text.text() for _, text, _ in placed)
        reasons = tuple(conflicts.get(entry.id, ()))
        found.append(
            Block(
                entry.id,
                box,
                label,
                one,
                entry.kind,
                entry.status,
                bool(reasons),
                entry,
                reasons,
                names,
                placed,
                listed=True,
            )
        )
    return found


def _place_tag(band: Band, boxes: Sequence[QRectF], metrics: QFontMetrics) -> Tag | None:
    """Where ``band``'s label goes so that it covers no block of ``boxes``: at the band's top
    (a session's at the right, a long day off's centred), else just below a block, else at the
    band's bottom; None when no such place is free (the band's tooltip still names it)."""
    area = band.rect.adjusted(6, 2, -3, -2)
    label = metrics.elidedText(band.text, Qt.TextElideMode.ElideRight, int(area.width()))
    if not label:
        return None
    centred = band.shade and band.rect.height() > 120
    if centred:
        area = area.adjusted(0, 10, 0, 0)
        size = QSizeF(metrics.horizontalAdvance(label) + 10, metrics.height() + 2)
    else:
        size = QSizeF(metrics.horizontalAdvance(label) + 8, metrics.height())
    left = area.center().x() - size.width() / 2 if centred else area.right() - size.width()
    near = [box for box in boxes if box.intersects(band.rect)]
    tops = [area.top(), *sorted(box.bottom() + 2 for box in near)]
    tops.append(area.bottom() - size.height())
    for i, top in enumerate(tops):
        tag = QRectF(QPointF(left, top), size)
        fits = i == 0 or (area.top() <= top and tag.bottom() <= area.bottom())
        if fits and not any(tag.intersects(box) for box in boxes):  # a short band's tag overhangs
            return Tag(tag, label, band.colour)
    return None


def _minute_of(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _leave_minutes(leave: Sequence[Leave], day: date) -> list[tuple[int, int, str]]:
    """The minutes of ``day`` each stretch of leave covers, with its kind."""
    midnight = datetime.combine(day, time())
    found = []
    for stretch in leave:
        start = max(stretch.start, midnight)
        end = min(stretch.end, midnight + timedelta(days=1))
        if end > start:
            found.append(
                (
                    _minute(start),
                    _minute(start) + int((end - start).total_seconds() // 60),
                    stretch.kind.value,
                )
            )
    return found


def _fit_lines(
    lines: tuple[str, ...], box: QRectF, metrics: QFontMetrics, texts: StaticTexts, key: str
) -> tuple[str, ...]:
    """As many label lines as fit the block, elided; a short block gets them on one line.
    ``key`` is the font's ``key()``, for the elisions ``texts`` keeps."""
    room = int((box.height() - 2) // metrics.height())
    width = int(box.width() - 6)
    if room <= 1:
        return (texts.elided("  ".join(lines), width, metrics, key),)
    return tuple(texts.elided(t, width, metrics, key) for t in lines[:room])


#: The A-number's last characters kept when it does not fit whole: "…680-159" (issue 21).
A_NUMBER_TAIL = 7


def head_forms(head: str, a_number: str) -> tuple[str, ...]:
    """A block's first line, "A652-680-159  D R", then shorter forms of it for a narrow block,
    each marked where it was cut: "A652-680-159 D R", "…680-159 D R" (the A-number's last
    seven, what a clerk reads it by, and the markers kept), "…159 D R". The last, if it still
    does not fit, is elided. The tooltip and the accessible text keep everything whole."""
    if not head.startswith(a_number):  # a master calendar's row ("08:30 1. A…"): as it is
        return (head,)
    markers = head[len(a_number) :].strip()
    tail = f" {markers}" if markers else ""
    forms = [head, a_number + tail]
    for keep in (A_NUMBER_TAIL, 3):
        forms.append(f"…{a_number[-keep:]}{tail}")
    return tuple(dict.fromkeys(forms))


def _drawn_lines(
    lines: tuple[str, ...], placed: Sequence[tuple[QPointF, QStaticText, int]]
) -> tuple[str, ...]:
    """The label's lines as drawn: the first line's head as shortened to fit (``placed``)."""
    if not placed or not lines or not lines[0]:
        return lines
    drawn = [text.text() for _, text, _ in placed]
    if len(lines) == 1:
        return ("  ".join(drawn),)
    return (drawn[0], *lines[1:])


def _block_fonts(font: QFont) -> tuple[QFont, QFont, QFont]:
    """The blocks' fonts: plain, bold (the A-number) and struck out (an adjourned A-number)."""
    plain = QFont(font)
    bold, struck = QFont(plain), QFont(plain)
    bold.setBold(True)
    struck.setStrikeOut(True)
    return plain, bold, struck


def _place_texts(
    entry: CalendarEntry,
    label: tuple[str, ...],
    lines: tuple[str, ...],
    box: QRectF,
    fonts: tuple[QFont, QFont, QFont],
    keys: tuple[str, ...],
    metrics: QFontMetrics,
    bold_metrics: QFontMetrics,
    texts: StaticTexts,
) -> tuple[tuple[QPointF, QStaticText, int], ...]:
    """Where each line of a block's label goes, laid out once: the paint only draws glyphs.

    The first line (A-number and markers) is bold, struck out when the hearing is adjourned; a
    short block gets the A-number and then the rest, elided to what is left, on one line."""
    first = 2 if entry.status is HearingStatus.ADJOURNED else 1
    height = metrics.height()
    left, top = box.left() + 3, box.top() + 1
    width = box.width() - 6

    def at(text: str, font: int, x: float, y: float) -> tuple[QPointF, QStaticText, int]:
        static = texts.get(text, fonts[font], keys[font])
        # Centred on the line, as drawText(AlignVCenter) placed it.
        return QPointF(x, y + (height - static.size().height()) / 2), static, font

    room = int(max(0.0, width))
    # The first line in bold: the A-number and its markers, shortened in steps (head_forms).
    forms = head_forms(label[0], format_a_number(entry.a_number))
    head = next((f for f in forms if bold_metrics.horizontalAdvance(f) <= room), None)
    if head is None:
        head = texts.elided(forms[-1], room, bold_metrics, keys[1])
    if len(lines) == 1 and len(label) > 1:
        placed = [at(head, first, left, top)]
        if head in forms and not head.startswith("…"):  # the A-number whole: then the rest
            advance = bold_metrics.horizontalAdvance(head + "  ")
            rest = texts.elided(
                "  ".join(label[1:]), int(max(0.0, width - advance)), metrics, keys[0]
            )
            if rest:
                placed.append(at(rest, 0, left + advance, top))
        return tuple(placed)
    return tuple(
        at(head if i == 0 else line, first if i == 0 else 0, left, top + i * height)
        for i, line in enumerate(lines)
        if line
    )


def paint_scene(painter: QPainter, scene: Scene, palette: QPalette, bounds: QRectF) -> None:
    """Paint a laid-out scene: bands, grid, hearings, conflicts, the today line, the headers.

    Every colour is opaque, mixed over the background in advance, and every line falls on whole
    pixels: translucent fills and lines cost several times as much on the raster engine."""
    colours = current_colours()
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    painter.fillRect(bounds, base)
    metrics = painter.fontMetrics()
    for band in scene.bands:
        share = 0.27 if band.shade else SESSION_BAND_SHARE  # opaque: measured by the contrast test
        painter.fillRect(band.rect, _colour(blend(band.colour, colours.base, share)))
        if band.shade:
            painter.fillRect(band.rect, QBrush(_colour(band.colour), Qt.BrushStyle.BDiagPattern))
        else:  # a stripe of the session's colour down the column's left edge
            stripe = QRectF(band.rect.left() + 1, band.rect.top(), 4, band.rect.height())
            painter.fillRect(stripe, _colour(band.colour))
    grid = QColor(text)
    grid.setAlpha(40)
    painter.setPen(QPen(_over(grid, base), 1))
    left, right = round(GUTTER + bounds.left()), round(bounds.right())
    top, bottom = round(bounds.top()), round(bounds.bottom())
    for y, _label in scene.hours:
        painter.drawLine(left, round(y), right, round(y))
    for x in scene.columns:
        painter.drawLine(round(x), top, round(x), bottom)
    painter.setPen(text)
    for y, label in scene.hours:
        painter.drawText(
            QRectF(bounds.left(), y - 8, GUTTER - 6, 16),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            label,
        )
    fonts = scene.fonts or _block_fonts(painter.font())
    for block in scene.blocks:
        _paint_block(painter, colours, block, fonts)
    painter.setFont(fonts[0])
    for tag in scene.tags:
        _paint_tag(painter, colours, tag)
    if scene.now_line is not None:
        y, x0, x1 = scene.now_line
        painter.setPen(QPen(QColor(colours.conflict), 2))
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))
        painter.setBrush(QColor(colours.conflict))
        painter.drawEllipse(QPointF(x0, y), 4, 4)
    _paint_heads(painter, scene.heads, palette, metrics)


_COLOURS: dict[str, QColor] = {}


def _colour(name: str) -> QColor:
    """``QColor(name)``, parsed once."""
    found = _COLOURS.get(name)
    if found is None:
        found = _COLOURS[name] = QColor(name)
    return found


def _over(colour: QColor, base: QColor) -> QColor:
    """``colour`` (translucent) painted over ``base`` (opaque), as one opaque colour."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * a + base.redF() * (1 - a),
        colour.greenF() * a + base.greenF() * (1 - a),
        colour.blueF() * a + base.blueF() * (1 - a),
    )


def _paint_tag(painter: QPainter, colours: Colours, tag: Tag) -> None:
    """A band's label in its tag, where the layout placed it."""
    painter.setPen(QPen(_colour(tag.colour), 1))
    painter.setBrush(_colour(colours.tag_fill))
    painter.drawRoundedRect(tag.rect, 3, 3)
    painter.setPen(_colour(colours.tag_text))
    painter.drawText(tag.rect, int(Qt.AlignmentFlag.AlignCenter), tag.text)


_STYLES: dict[tuple[str, HearingKind, bool, bool], tuple[QPen, QColor, QColor]] = {}


def _block_style(
    colours: Colours, kind: HearingKind, struck: bool, conflict: bool
) -> tuple[QPen, QColor, QColor]:
    """The outline, fill and text colour of a block, made once per theme, kind and state."""
    key = (colours.theme, kind, struck, conflict)
    found = _STYLES.get(key)
    if found is None:
        fill = colours.adjourned_fill if struck else colours.hearing_fill[kind]
        style = Qt.PenStyle.DashLine if struck else Qt.PenStyle.SolidLine
        border = QColor(colours.hearing_border[kind])
        pen = QPen(QColor(colours.conflict), 2.5) if conflict else QPen(border, 1, style)
        ink = QColor(colours.adjourned_text if struck else colours.hearing_text)
        found = _STYLES[key] = (pen, QColor(fill), ink)
    return found


def _paint_block(
    painter: QPainter, colours: Colours, block: Block, fonts: tuple[QFont, QFont, QFont]
) -> None:
    """A hearing: its kind's colours, a red outline for a conflict; an adjourned one plain,
    dashed and struck through (its text as readable as any other); its label as laid out
    (``Block.texts``)."""
    struck = block.status is HearingStatus.ADJOURNED
    pen, fill, ink = _block_style(colours, block.kind, struck, block.conflict)
    if struck:  # dashed, over an opaque fill of its own
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRect(block.rect)
    else:  # the outline as a filled frame: two fills cost less than a stroked rectangle
        rim = pen.widthF() / 2
        painter.fillRect(block.rect.adjusted(-rim, -rim, rim, rim), pen.color())
        painter.fillRect(block.rect.adjusted(rim, rim, -rim, -rim), fill)
    painter.setPen(ink)
    for where, static, font in block.texts:
        strike_static(painter, where, static, fonts[font])


def _paint_heads(
    painter: QPainter, heads: Sequence[DayHead], palette: QPalette, metrics: QFontMetrics
) -> None:
    for head in heads:
        background = palette.color(QPalette.ColorRole.Window)
        painter.fillRect(
            head.rect, palette.color(QPalette.ColorRole.Highlight) if head.today else background
        )
        colour = palette.color(
            QPalette.ColorRole.HighlightedText if head.today else QPalette.ColorRole.WindowText
        )
        painter.setPen(colour)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        top = head.rect.adjusted(4, 2, -4, -HEADER / 2)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignCenter), head.text)
        font.setBold(False)
        painter.setFont(font)
        if head.state:
            bottom = head.rect.adjusted(4, HEADER / 2 - 2, -4, -2)
            state = metrics.elidedText(head.state, Qt.TextElideMode.ElideRight, int(bottom.width()))
            painter.drawText(bottom, int(Qt.AlignmentFlag.AlignCenter), state)


def paint_sticky_heads(painter: QPainter, scene: Scene, palette: QPalette, top: float) -> None:
    """The day headings again at ``top``, the first line a scrolled timeline shows: the days
    stay named however far down a tall (zoomed, dense) day is scrolled."""
    if top <= 0 or not scene.heads:
        return
    painter.save()
    painter.translate(0, top)
    width = scene.columns[-1] if scene.columns else 0.0
    painter.fillRect(QRectF(0, 0, width, HEADER + 2), palette.color(QPalette.ColorRole.Window))
    _paint_heads(painter, scene.heads, palette, painter.fontMetrics())
    line = QColor(palette.color(QPalette.ColorRole.WindowText))
    line.setAlpha(90)
    painter.setPen(QPen(_over(line, palette.color(QPalette.ColorRole.Window)), 1))
    painter.drawLine(QPointF(0, HEADER + 1.5), QPointF(width, HEADER + 1.5))
    painter.restore()


def paint_selection(painter: QPainter, block: Block, palette: QPalette) -> None:
    """The selected hearing: a thick outline in the highlight colour, outside its block."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
    painter.drawRect(block.rect.adjusted(-2, -2, 2, 2))


def paint_focus(painter: QPainter, rect: QRectF, palette: QPalette) -> None:
    """The keyboard's focus: a dashed ring in the text colour (on the focused hearing, outside
    its selection outline, or round the days when none is selected), seen in every theme."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(palette.color(QPalette.ColorRole.WindowText), 2, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRect(rect.adjusted(1, 1, -1, -1))


def paint_ghost(painter: QPainter, ghost: Ghost, bounds: QRectF, metrics: QFontMetrics) -> None:
    """The dragged hearing where it would land: green when it may, red with the reason when not.

    The times go in the ghost; a refusal's reason goes in a red box just under it (above it near
    the bottom), where the eye already is.
    """
    colours = current_colours()
    colour = QColor(colours.ghost_ok if ghost.refusal is None else colours.conflict)
    fill = QColor(colour)
    fill.setAlpha(110)
    painter.setBrush(fill)
    painter.setPen(QPen(colour, 2.5))
    painter.drawRect(ghost.rect)
    painter.setPen(QColor(colours.ghost_tag_text))
    head = QRectF(ghost.rect.left() + 4, ghost.rect.top() + 1, ghost.rect.width() - 8, 16)
    label = metrics.elidedText(ghost.text, Qt.TextElideMode.ElideRight, int(head.width()))
    tag = QRectF(head.topLeft(), QSizeF(metrics.horizontalAdvance(label) + 6, metrics.height()))
    painter.fillRect(tag, QColor(colours.ghost_tag))
    painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), label)
    if ghost.refusal is None:
        return
    width = min(max(ghost.rect.width(), 240.0), bounds.width() - 8)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    needed = metrics.boundingRect(QRect(0, 0, int(width) - 12, 400), flags, ghost.refusal)
    box = QRectF(ghost.rect.left(), ghost.rect.bottom() + 4, width, needed.height() + 8)
    if box.bottom() > bounds.bottom():
        box.moveBottom(ghost.rect.top() - 4)
    if box.right() > bounds.right() - 4:
        box.moveRight(bounds.right() - 4)
    box.moveTop(max(bounds.top() + 2, box.top()))
    painter.setBrush(QColor(colours.conflict))
    painter.setPen(QPen(QColor(colours.conflict).darker(160), 1))
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(QColor(colours.on_conflict))
    painter.drawText(box.adjusted(6, 4, -6, -4), flags, ghost.refusal)
