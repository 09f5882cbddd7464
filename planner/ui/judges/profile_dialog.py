"""The dialog that edits every field of a judge's profile, with closures and leave."""

from collections.abc import Collection, Iterable
from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave, closure_problems
from planner.domain.vocabulary import DEFAULT_COUNTED_COMPLETIONS, CompletionKind
from planner.services.local_zone import local_zone
from planner.ui.judges.calendar_editor import CalendarEditor
from planner.ui.judges.field_error import FieldError, kind_label
from planner.ui.judges.general_form import GeneralForm
from planner.ui.judges.minutes_editor import MinutesEditor
from planner.ui.judges.template_editor import ExecDialog, TemplateEditor

COMPLETION_TIPS = {
    CompletionKind.REMOVAL_ORDER: "An order of removal after a hearing on the merits",
    CompletionKind.RELIEF_GRANTED: "Asylum, withholding, CAT, cancellation or adjustment granted",
    CompletionKind.VOLUNTARY_DEPARTURE: "Voluntary departure granted",
    CompletionKind.IN_ABSENTIA: "A removal order made in the respondent's absence",
    CompletionKind.TERMINATION: "Proceedings terminated",
    CompletionKind.DISMISSAL: "Proceedings dismissed",
    CompletionKind.CHANGE_OF_VENUE: "The case moved to another court",
    CompletionKind.TRANSFER: "The case moved to another judge",
    CompletionKind.ADMINISTRATIVE_CLOSURE: "Taken off the active calendar without a decision",
}
COMPLETIONS_NOTE = (
    "No public rule says which dispositions count toward the 700. EOIR's statistics have counted "
    "changes of venue, transfers and administrative closures; the defaults leave them out. "
    "The forecast names the rule it used."
)

#: Which table drives what (docs/forecast.md, "Demand"; planner/forecast/pools.py).
CASE_MINUTES_NOTE = (
    "The forecast's demand: a pending case without its own estimate still needs its kind's "
    "default minutes, and may shrink to its minimum at the floors."
)
HEARING_MINUTES_NOTE = (
    "How that work splits into hearings: the lengths the auto-scheduler books and its floors; "
    "the forecast uses them to seat the work in sessions and to say how much each hearing "
    "would have to shrink."
)


def _without_mnemonic(text: str) -> str:
    """A tab's text as shown: "&Closures && leave" reads "Closures & leave"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class CompletionsForm(QGroupBox):
    """Which completion kinds count toward the quota, one checkbox each."""

    def __init__(self, counted: Collection[CompletionKind], parent: QWidget | None = None):
        super().__init__("Completions that count toward the quota", parent)
        layout = QVBoxLayout(self)
        note = QLabel(COMPLETIONS_NOTE)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.boxes: dict[CompletionKind, QCheckBox] = {}
        for kind in CompletionKind:
            box = QCheckBox(kind_label(kind))
            box.setChecked(kind in counted)
            box.setToolTip(f"{COMPLETION_TIPS[kind]}; checked: it counts toward the quota")
            layout.addWidget(box)
            self.boxes[kind] = box
        self.defaults = QPushButton("Restore &defaults")
        self.defaults.setToolTip("Count decisions, in absentia orders, terminations, dismissals")
        self.defaults.setAutoDefault(False)
        self.defaults.clicked.connect(self.restore_defaults)
        row = QHBoxLayout()
        row.addWidget(self.defaults)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def counted(self) -> frozenset[CompletionKind]:
        return frozenset(kind for kind, box in self.boxes.items() if box.isChecked())

    def restore_defaults(self) -> None:
        for kind, box in self.boxes.items():
            box.setChecked(kind in DEFAULT_COUNTED_COMPLETIONS)


class ProfileDialog(QDialog):
    """A judge's whole profile; OK stays disabled while any field is wrong."""

    def __init__(
        self,
        judge: Judge | None,
        closures: Iterable[Closure] = (),
        leave: Iterable[Leave] = (),
        *,
        taken_names: Collection[str] = (),
        today: date | None = None,
        exec_dialog: ExecDialog = QDialog.exec,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._id = None if judge is None else judge.id
        # A new judge: the defaults, in the machine's time zone.
        shown = Judge(name="new", timezone=local_zone()) if judge is None else judge
        taken = set(taken_names) - ({judge.name} if judge else set())
        self.setWindowTitle("New judge" if judge is None else f"Judge profile: {judge.name}")

        self.general = GeneralForm(shown, taken_names=taken)
        if judge is None:
            self.general.name.clear()
        self.template = TemplateEditor(shown.sessions, exec_dialog=exec_dialog)
        self.case_minutes = MinutesEditor(
            shown.case_minutes, what=lambda kind: f"a {kind_label(kind).lower()} case", adding=True
        )
        self.hearing_minutes = MinutesEditor(
            shown.hearing_minutes, what=lambda kind: f"a {kind_label(kind).lower()} hearing"
        )
        self.case_minutes_note = QLabel(CASE_MINUTES_NOTE)
        self.hearing_minutes_note = QLabel(HEARING_MINUTES_NOTE)
        self.completions = CompletionsForm(shown.counted_completions)
        self.calendar = CalendarEditor(closures, leave, today or date.today())

        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, "&General")
        self.tabs.addTab(self.template, "&Weekly sessions")
        self.tabs.addTab(self._lengths_tab(), "&Hearing lengths")
        self.tabs.addTab(self._padded(self.completions), "Com&pletions")
        self.tabs.addTab(self.calendar, "&Closures && leave")
        self.summary = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button.setToolTip("Save the profile (disabled while something is wrong)")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip("Close without saving (Esc)")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        for editor in (
            self.general,
            self.template,
            self.case_minutes,
            self.hearing_minutes,
            self.calendar,
        ):
            editor.changed.connect(self._validate)
        # A warning icon no taller than the tab's text: showing one never moves the fields.
        line = self.tabs.fontMetrics().height()
        self.tabs.setIconSize(QSize(line, line).boundedTo(self.tabs.iconSize()))
        self.setMinimumSize(860, 560)
        self.resize(960, 640)
        self._validate()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _warning(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    @staticmethod
    def _padded(widget: QWidget) -> QWidget:
        page = QWidget()
        QVBoxLayout(page).addWidget(widget)
        return page

    def _lengths_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        for title, note, editor in (
            ("Minutes to complete a case, by case kind", self.case_minutes_note, self.case_minutes),
            (
                "Minutes of a hearing, by hearing kind",
                self.hearing_minutes_note,
                self.hearing_minutes,
            ),
        ):
            group = QGroupBox(title)
            note.setWordWrap(True)
            column = QVBoxLayout(group)
            column.addWidget(note)
            column.addWidget(editor, 1)
            layout.addWidget(group, 1)
        return tab

    def problems(self) -> dict[int, str]:
        """Tab index -> the first problem on that tab, for every tab that has one."""
        found: dict[int, str] = {}
        general = self.general.check()
        if general:
            found[0] = next(iter(general.values()))
        if message := self.template.problem():
            found[1] = message
        if message := self.case_minutes.problem() or self.hearing_minutes.problem():
            found[2] = message
        closures = self.calendar.closures.closures()
        if problems := closure_problems(self.template.sessions(), closures):
            found[4] = problems[0]  # the domain's rule: a closure is for a day the judge sits
        return found

    def profile(self) -> tuple[Judge, list[Closure], list[Leave]]:
        """The profile as edited; raises InvalidValue while something is wrong."""
        problems = self.problems()
        if problems:
            raise InvalidValue(next(iter(problems.values())))
        judge = Judge(
            **self.general.values(),
            sessions=self.template.sessions(),
            case_minutes=self.case_minutes.minutes(),
            hearing_minutes=self.hearing_minutes.minutes(),
            counted_completions=self.completions.counted(),
            id=self._id,
        )
        return judge, self.calendar.closures.closures(), self.calendar.leave.leave()

    def _validate(self) -> None:
        problems = self.problems()
        warning = self._warning()
        for index in range(self.tabs.count()):
            self.tabs.setTabIcon(index, warning if index in problems else QIcon())
        if problems:
            where = ", ".join(_without_mnemonic(self.tabs.tabText(i)) for i in problems)
            self.summary.say(f"Fix what is marked on: {where}")
        else:
            self.summary.say(None)
        self.ok_button.setEnabled(not problems)
