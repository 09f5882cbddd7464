"""The General tab of a judge's profile: name, court, time zone, quota, fiscal year and slack."""

from collections.abc import Collection
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from planner.domain.bounds import MAX_ADJOURNMENT_HISTORY, MAX_ADJOURNMENT_RATE
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.rules import BUILT_IN, CLOCK_WORDS, TARGETS_2025, AgeTarget, Clock
from planner.ui.judges.field_error import FieldError, with_error

#: The zones of US immigration courts, offered before every other IANA zone.
US_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
    "Pacific/Guam",
    "Pacific/Saipan",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: What the at-risk slack is (shared/domain-model.md), for its tooltip and the line under it.
SLACK_HELP = (
    "A reachable year is at risk when the capacity left in the binding pools after the needed "
    "cases is less than this share of their capacity"
)

ADJOURNMENT_HELP = (
    "The share of hearings the forecast expects to be adjourned, each set again until it goes "
    "ahead; once this many hearing outcomes are recorded, the judge's observed rate is used "
    "instead"
)

#: The rule-set choices: (key, words); None is the rule set in force on the year's first day.
RULE_SET_CHOICES: tuple[tuple[str | None, str], ...] = (
    (None, "the one in force on the fiscal year's first day"),
    *((rules.key, rules.title) for rules in BUILT_IN.values()),
    ("own", "the court's own measures (the quota and the targets below)"),
)


class TargetsEditor(QWidget):
    """The judge's own figures for each age target: a clock ticked replaces the rule set's days
    and goal with the ones beside it; unticked, the rule set's own apply."""

    changed = Signal()

    def __init__(self, targets: tuple[AgeTarget, ...]) -> None:
        super().__init__()
        own = {t.clock: t for t in targets}
        shown = {t.clock: t for t in BUILT_IN[TARGETS_2025].targets}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[Clock, tuple[QCheckBox, QSpinBox, QDoubleSpinBox]] = {}
        for row, clock in enumerate(Clock):
            target = own.get(clock) or shown[clock]
            tick = QCheckBox(f"{CLOCK_WORDS[clock]} within")
            tick.setChecked(clock in own)
            tick.setToolTip("Ticked: these figures replace the rule set's for this clock")
            days = QSpinBox()
            days.setRange(1, 3650)
            days.setSuffix(" days")
            days.setValue(target.days)
            goal = QDoubleSpinBox()
            goal.setRange(0.1, 100)
            goal.setDecimals(1)
            goal.setPrefix("goal ")
            goal.setSuffix(" %")
            goal.setValue(target.goal_pct)
            for column, widget in enumerate((tick, days, goal)):
                grid.addWidget(widget, row, column)
            days.setEnabled(tick.isChecked())
            goal.setEnabled(tick.isChecked())
            tick.toggled.connect(days.setEnabled)
            tick.toggled.connect(goal.setEnabled)
            tick.toggled.connect(self.changed)
            days.valueChanged.connect(self.changed)
            goal.valueChanged.connect(self.changed)
            self.rows[clock] = (tick, days, goal)
        grid.setColumnStretch(3, 1)

    def targets(self) -> tuple[AgeTarget, ...]:
        return tuple(
            AgeTarget(clock, days.value(), goal.value())
            for clock, (tick, days, goal) in self.rows.items()
            if tick.isChecked()
        )


def zone_names() -> list[str]:
    """US zones first, then every other IANA zone alphabetically."""
    return [*US_ZONES, *sorted(available_timezones() - set(US_ZONES))]


class GeneralForm(QWidget):
    """Each field's problem shows under it, in the model's own words."""

    changed = Signal()

    def __init__(
        self, judge: Judge, *, taken_names: Collection[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._taken = {name.strip() for name in taken_names}
        self.name = QLineEdit(judge.name)
        self.name.setPlaceholderText("e.g. Hon. Maria T. Alvarez")
        self.name.setToolTip("The judge's name, as it appears on the calendar; unique in this file")
        self.court = QLineEdit(judge.court)
        self.court.setPlaceholderText("e.g. Los Angeles Immigration Court")
        self.court.setToolTip("The immigration court where the judge sits")
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(zone_names())
        self.timezone.insertSeparator(len(US_ZONES))
        self.timezone.setCurrentText(judge.timezone)
        self.timezone.setMaxVisibleItems(15)
        self.timezone.setToolTip(
            "The court's IANA time zone; hearing times are wall-clock times in it. "
            "Type part of a city to find it, e.g. Los_Angeles"
        )
        completer = QCompleter(zone_names(), self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        self.quota = QSpinBox()
        self.quota.setRange(0, 100_000)
        self.quota.setValue(judge.quota)
        self.quota.setSuffix(" completions a year")
        self.quota.setToolTip(
            "Case completions a fiscal year the judge is measured against: 700 or more is "
            "satisfactory, 560 to 699 needs improvement"
        )
        self.fy_month = QComboBox()
        self.fy_month.addItems(MONTHS)
        self.fy_month.setCurrentIndex(judge.fy_start_month - 1)
        self.fy_month.setToolTip("The month the fiscal year starts (EOIR: October)")
        self.fy_day = QSpinBox()
        self.fy_day.setRange(1, 31)
        self.fy_day.setValue(judge.fy_start_day)
        self.fy_day.setToolTip("The day of the month the fiscal year starts (EOIR: the 1st)")
        self.slack = QDoubleSpinBox()
        self.slack.setRange(0, 100)
        self.slack.setDecimals(1)
        self.slack.setSuffix(" %")
        self.slack.setValue(judge.at_risk_slack_pct)
        self.slack.setToolTip(SLACK_HELP)
        self.slack_help = QLabel(SLACK_HELP)
        self.slack_help.setWordWrap(True)
        self.slack_help.setEnabled(False)  # the style's muted text: a note, not a field

        self.rule_set = QComboBox()
        for key, words in RULE_SET_CHOICES:
            self.rule_set.addItem(words, key)
        self.rule_set.setCurrentIndex(
            next(i for i, (key, _) in enumerate(RULE_SET_CHOICES) if key == judge.rule_set)
        )
        self.rule_set.setToolTip(
            "The measures a fiscal year is planned against: by default the rule set in force on "
            "its first day (the 2018 metrics from 1 Oct 2018, none from 19 Oct 2021, the 2025 "
            "targets from 12 Sep 2025)"
        )
        self.targets = TargetsEditor(judge.age_targets)
        self.adjournment_rate = QDoubleSpinBox()
        self.adjournment_rate.setRange(0, 100 * MAX_ADJOURNMENT_RATE)
        self.adjournment_rate.setDecimals(1)
        self.adjournment_rate.setSuffix(" %")
        self.adjournment_rate.setValue(judge.adjournment_rate_pct)
        self.adjournment_rate.setToolTip(ADJOURNMENT_HELP)
        self.adjournment_rate.setAccessibleName("Adjournment rate until there is history")
        self.adjournment_history = QSpinBox()
        self.adjournment_history.setRange(1, MAX_ADJOURNMENT_HISTORY)
        self.adjournment_history.setValue(judge.adjournment_history)
        self.adjournment_history.setPrefix("until ")
        self.adjournment_history.setSuffix(" outcomes are recorded")
        self.adjournment_history.setToolTip(ADJOURNMENT_HELP)
        self.adjournment_history.setAccessibleName("Recorded outcomes before the observed rate")
        self.adjournment_help = QLabel(
            "of hearings adjourned, assumed until then; after, the rate observed in the "
            "recorded outcomes. The forecast counts each hearing 1 ÷ (1 − rate) times"
        )
        self.adjournment_help.setWordWrap(True)
        self.adjournment_help.setEnabled(False)  # the style's muted text: a note, not a field

        fy = QWidget()
        fy_layout = QHBoxLayout(fy)
        fy_layout.setContentsMargins(0, 0, 0, 0)
        fy_layout.addWidget(self.fy_month)
        fy_layout.addWidget(self.fy_day)
        fy_layout.addStretch(1)
        slack = QWidget()
        slack_layout = QHBoxLayout(slack)
        slack_layout.setContentsMargins(0, 0, 0, 0)
        slack_layout.addWidget(self.slack)
        slack_layout.addWidget(self.slack_help, 1)
        adjournments = QWidget()
        adjournments_layout = QHBoxLayout(adjournments)
        adjournments_layout.setContentsMargins(0, 0, 0, 0)
        adjournments_layout.addWidget(self.adjournment_rate)
        adjournments_layout.addWidget(self.adjournment_history)
        adjournments_layout.addWidget(self.adjournment_help, 1)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors: dict[str, FieldError] = {}
        rows = (
            ("&Name:", "name", self.name),
            ("C&ourt:", "court", self.court),
            ("&Time zone:", "timezone", self.timezone),
            ("&Quota:", "quota", self.quota),
            ("&Fiscal year starts:", "fy_start", fy),
            ("At-risk &slack:", "at_risk_slack_pct", slack),
            ("&Rule set:", "rule_set", self.rule_set),
            ("Age &targets:", "age_targets", self.targets),
            ("Ad&journments:", "adjournments", adjournments),
        )
        for caption, key, field in rows:
            box, self.errors[key] = with_error(field)
            form.addRow(caption, box)
            label = form.labelForField(box)
            assert isinstance(label, QLabel)  # addRow with a caption made it
            first_tick = self.targets.rows[Clock.DETAINED][0]
            buddies = {
                fy: self.fy_month,
                slack: self.slack,
                self.targets: first_tick,
                adjournments: self.adjournment_rate,
            }
            label.setBuddy(buddies.get(field, field))

        self.name.textChanged.connect(self._edited)
        self.court.textChanged.connect(self._edited)
        self.timezone.currentTextChanged.connect(self._edited)
        self.quota.valueChanged.connect(self._edited)
        self.fy_month.currentIndexChanged.connect(self._edited)
        self.fy_day.valueChanged.connect(self._edited)
        self.slack.valueChanged.connect(self._edited)
        self.rule_set.currentIndexChanged.connect(self._edited)
        self.targets.changed.connect(self._edited)
        self.adjournment_rate.valueChanged.connect(self._edited)
        self.adjournment_history.valueChanged.connect(self._edited)
        self.check()

    def values(self) -> dict[str, Any]:
        """The fields as Judge's keyword arguments."""
        return {
            "name": self.name.text().strip(),
            "court": self.court.text().strip(),
            "timezone": self.timezone.currentText().strip(),
            "quota": self.quota.value(),
            "fy_start_month": self.fy_month.currentIndex() + 1,
            "fy_start_day": self.fy_day.value(),
            "at_risk_slack_pct": self.slack.value(),
            "rule_set": self.rule_set.currentData(),
            "age_targets": self.targets.targets(),
            "adjournment_rate_pct": self.adjournment_rate.value(),
            "adjournment_history": self.adjournment_history.value(),
        }

    def check(self) -> dict[str, str]:
        """Each wrong field's message, by trying it alone on an otherwise valid judge."""
        values = self.values()
        trials: dict[str, dict[str, Any]] = {
            "name": {"name": values["name"]},
            "court": {"court": values["court"]},
            "timezone": {"timezone": values["timezone"]},
            "quota": {"quota": values["quota"]},
            "fy_start": {k: values[k] for k in ("fy_start_month", "fy_start_day")},
            "at_risk_slack_pct": {"at_risk_slack_pct": values["at_risk_slack_pct"]},
            "adjournments": {k: values[k] for k in ("adjournment_rate_pct", "adjournment_history")},
        }
        problems: dict[str, str] = {}
        for key, fields in trials.items():
            try:
                Judge(**{"name": "-", **fields})
            except InvalidValue as error:
                problems[key] = str(error)
        if values["name"] in self._taken:
            problems["name"] = f"a judge named {values['name']!r} is already in this database"
        for key, field_error in self.errors.items():
            field_error.say(problems.get(key))
        return problems

    def _edited(self) -> None:
        self.check()
        self.changed.emit()
