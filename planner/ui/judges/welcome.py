"""The first page of an empty database: make a judge's profile, or open a demo docket."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    create_profile = Signal()
    open_demo = Signal()
    open_database = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("<h1>Welcome to the Judge Workload Planner</h1>")
        intro = QLabel(
            "The Planner keeps a judge's docket on this computer and says, early and honestly, "
            "whether the bench time left in the fiscal year can reach the quota at the hearing "
            "lengths the cases need, and if not, by how much hearings would have to shrink."
        )
        intro.setWordWrap(True)
        empty = QLabel("This database has no judges yet.")
        self.profile_button = QPushButton("&Create my judge profile…")
        self.profile_button.setToolTip("Enter a judge's quota, fiscal year and weekly sessions")
        self.demo_button = QPushButton("Open a &demo docket")
        self.demo_button.setToolTip(
            "A generated Los Angeles-style docket of about 2,000 cases, with invented names"
        )
        self.open_button = QPushButton("&Open another database…")
        for button in (self.profile_button, self.demo_button, self.open_button):
            button.setMinimumHeight(36)
        self.profile_button.clicked.connect(self.create_profile)
        self.demo_button.clicked.connect(self.open_demo)
        self.open_button.clicked.connect(self.open_database)

        column = QWidget()
        column.setMaximumWidth(640)
        layout = QVBoxLayout(column)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(empty)
        layout.addSpacing(16)
        for button in (self.profile_button, self.demo_button, self.open_button):
            layout.addWidget(button)
        # Stretches, not an alignment flag: an aligned widget loses its height-for-width, and the
        # wrapped introduction would be squeezed.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
