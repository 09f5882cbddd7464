"""A workspace left behind (its undo stack holding commands whose actions hold it) is collected
without a crash: before the fix, Python's collector could break that cycle at a command while the
stack deleted the same command (a segmentation fault in QUndoStack::clear, seen in CI).

The workspaces are made and dropped in a process of their own, so a crash fails this test
instead of ending the run."""

import subprocess
import sys
from pathlib import Path

_LEFT_BEHIND = """
import gc
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import docket as docket_service
from planner.store.database import Database
from planner.store.listing import DocketFilter
from planner.ui.common.workspace import Workspace
from planner.ui.docket import case_actions

app = QApplication([])
folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
for round in range(rounds):
    database = Database.open(folder / f"docket{round}.sqlite")
    workspace = Workspace(database, clock=lambda: datetime(2026, 11, 25, 10))
    wei = Case("000004567", "Wei Chen", "asylum", date(2026, 3, 2))
    with database.transaction() as repo:
        judge_id = repo.add_docket(Docket(Judge(name="Judge Ruiz"), cases=(wei,)))
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))
    where = DocketFilter(text="000004567", status=None)
    (case_id,) = docket_service.find_cases(database, judge_id, where, now=workspace.clock())
    assert case_actions.complete_case(workspace, case_id, run=lambda _dialog: True) is not None
    workspace.undo_stack.undo()
    del workspace
    gc.collect()
print("collected", rounds)
"""


def test_a_workspace_with_undoable_actions_is_collected_without_a_crash(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _LEFT_BEHIND, str(tmp_path), "10"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "collected 10" in run.stdout
