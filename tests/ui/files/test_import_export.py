"""File > Import… and File > Export… through the window: the preview's counts and problems,
nothing stored before confirming, all of an import in one undo step, exports as the CLI writes."""

import csv
import io
import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from planner.domain.docket import Case
from planner.domain.records import replace
from planner.services import transfer
from planner.store.database import Database
from planner.ui.common.workspace import Workspace
from planner.ui.files import import_export
from planner.ui.files.ics_export_dialog import IcsExportDialog
from planner.ui.files.import_export import ImportPreviewDialog
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.dockets import add_judge_with_cases

HEADER = "a_number,name,kind,detained,juvenile,language,represented,received\n"


def _row(a_number: int, name: str) -> str:
    return f"{a_number},{name},asylum,no,no,English,no,2025-01-01\n"


@pytest.fixture
def window(qtbot, database: Database, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    add_judge_with_cases(database, "Ana Ruiz", 3)
    workspace = Workspace(database, clock=lambda: datetime(2026, 11, 23, 8, 0))
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    workspace.switch_judge(workspace.judges()[0])
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: QMessageBox.StandardButton.Ok)
    return main


def _choose_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def choose(_parent, _caption, _folder, filters):  # type: ignore[no-untyped-def]
        asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    return asked


def _answer_preview(
    monkeypatch: pytest.MonkeyPatch, code: QDialog.DialogCode
) -> list[ImportPreviewDialog]:
    shown: list[ImportPreviewDialog] = []

    def exec_(self: ImportPreviewDialog) -> QDialog.DialogCode:
        shown.append(self)
        return code

    monkeypatch.setattr(ImportPreviewDialog, "exec", exec_)
    return shown


def _cases(database: Database, name: str = "Ana Ruiz") -> dict[str, Case]:
    with database.transaction() as repo:
        judge = repo.judge_named(name)
        assert judge is not None
        assert judge.id is not None
        return {case.a_number: case for case in repo.load_docket(judge.id).cases}


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == text)


def _spreadsheet(tmp_path: Path) -> Path:
    """One unchanged case, one renamed, two new."""
    path = tmp_path / "cases.csv"
    path.write_text(
        HEADER
        + _row(100_000_000, "Person 0")
        + _row(100_000_001, "Renamed One")
        + _row(200_000_000, "New Zero")
        + _row(200_000_001, "New One"),
        encoding="utf-8",
    )
    return path


def test_import_previews_counts_and_stores_only_on_confirm_in_one_undo_step(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked = _choose_open(monkeypatch, _spreadsheet(tmp_path))
    shown = _answer_preview(monkeypatch, QDialog.DialogCode.Accepted)
    before = _cases(database)

    _menu_action(window, "&Import…").trigger()

    assert "*.csv" in asked[0]
    assert "*.json" in asked[0]
    summary = shown[0].summary.text()
    assert "2 new, 1 changed, 1 unchanged" in summary
    assert shown[0].problems.count() == 0
    assert shown[0].import_button.isEnabled()
    after = _cases(database)
    assert len(after) == 5
    assert after["100000001"].name == "Renamed One"
    assert after["200000000"].name == "New Zero"

    stack = window.workspace.undo_stack
    assert stack.count() == 1
    stack.undo()
    restored = _cases(database)
    assert set(restored) == set(before)
    assert restored["100000001"].name == "Person 1"
    stack.redo()
    assert len(_cases(database)) == 5


def test_cancelling_the_preview_stores_nothing(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _choose_open(monkeypatch, _spreadsheet(tmp_path))
    shown = _answer_preview(monkeypatch, QDialog.DialogCode.Rejected)
    before = _cases(database)

    window.import_action.trigger()

    assert len(shown) == 1
    assert _cases(database) == before
    assert window.workspace.undo_stack.count() == 0


def test_a_case_changed_while_the_preview_is_open_stops_the_import(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _choose_open(monkeypatch, _spreadsheet(tmp_path))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    def exec_(_self: ImportPreviewDialog) -> QDialog.DialogCode:
        # Another program renames case 100000001 while the user reads the preview.
        case = _cases(database)["100000001"]
        with database.transaction() as repo:
            repo.update_case(replace(case, name="Changed Elsewhere"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", exec_)

    window.import_action.trigger()

    assert "changed after cases.csv was previewed" in warned[0]
    after = _cases(database)
    assert len(after) == 3
    assert after["100000001"].name == "Changed Elsewhere"
    assert window.workspace.undo_stack.count() == 0


def test_bad_rows_are_listed_by_line_and_column_and_nothing_can_be_stored(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.csv"
    good = _row(200_000_000, "Fine")
    bad = "".join(
        f"{300_000_000 + i},Someone,asylum,perhaps,no,English,no,2025-01-01\n" for i in range(150)
    )
    path.write_text(HEADER + good + bad, encoding="utf-8")
    _choose_open(monkeypatch, path)
    shown = _answer_preview(monkeypatch, QDialog.DialogCode.Accepted)
    before = _cases(database)

    window.import_action.trigger()

    dialog = shown[0]
    assert "150 problems" in dialog.summary.text()
    assert dialog.problems.count() == 100
    first = dialog.problems.item(0).text()
    assert first.startswith("line 3, column detained (D)"), first
    assert "50 more problems" in dialog.more.text()
    assert not dialog.import_button.isEnabled()
    assert _cases(database) == before
    assert window.workspace.undo_stack.count() == 0


def test_a_docket_file_adds_its_judge_and_one_undo_removes_it(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    other = Database.open(tmp_path / "other.db")
    add_judge_with_cases(other, "Ben Cho", 4, first=400_000_000)
    path = tmp_path / "cho.json"
    transfer.export_docket(other, "Ben Cho", "json", path)
    other.close()
    _choose_open(monkeypatch, path)
    shown = _answer_preview(monkeypatch, QDialog.DialogCode.Accepted)

    window.import_action.trigger()

    assert "new judge" in shown[0].summary.text()
    assert "4 cases" in shown[0].summary.text()
    assert len(_cases(database, "Ben Cho")) == 4
    assert window.workspace.judge is not None
    assert window.workspace.judge.name == "Ben Cho"
    window.workspace.undo_stack.undo()
    assert [j.name for j in window.workspace.judges()] == ["Ana Ruiz"]
    assert window.workspace.judge is not None
    assert window.workspace.judge.name == "Ana Ruiz"


def test_a_docket_file_of_a_stored_judge_replaces_the_docket_and_undo_brings_it_back(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ruiz.json"
    transfer.export_docket(database, "Ana Ruiz", "json", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["cases"][1]["name"] = "Renamed In File"
    del data["cases"][2]
    path.write_text(json.dumps(data), encoding="utf-8")
    _choose_open(monkeypatch, path)
    shown = _answer_preview(monkeypatch, QDialog.DialogCode.Accepted)

    window.import_action.trigger()

    summary = shown[0].summary.text()
    assert "already stored" in summary
    assert "0 new, 1 changed, 1 unchanged" in summary
    assert "1 stored case not in the file would be removed" in summary
    after = _cases(database)
    assert set(after) == {"100000000", "100000001"}
    assert after["100000001"].name == "Renamed In File"
    window.workspace.undo_stack.undo()
    restored = _cases(database)
    assert set(restored) == {"100000000", "100000001", "100000002"}
    assert restored["100000001"].name == "Person 1"
    assert window.workspace.judge is not None
    assert window.workspace.judge.name == "Ana Ruiz"


def test_the_empty_dockets_hint_opens_import(
    qtbot, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    add_judge_with_cases(database, "Ana Ruiz", 0)
    workspace = Workspace(database, clock=lambda: datetime(2026, 11, 23, 8, 0))
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    workspace.switch_judge(workspace.judges()[0])
    label = main.docket.empty_label
    assert 'href="import"' in label.text()
    assert "import a cases spreadsheet</a>" in label.text()
    _choose_open(monkeypatch, _spreadsheet(tmp_path))
    shown = _answer_preview(monkeypatch, QDialog.DialogCode.Accepted)

    label.linkActivated.emit("import")

    assert "4 new, 0 changed, 0 unchanged" in shown[0].summary.text()
    assert len(_cases(database)) == 4


def _choose_save(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(path), chosen))
    )


def test_export_writes_the_docket_file_owner_only(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ruiz.json"
    _choose_save(monkeypatch, out, import_export.DOCKET_FILTER)

    _menu_action(window, "&Export…").trigger()

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["judge"]["name"] == "Ana Ruiz"
    assert len(data["cases"]) == 3
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("ruiz")] == ["ruiz.json"]


def test_exported_cases_csv_neutralises_formulas(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    judge = window.workspace.judge
    with database.transaction() as repo:
        original = repo.load_docket(judge.id).cases[0]
        repo.update_case(replace(original, name='=HYPERLINK("http://x","y")', attorney="+1 call"))
    out = tmp_path / "cases"
    _choose_save(monkeypatch, out, import_export.CASES_FILTER)

    window.export_action.trigger()

    written = tmp_path / "cases.csv"
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8"))))
    names = {row["a_number"]: row for row in rows}
    first = names["A100-000-000"]
    assert first["name"] == '\'=HYPERLINK("http://x","y")'
    assert first["attorney"] == "'+1 call"
    if os.name == "posix":
        assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_export_as_calendar_opens_the_calendar_dialog(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _choose_save(monkeypatch, tmp_path / "ruiz.ics", import_export.CALENDAR_FILTER)
    shown: list[bool] = []

    def exec_(_self: IcsExportDialog) -> QDialog.DialogCode:
        shown.append(True)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(IcsExportDialog, "exec", exec_)
    window.export_action.trigger()
    assert shown == [True]


def test_preview_dialog_screenshot(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Rendered offscreen so a person can look at it (saved beside the test's files)."""
    from planner.interchange.problems import Problem

    problems = tuple(
        Problem(f"line {n}, column detained (D)", f"'perhaps' is not yes or no (row {n})")
        for n in range(2, 152)
    )
    preview = transfer.ImportPreview("cases.csv", "cases", "Ana Ruiz", 1, problems=problems)
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= 1366
    assert dialog.height() <= 768
    assert dialog.summary.sizeHint().width() <= dialog.width()
    shot = Path(os.environ.get("PLANNER_SHOTS", tmp_path)) / "import-preview-problems.png"
    assert dialog.grab().save(str(shot))


def test_preview_dialog_counts_screenshot(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    preview = transfer.ImportPreview(
        "cases.csv",
        "cases",
        "Ana Ruiz",
        1,
        new=1_204,
        changed=37,
        unchanged=812,
        cases=(Case("100000000", "X", "asylum", datetime(2025, 1, 1).date()),),
    )
    dialog = ImportPreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "1,204 new, 37 changed, 812 unchanged" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    shot = Path(os.environ.get("PLANNER_SHOTS", tmp_path)) / "import-preview-counts.png"
    assert dialog.grab().save(str(shot))


def test_a_workbook_exported_from_the_window_imports_back_with_a_preview(
    window, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    out = tmp_path / "ruiz"
    _choose_save(monkeypatch, out, import_export.WORKBOOK_FILTER)
    window.export_action.trigger()
    written = tmp_path / "ruiz.xlsx"
    if os.name == "posix":
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
    book = load_workbook(written)
    sheet = book.worksheets[0]
    sheet["B3"] = "Renamed In Excel"  # case 100000001
    sheet.append(["200000009", "Added In Excel", "asylum", "no", "no", "English", "no"])
    sheet["H5"] = "2025-06-01"
    book.save(written)
    _choose_open(monkeypatch, written)
    shown = _answer_preview(monkeypatch, QDialog.DialogCode.Accepted)

    window.import_action.trigger()

    assert "1 new, 1 changed, 2 unchanged" in shown[0].summary.text()
    after = _cases(database)
    assert after["100000001"].name == "Renamed In Excel"
    assert after["200000009"].name == "Added In Excel"
    window.workspace.undo_stack.undo()
    assert set(_cases(database)) == {"100000000", "100000001", "100000002"}


def test_a_spreadsheet_into_a_database_without_judges_is_refused_plainly(
    qtbot, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    workspace = Workspace(database, clock=lambda: datetime(2026, 11, 23, 8, 0))
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    assert workspace.judge is None
    _choose_open(monkeypatch, _spreadsheet(tmp_path))
    shown = _answer_preview(monkeypatch, QDialog.DialogCode.Accepted)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    main.import_action.trigger()

    assert shown == []
    assert "choose or add the judge first" in warned[0]
    assert workspace.judges() == []


def test_empty_docket_screenshot(qtbot, database: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_judge_with_cases(database, "Ana Ruiz", 0)
    workspace = Workspace(database, clock=lambda: datetime(2026, 11, 23, 8, 0))
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(workspace, settings)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    workspace.switch_judge(workspace.judges()[0])
    qtbot.waitUntil(lambda: main.docket.empty_label.isVisible())
    shot = Path(os.environ.get("PLANNER_SHOTS", tmp_path)) / "empty-docket.png"
    assert main.grab().save(str(shot))
