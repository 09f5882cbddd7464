"""The main window: menus, the judge switcher, the quota panel over the docket, the status bar."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner import __version__
from planner.domain.judge import Judge
from planner.paths import shown
from planner.services.changes import Change
from planner.store.database import Database
from planner.ui.common.errors import show_error
from planner.ui.common.tasks import BackgroundTask
from planner.ui.common.theme import THEME_CHOICES, apply_theme
from planner.ui.common.workspace import Workspace
from planner.ui.docket import case_actions
from planner.ui.docket.docket_view import DocketView
from planner.ui.docket.quota_panel import QuotaPanel
from planner.ui.files.daily_backup import keep_daily_backup_in_background
from planner.ui.files.sheet_actions import DocketSheetActions
from planner.ui.judges import judge_actions
from planner.ui.judges.welcome import WelcomePage
from planner.ui.window.lazy_page import LazyPage
from planner.ui.window.settings import WindowSettings

if TYPE_CHECKING:
    from planner.ui.calendar.calendar_page import CalendarPage
    from planner.ui.calendar.calendar_view import CalendarView
    from planner.ui.common.document_dialog import DocumentDialog
    from planner.ui.files.court_server_dialog import ServerLogin
    from planner.ui.scheduling.autoschedule_panel import AutoschedulePanel
    from planner.ui.window.shortcuts_dialog import ShortcutsDialog

DATABASE_FILTER = "Planner databases (*.sqlite *.db);;All files (*)"
#: Below this height (a 1024x600 netbook, a laptop at 150%) the quota panel starts folded to its
#: verdict, unless the user has folded or unfolded it themselves.
FOLD_BELOW_HEIGHT = 700
#: The height the page under the quota panel keeps (a week of the calendar, a screen of the
#: docket) when the panel is unfolded on a short window: the panel's figures scroll instead.
PAGE_KEEPS = 320
#: Help > Keyboard Shortcuts' places besides Everywhere, the tabs' names and the calendar.
UNSCHEDULED = "Calendar: Unscheduled list"
MONTH_VIEW = "Calendar: month"
YEAR_VIEW = "Calendar: year"
WEEKLY_SESSIONS = "Profile: weekly sessions"


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: WindowSettings) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.setWindowTitle("Judge Workload Planner")
        self.setMinimumSize(800, 460)

        self._welcome: WelcomePage | None = None
        self._painted = False
        self._backup_when_painted: Path | None = None
        self.quota_panel = QuotaPanel(workspace)
        self.docket = DocketView(workspace)
        self.docket_page = QWidget()
        page_layout = QVBoxLayout(self.docket_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.quota_panel)
        # The tabs other than the docket are built when first shown (or first asked for):
        # start-up pays only for what is on screen.
        self.calendar_tab = LazyPage(self._build_calendar)
        self._autoschedule_panel: AutoschedulePanel | None = None
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(self.docket, "&Docket")
        self.views.addTab(self.calendar_tab, "Ca&lendar")
        self.views.tabBar().setChangeCurrentOnDrag(True)  # a case dragged from the docket
        self.views.tabBar().setAcceptDrops(True)  # reaches the calendar over its tab
        self.views.setTabToolTip(0, "The judge's cases (Ctrl+1)")
        self.views.setTabToolTip(1, "The judge's hearings by day and week (Ctrl+2)")
        # The charts import matplotlib, the court forecasts every judge.
        self.charts = LazyPage(self._build_charts)
        self.court = LazyPage(self._build_court)
        self.views.addTab(self.charts, "Char&ts")
        self.views.addTab(self.court, "C&ourt")
        self.views.setTabToolTip(2, "Burn-up, bench time by month, docket, shortening (Ctrl+3)")
        self.views.setTabToolTip(3, "Every judge's verdict, worst first (Ctrl+4)")
        self.notices = LazyPage(self._build_notices)
        self.views.addTab(self.notices, "&Notices")
        self.views.setTabToolTip(4, "Hearing notices not yet served: print, mark served (Ctrl+5)")
        self.court_day = LazyPage(self._build_court_day)
        self.views.addTab(self.court_day, "Court Da&y")
        self.views.setTabToolTip(
            5, "Every judge's sessions of a day side by side; move hearings between judges (Ctrl+6)"
        )
        page_layout.addWidget(self.views, 1)
        self.pages = QStackedWidget()  # the welcome page goes first, if a database has no judge
        self.pages.addWidget(self.docket_page)
        self.setCentralWidget(self.pages)

        self.judge_box = QComboBox()
        self.judge_box.setObjectName("judgeSwitcher")
        self.judge_box.setMinimumContentsLength(24)
        self.judge_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.judge_box.setToolTip("The judge whose docket is shown (Ctrl+J)")
        self.judge_box.activated.connect(self._judge_chosen)
        self.database_label = QLabel()
        # Why the docket on screen is read-only (a court server's roles), while it is.
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyReason")
        self.read_only_label.setStyleSheet("font-weight: bold")
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)  # beside a passing message
        self.statusBar().addPermanentWidget(self.database_label)

        self._make_actions()
        self._make_autoschedule()
        self._make_menus()
        self._make_toolbar()

        self.quota_panel.fold_toggled.connect(self.settings.set_quota_folded)
        # The panel's room follows the pages' height (the window's, less the verdict's line).
        for page in (self.views.widget(i) for i in range(self.views.count())):
            if page is not None:
                page.installEventFilter(self)
        workspace.judge_switched.connect(self._judge_switched)
        workspace.changed.connect(self._changed)
        workspace.access_changed.connect(self._show_access)
        # Bound methods, not lambdas: Qt disconnects them when the window goes.
        workspace.failed.connect(self._show_failure)
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        application.aboutToQuit.connect(self.stop_work)

        self._show_database()
        self._fill_judges()
        self._restore_window()
        # Another window's or program's change shows within a second, without a restart.
        workspace.watch_others()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab in reading order: the toolbar, the quota panel, the tabs, then the page on show
        (Qt's focus chain follows the order widgets were made in, and the lazily built pages
        join it at its end)."""
        pages = [p for i in range(self.views.count()) if (p := self.views.widget(i))]
        groups = [self.toolbar, self.quota_panel, self.views.tabBar(), *pages]
        from planner.ui.common.accessibility import next_stop  # after the first paint

        focused = QApplication.focusWidget()
        target = next_stop(groups, focused, next, by_rows=[self.quota_panel])
        if target is None:
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    @property
    def welcome(self) -> WelcomePage:
        """The page of a database without judges, built the first time it is wanted."""
        if self._welcome is None:
            self._welcome = WelcomePage()
            self._welcome.create_profile.connect(self.add_judge_action.trigger)
            self._welcome.open_demo.connect(self.demo_action.trigger)
            self._welcome.open_database.connect(self.open_action.trigger)
            self.pages.insertWidget(0, self._welcome)
        return self._welcome

    # Actions and menus ------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(
            "&New Database…", self.new_database, keys.New, "Create an empty docket database"
        )
        self.open_action = self._action(
            "&Open Database…", self.open_database, keys.Open, "Open another docket database"
        )
        self.connect_server_action = self._action(
            "Connect to Court &Server…",
            self.connect_to_server,
            None,
            "Open a court's shared docket on its server (PostgreSQL)",
        )
        self.restore_action = self._action(
            "&Restore from Backup…",
            self.restore_backup,
            None,
            "Bring back this database as it was on an earlier day",
        )
        self.demo_action = self._action(
            "Create &Demo Docket",
            self.create_demo_docket,
            None,
            "Add a generated docket of about 2,000 cases (invented names)",
        )
        self.export_ics_action = self._action(
            "Export &Calendar (.ics)…",
            self.export_calendar_file,
            None,
            "Write the judge's hearings to a calendar file, without names unless you ask",
        )
        self.import_action = self._action(
            "&Import…",
            self.import_file,
            None,
            "Add a docket file (.json) or a cases spreadsheet (.csv, .xlsx), after a preview",
        )
        self.export_action = self._action(
            "&Export…",
            self.export_file,
            None,
            "Write the judge's docket (.json), cases (.csv, .xlsx) or calendar (.ics)",
        )
        self.docket.import_requested.connect(self.import_action.trigger)
        self.take_offline_action = self._action(
            "Ta&ke Offline…",
            self.take_offline,
            None,
            "Copy the judge's docket to a file on this computer, to work without the server",
        )
        self.bring_online_action = self._action(
            "&Bring Back Online…",
            self.bring_back_online,
            None,
            "Merge this copy's edits with the server's since it was taken offline",
        )
        #: The actions greyed with the docket's edits, and their own tips while not greyed.
        self._writing_tips = {
            action: action.toolTip() for action in (self.import_action, self.take_offline_action)
        }
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.undo_action = self.workspace.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.workspace.undo_stack.createRedoAction(self, "&Redo")
        # The Edit menu names what would be undone ("Undo Scheduled: A896-436-047 ..."); the
        # toolbar's button keeps its one word (its iconText) and names it in its tooltip.
        stack = self.workspace.undo_stack
        stack.undoTextChanged.connect(self._tell_undo)
        stack.redoTextChanged.connect(self._tell_redo)
        self._follows_undo_stack = True  # until the window goes (stop_work)
        self._tell_undo(stack.undoText())
        self._tell_redo(stack.redoText())
        redo_keys = [QKeySequence("Ctrl+Shift+Z")]  # as the issue asks, on every platform
        redo_keys += [k for k in QKeySequence.keyBindings(keys.Redo) if k not in redo_keys]
        self.redo_action.setShortcuts(redo_keys)
        self.add_judge_action = self._action(
            "&Add Judge…",
            lambda: judge_actions.add_judge(self.workspace, self),
            "Ctrl+Shift+J",
            "Add a judge's profile to this database",
        )
        self.edit_judge_action = self._action(
            "&Edit Profile…",
            lambda: judge_actions.edit_judge(
                self.workspace, self, show_calendar=self._calendar_on_screen
            ),
            "Ctrl+P",
            "Quota, fiscal year, weekly sessions, hearing lengths, closures and leave",
        )
        self.remove_judge_action = self._action(
            "&Remove Judge…",
            lambda: judge_actions.remove_judge(self.workspace, self),
            None,
            "Remove this judge and the whole docket (undoable)",
        )
        self.switch_judge_action = self._action(
            "&Switch Judge", self._focus_judge_box, "Ctrl+J", "Choose another judge"
        )
        self.docket_view_action = self._action(
            "&Docket", lambda: self.views.setCurrentIndex(0), "Ctrl+1", "Show the docket"
        )
        self.calendar_view_action = self._action(
            "&Calendar", lambda: self.views.setCurrentIndex(1), "Ctrl+2", "Show the calendar"
        )
        self.charts_view_action = self._action(
            "C&harts", lambda: self.views.setCurrentIndex(2), "Ctrl+3", "Show the charts"
        )
        self.court_view_action = self._action(
            "C&ourt", lambda: self.views.setCurrentIndex(3), "Ctrl+4", "Show every judge"
        )
        self.reassign_action = self._action(
            "Reassi&gn Cases…",
            self.reassign_cases,
            None,
            "Move the chosen case, or the whole docket, to other judges, after a preview",
        )
        self.court_closures_action = self._action(
            "Court &Closures…",
            self.edit_court_closures,
            None,
            "Days the whole court is closed, for every judge of the court",
        )
        self.interpreters_action = self._action(
            "In&terpreter Requests…",
            self.show_interpreter_requests,
            None,
            "A day's or week's hearings that need an interpreter, by language, across the judges",
        )
        self.notices_view_action = self._action(
            "&Notices",
            lambda: self.views.setCurrentIndex(4),
            "Ctrl+5",
            "Show the hearing notices not yet served",
        )
        self.court_day_view_action = self._action(
            "Court Da&y",
            lambda: self.views.setCurrentIndex(5),
            "Ctrl+6",
            "Show every judge's sessions of a day side by side",
        )
        self.refresh_action = self._action(
            "&Refresh",
            self.workspace.refresh,
            None,
            "Read the database again, with any change made in another window or program (F5)",
        )
        refresh_keys = [QKeySequence(Qt.Key.Key_F5)]  # and the platform's own, if another
        refresh_keys += [k for k in QKeySequence.keyBindings(keys.Refresh) if k not in refresh_keys]
        self.refresh_action.setShortcuts(refresh_keys)
        self.report_action = self._action(
            "E&xport Report…",
            self.export_report,
            None,
            "Write the judge's forecast, charts, calendar and assumptions as a PDF",
        )
        self.forecast_help_action = self._action(
            "How the &Forecast Works",
            self.show_forecast_help,
            QKeySequence.StandardKey.HelpContents,
            "The forecast's definitions, figure by figure (docs/forecast.md)",
        )
        self.explain_action = self._action(
            "How Is &This Computed?",
            self.quota_panel.show_explanation,
            None,
            "Every figure behind the verdict, and how to redo it by hand",
        )
        self.shortcuts_action = self._action(
            "&Keyboard Shortcuts…",
            self.show_shortcuts,
            None,
            "Every key of the window, by where it works",
        )
        self.about_action = self._action("&About", self.about)
        self._forecast_help: DocumentDialog | None = None
        self.sheet_actions = DocketSheetActions(self.workspace, lambda: self.calendar.days(), self)

    def _tell_undo(self, text: str) -> None:
        self.undo_action.setToolTip(f"Undo {text} (Ctrl+Z)" if text else "Nothing to undo")

    def _tell_redo(self, text: str) -> None:
        self.redo_action.setToolTip(f"Redo {text} (Ctrl+Shift+Z)" if text else "Nothing to redo")

    def _build_calendar(self) -> "CalendarPage":
        from planner.ui.calendar.calendar_page import CalendarPage

        page = CalendarPage(self.workspace)  # the calendar, unscheduled cases, conflicts
        page.calendar.hearing_activated.connect(self._open_hearings_case)
        page.calendar.message.connect(self._say)
        page.unscheduled.case_activated.connect(self._edit_case)
        return page

    @property
    def calendar_page(self) -> "CalendarPage":
        """The Calendar tab's page, built now if it was not yet."""
        return self.calendar_tab.ensure_built()  # type: ignore[return-value]

    @property
    def calendar(self) -> "CalendarView":
        return self.calendar_page.calendar

    def _calendar_on_screen(self) -> "CalendarView":
        """The calendar, brought to the front: proposed moves are shown on it as ghosts."""
        self.views.setCurrentWidget(self.calendar_tab)
        return self.calendar

    @property
    def autoschedule_panel(self) -> "AutoschedulePanel":
        """The auto-scheduler: a dock beside the calendar, built the first time it is wanted."""
        if self._autoschedule_panel is None:
            from planner.ui.scheduling.autoschedule_panel import AutoschedulePanel

            panel = AutoschedulePanel(self.workspace, self.calendar, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
            panel.hide()
            self._autoschedule_panel = panel
        return self._autoschedule_panel

    def _make_autoschedule(self) -> None:
        """Schedule Automatically (Ctrl+Shift+A) opens the auto-scheduler's dock."""
        self.autoschedule_action = self._action(
            "Schedule &Automatically…",
            self.open_autoschedule,
            "Ctrl+Shift+A",
            "Propose hearings for the unscheduled cases, compare policies, preview and apply",
        )
        self.replan_action = self._action(
            "&Re-plan…",
            self.replan,
            "Ctrl+Shift+E",
            "Move the hearings a change left in conflict to the nearest free places, as few "
            "noticed ones as it can; previewed as ghosts, applied as one undo step",
        )

    def replan(self) -> bool:
        """Calendar > Re-plan…: on the calendar, where its moves show as ghosts."""
        from planner.ui.calendar.replan_dialog import replan

        if self.workspace.judge is None:
            return False
        self.views.setCurrentWidget(self.calendar_tab)
        return replan(self.workspace, self.calendar, self)

    def open_autoschedule(self) -> None:
        self.views.setCurrentWidget(self.calendar_tab)  # the ghosts show on the calendar
        self.autoschedule_panel.open()

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action, self.connect_server_action])
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.demo_action)
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addActions([self.take_offline_action, self.bring_online_action])
        file_menu.addAction(self.export_ics_action)
        file_menu.addSeparator()
        file_menu.addActions(self.sheet_actions.actions())
        file_menu.addAction(self.report_action)
        file_menu.addAction(self.interpreters_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(self.docket.case_actions())
        edit_menu.addAction(self.docket.schedule_action)
        states_menu = edit_menu.addMenu("Docket &State")
        states_menu.setToolTipsVisible(True)  # a greyed item's tooltip says why it is greyed
        states_menu.addActions(self.docket.state_actions())
        edit_menu.addSeparator()
        edit_menu.addAction(self.autoschedule_action)

        judge_menu = self.menuBar().addMenu("&Judge")
        judge_menu.addActions(
            [
                self.switch_judge_action,
                self.add_judge_action,
                self.edit_judge_action,
                self.remove_judge_action,
            ]
        )
        judge_menu.addSeparator()
        judge_menu.addAction(self.reassign_action)
        judge_menu.addAction(self.court_closures_action)
        self.docket.table.addAction(self.reassign_action)  # the docket's context menu

        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions(
            [
                self.docket_view_action,
                self.calendar_view_action,
                self.charts_view_action,
                self.court_view_action,
                self.notices_view_action,
                self.court_day_view_action,
            ]
        )
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        for name, label in THEME_CHOICES:
            action = theme_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(self.settings.theme() == name)
            action.setData(name)
            action.triggered.connect(lambda _checked, n=name: self.set_theme(n))
        theme_menu.actions()[0].setToolTip(
            "The desktop's choice: light, dark or high contrast, followed as it changes"
        )
        self.theme_menu = theme_menu

        calendar_menu = self.menuBar().addMenu("&Calendar")
        calendar_menu.addAction(self.replan_action)
        calendar_menu.addAction(self.autoschedule_action)

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addActions([self.forecast_help_action, self.explain_action])
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _make_toolbar(self) -> None:
        toolbar = self.toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        # Short, fixed labels, so that every button fits at 1024 pixels wide; the menus keep
        # the full words and the tooltips say more (the undo button's names the action).
        for action, label in (
            (self.edit_judge_action, "Profile"),
            (self.add_judge_action, "Add Judge"),
            (self.undo_action, "Undo"),
            (self.redo_action, "Redo"),
            (self.docket.new_case_action, "New Case"),
            (self.docket.edit_case_action, "Edit"),
            (self.docket.complete_case_action, "Complete"),
            (self.docket.delete_case_action, "Delete"),
            (self.autoschedule_action, "Schedule Automatically"),
        ):
            action.setIconText(label)
        judge_label = QLabel("  Judge: ")
        judge_label.setBuddy(self.judge_box)
        toolbar.addWidget(judge_label)
        toolbar.addWidget(self.judge_box)
        toolbar.addAction(self.edit_judge_action)
        toolbar.addAction(self.add_judge_action)
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions(self.docket.case_actions())
        toolbar.addSeparator()
        toolbar.addAction(self.autoschedule_action)

    # Judges -------------------------------------------------------------------------------------

    def _fill_judges(self, keep: str | None = None) -> None:
        judges = self.workspace.judges()
        wanted = keep or (self.workspace.judge.name if self.workspace.judge else None)
        if wanted is None and self.workspace.database.path is not None:
            wanted = self.settings.last_judge(self.workspace.database.path)
        self.judge_box.blockSignals(True)
        self.judge_box.clear()
        for judge in judges:
            label = f"{judge.name} — {judge.court}" if judge.court else judge.name
            self.judge_box.addItem(label, judge)
        chosen = next((j for j in judges if j.name == wanted), judges[0] if judges else None)
        if chosen is not None:
            self.judge_box.setCurrentIndex(judges.index(chosen))
        self.judge_box.blockSignals(False)
        self.workspace.switch_judge(chosen)
        self._show_page()

    def _judge_chosen(self, index: int) -> None:
        judge: Judge | None = self.judge_box.itemData(index)
        self.workspace.switch_judge(judge)

    def _judge_switched(self, judge: Judge | None) -> None:
        if (
            judge is None
            or self.judge_box.currentData() is None
            or (self.judge_box.currentData().id != judge.id)
        ):
            self._fill_judges(judge.name if judge else None)
        if self.workspace.database.path is not None:
            self.settings.remember_judge(
                self.workspace.database.path, judge.name if judge else None
            )
        self._show_page()

    def _changed(self, change: Change) -> None:
        if change & (Change.JUDGES | Change.PROFILE):
            self._fill_judges()

    def _open_hearings_case(self, hearing_id: int) -> None:
        from planner.services.calendar import hearing_entry

        try:
            entry = hearing_entry(self.workspace.database, hearing_id)
        except Exception as error:
            show_error(self, error)
            return
        self._edit_case(entry.case_id)

    def _edit_case(self, case_id: int) -> None:
        """Open a case's dialog, unless the login may not change the docket (then say why)."""
        access = self.workspace.access
        if not access.may_change:
            self._say(f"Nothing changed: {access.reason}")
            return
        case_actions.edit_case(self.workspace, case_id, self)

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def _show_failure(self, error: Exception) -> None:
        show_error(self, error)

    def _focus_judge_box(self) -> None:
        self.judge_box.setFocus()
        self.judge_box.showPopup()

    def _show_page(self) -> None:
        has_judge = self.workspace.judge is not None
        self.pages.setCurrentWidget(self.docket_page if has_judge else self.welcome)
        for action in (
            self.edit_judge_action,
            self.remove_judge_action,
            self.export_ics_action,
            self.export_action,
            self.report_action,
            self.autoschedule_action,
        ):
            action.setEnabled(has_judge)
        self._show_access()
        self._update_title()

    def _show_access(self, *_access: object) -> None:
        """Grey the window's edits of a docket the login may not change (a court server's
        roles), and say why in the status bar; reading, printing and exporting stay."""
        access = self.workspace.access
        has_judge = self.workspace.judge is not None
        for action in (
            self.edit_judge_action,
            self.remove_judge_action,
            self.autoschedule_action,
            self.reassign_action,
            self.replan_action,
        ):
            action.setEnabled(has_judge and access.may_change)
        # Import and Take Offline write to the docket on screen (a check-out is recorded on it).
        why = access.reason[0].upper() + access.reason[1:] if access.reason else ""
        for action, tip in self._writing_tips.items():
            action.setEnabled(access.may_change)
            action.setToolTip(why or tip)
            action.setStatusTip(why or tip)
        reason = access.reason or ""
        self.read_only_label.setText(f"Read-only: {reason}" if reason else "")
        self.read_only_label.setToolTip(
            "Who may change which docket is set with 'planner court grant' and "
            "'planner court revoke'"
            if reason
            else ""
        )
        self.read_only_label.setVisible(bool(reason))

    # Databases ----------------------------------------------------------------------------------

    def _show_database(self) -> None:
        database = self.workspace.database
        path = database.path
        if path is not None:
            self.database_label.setText(f"Database: {shown(path)}")
            self.database_label.setToolTip(str(path))
            self.settings.remember_database(path)
            self._keep_daily_backup(path)
        else:  # a court server: its backups are the server's (pg_dump), not this window's
            self.database_label.setText(f"Court server: {database.title()}")
            self.database_label.setToolTip(database.describe())
        self.restore_action.setEnabled(path is not None)
        self._update_title()

    def _keep_daily_backup(self, path: Path) -> None:
        """Today's backup of the file, in the background; at start-up, once the window is
        painted (its imports and its copy would take Python's lock from the first paint)."""
        if self._painted:
            keep_daily_backup_in_background(path)
        else:
            self._backup_when_painted = path

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What start-up leaves until the window is on screen (benchmarks/bench_startup.py)."""
        # Every window's fields named after their labels, this one's now: an event filter on
        # the whole application, which costs a tenth of the time to the first paint.
        from planner.ui.common.accessibility import name_forms_when_shown

        name_forms_when_shown(self)
        if self._backup_when_painted is not None:
            keep_daily_backup_in_background(self._backup_when_painted)

    def _update_title(self) -> None:
        judge = self.workspace.judge
        parts = [judge.name] if judge else []
        parts += [self.workspace.database.title(), "Judge Workload Planner"]
        self.setWindowTitle(" — ".join(parts))

    def switch_database(self, path: Path) -> bool:
        """Open the database at ``path`` in this window; on failure the current one stays open."""
        try:
            database = Database.open(path)
        except Exception as error:
            show_error(self, error)
            return False
        self.workspace.open_database(database)
        self._show_database()
        self._fill_judges()
        return True

    def restore_backup(self) -> bool:
        """File > Restore from Backup: choose one, confirm, restore, and reopen the file."""
        path = self.workspace.database.path
        if path is None:
            return False
        from planner.ui.files.restore_dialog import offer_restore

        restored = offer_restore(
            self, path, close=self.workspace.database.close, reopen=self.switch_database
        )
        if restored:
            self.statusBar().showMessage(f"Restored {path.name} from a backup", 8000)
        return restored

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New docket database", "docket.sqlite", DATABASE_FILTER
        )
        if path:
            target = Path(path)
            if target.exists():
                target.unlink()  # the dialog already asked before overwriting
            self.switch_database(target)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open docket database", "", DATABASE_FILTER)
        if path:
            self.switch_database(Path(path))

    def connect_to_server(self) -> "ServerLogin | None":
        """File > Connect to Court Server: ask where and who (the dialog tries the login),
        then open that server's docket in this window."""
        from PySide6.QtWidgets import QDialog

        from planner.ui.files.court_server_dialog import CourtServerDialog

        dialog = CourtServerDialog(self, self.settings)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.login is None:
            return None
        self.open_server(dialog.login)
        return dialog.login

    def open_server(self, login: "ServerLogin") -> bool:
        """Show the court server's docket that ``login`` was accepted for, in this window (as
        ``switch_database``); on failure the reason is shown and the current one stays open."""
        from planner.ui.files.server_open import open_server

        database = open_server(login, self)
        if database is None:
            return False
        self.workspace.open_database(database)
        self._show_database()
        self._fill_judges()
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.recent_databases() if p.exists()]
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}  ({path.parent})")
            action.triggered.connect(lambda _checked, p=path: self.switch_database(p))
        if not recent:
            self.recent_menu.addAction("No recent databases").setEnabled(False)

    def create_demo_docket(self) -> BackgroundTask:
        """Generate a demo docket in a worker thread with a progress dialog."""
        from planner.services.demo import create_demo  # only when asked: it costs 0.2 s to import

        database, now = self.workspace.database, self.workspace.now()
        task = BackgroundTask(
            self,
            "Creating a demo docket of about 2,000 cases…",
            lambda progress: create_demo(
                database, cases=2000, judges=1, seed=2018, today=now, progress=progress
            ),
        )
        task.finished.connect(self._demo_created)
        task.failed.connect(lambda error: show_error(self, error))
        task.start()
        self._demo_task = task
        return task

    def _demo_created(self, summary: object) -> None:
        self.statusBar().showMessage(getattr(summary, "describe", lambda: "Demo created")(), 8000)
        self.workspace.notify(Change.JUDGES)
        judges = self.workspace.judges()
        if judges:
            self.workspace.switch_judge(judges[-1])

    def _build_charts(self) -> QWidget:
        from planner.ui.charts.charts_view import ChartsView  # imports matplotlib

        return ChartsView(self.workspace)

    def _build_court(self) -> QWidget:
        from planner.ui.court.court_view import CourtView

        view = CourtView(self.workspace)
        view.judge_opened.connect(self.docket_view_action.trigger)
        return view

    def reassign_cases(self) -> QWidget | None:
        """Judge > Reassign Cases…, with the docket's selected case filled in."""
        from planner.domain.anumber import format_a_number
        from planner.ui.judges.reassign_dialog import reassign_cases

        case_id = self.docket.current_case_id()
        row = self.docket.model.row_of(case_id) if case_id is not None else None
        record = self.docket.model.row_at(row) if row is not None else None
        chosen = [format_a_number(record.a_number)] if record is not None else []
        return reassign_cases(self.workspace, chosen, self)

    def edit_court_closures(self) -> QWidget | None:
        from planner.ui.judges.court_closures_dialog import edit_court_closures

        return edit_court_closures(self.workspace, self, show_calendar=self._calendar_on_screen)

    def show_interpreter_requests(self) -> QWidget:
        from planner.ui.files.interpreter_dialog import show_interpreter_requests

        return show_interpreter_requests(self.workspace, self)

    def _build_court_day(self) -> QWidget:
        from planner.ui.court.court_day_view import CourtDayView
        from planner.ui.files.court_sheet_actions import CourtSheetPrinter

        return CourtDayView(self.workspace, CourtSheetPrinter())

    def _build_notices(self) -> QWidget:
        from planner.ui.notices.notices_view import NoticesView

        return NoticesView(self.workspace)

    def export_calendar_file(self) -> BackgroundTask | None:
        from planner.ui.files.ics_export_dialog import export_calendar_file

        return export_calendar_file(self.workspace, self)

    def import_file(self) -> bool:
        from planner.ui.files.import_export import import_file

        return import_file(self.workspace, self)

    def take_offline(self) -> bool:
        from planner.ui.files.offline_actions import take_offline

        return take_offline(self.workspace, self, self.switch_database)

    def bring_back_online(self) -> bool:
        from planner.ui.files.offline_actions import bring_back_online

        return bring_back_online(self.workspace, self)

    def export_file(self) -> bool:
        from planner.ui.files.import_export import export_file

        return export_file(self.workspace, self)

    def export_report(self) -> BackgroundTask | None:
        from planner.ui.files.report_actions import export_report

        self._report_task = export_report(self.workspace, self)
        return self._report_task

    # Look -------------------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.settings.set_theme(name)
        apply_theme(name)
        for action in self.theme_menu.actions():
            action.setChecked(action.data() == name)

    def show_shortcuts(self) -> "ShortcutsDialog":
        """Help > Keyboard Shortcuts: read from the actions and the calendar's keys (not modal)."""
        from planner.ui.calendar.calendar_month import MONTH_KEYS
        from planner.ui.calendar.calendar_year import YEAR_KEYS
        from planner.ui.court.court_day_board import COURT_DAY_KEYS
        from planner.ui.judges.template_editor import TEMPLATE_KEYS
        from planner.ui.window.shortcuts_dialog import (
            Shortcut,
            ShortcutsDialog,
            calendar_shortcuts,
            gather,
            native,
        )

        # The pages with keys of their own built now (not shown): their actions are read below.
        for page in (self.calendar_tab, self.court_day, self.notices):
            page.ensure_built()
        # The first place a widget is in names it: the Unscheduled list before its calendar.
        places = {
            "Docket": self.docket,
            UNSCHEDULED: self.calendar_page.unscheduled,
            "Calendar": self.calendar_tab,
            "Court Day": self.court_day,
        }

        def table(place: str, keys: tuple[tuple[tuple[str, ...], str], ...]) -> list[Shortcut]:
            return [
                Shortcut(place, tuple(native(QKeySequence(name)) for name in names), does)
                for names, does in keys
            ]

        first = [
            *calendar_shortcuts(),
            *table(MONTH_VIEW, MONTH_KEYS),
            *table(YEAR_VIEW, YEAR_KEYS),
            *table("Court Day", COURT_DAY_KEYS),
            *table(WEEKLY_SESSIONS, TEMPLATE_KEYS),
        ]
        shortcuts = gather(self, places, first)
        order = ["Everywhere", "Docket", "Calendar", UNSCHEDULED, MONTH_VIEW, YEAR_VIEW]
        dialog = ShortcutsDialog(shortcuts, [*order, "Court Day", WEEKLY_SESSIONS], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_forecast_help(self) -> "DocumentDialog":
        """docs/forecast.md, shipped with the Planner, in a window of its own (not modal)."""
        from planner.ui.common.document_dialog import DocumentDialog, bring_forward, fit_to_screen

        if self._forecast_help is None:
            from planner.paths import forecast_definitions

            self._forecast_help = DocumentDialog(
                forecast_definitions(), "How the forecast works", self
            )
            fit_to_screen(self._forecast_help, self)
        bring_forward(self._forecast_help)
        return self._forecast_help

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About the Judge Workload Planner",
            f"<b>Judge Workload Planner</b> {__version__}<p>Keeps an immigration judge's docket "
            "on this computer and forecasts whether the fiscal year's quota is reachable at the "
            "hearing lengths the cases need.</p><p>Nothing leaves this computer unless you "
            "export it.</p>",
        )

    def _restore_window(self) -> None:
        geometry, state = self.settings.geometry(), self.settings.state()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1366, 768)
        if state is not None:
            self.restoreState(state)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fold_quota_panel()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.views.currentWidget():
            self._share_height()
        return super().eventFilter(watched, event)

    def _share_height(self) -> None:
        """The quota panel's figures take what the page under it (PAGE_KEEPS) leaves them:
        what they have now, and what the page has over PAGE_KEEPS (or less: what it lacks)."""
        panel, page = self.quota_panel, self.views.currentWidget()
        if page is None:
            return
        body = panel.body_scroll.height() if panel.body_scroll.isVisible() else 0
        panel.set_room(body + page.height() - PAGE_KEEPS)

    def _fold_quota_panel(self) -> None:
        """The quota panel as the user left it; if they never chose, folded on a short window."""
        chosen = self.settings.quota_folded()
        folded = self.height() < FOLD_BELOW_HEIGHT if chosen is None else chosen
        if folded != self.quota_panel.folded:
            self.quota_panel.set_folded(folded)

    def stop_work(self) -> None:
        """Stop what runs beside the window and wait for it: the watch on other programs'
        changes, the age targets' projection, the auto-scheduler (nothing half-stored). On
        close, and on the application's quit without one (Qt aborts a program whose worker
        thread still runs as it ends)."""
        self.workspace.others.stop()
        self.quota_panel.shutdown()
        if self._autoschedule_panel is not None:
            self._autoschedule_panel.shutdown()
        if self._follows_undo_stack:
            # The workspace outlives the window, and its undo stack empties itself as it goes
            # (~QUndoStack clears): at the program's exit that came after the window's Undo
            # and Redo actions were deleted, still connected to the window's slots.
            stack = self.workspace.undo_stack
            stack.undoTextChanged.disconnect(self._tell_undo)
            stack.redoTextChanged.disconnect(self._tell_redo)
            self._follows_undo_stack = False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_work()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        super().closeEvent(event)
