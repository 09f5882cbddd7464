"""First schema: judges, templates, kinds, calendar, cases, hearings

Revision ID: 0001
Revises:
Create Date: 2026-11-25 11:38:05.377707
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("court", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("quota", sa.Integer(), nullable=False),
        sa.Column("fy_start_month", sa.Integer(), nullable=False),
        sa.Column("fy_start_day", sa.Integer(), nullable=False),
        sa.Column("at_risk_slack_pct", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judges")),
        sa.UniqueConstraint("name", name=op.f("uq_judges_name")),
    )
    op.create_table(
        "case_kind_minutes",
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("default_minutes", sa.Integer(), nullable=False),
        sa.Column("minimum_minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["judges.id"],
            name=op.f("fk_case_kind_minutes_judge_id_judges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("judge_id", "kind", name=op.f("pk_case_kind_minutes")),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("a_number", sa.String(length=9), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("detained", sa.Boolean(), nullable=False),
        sa.Column("juvenile", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=64), nullable=False),
        sa.Column("represented", sa.Boolean(), nullable=False),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("completion_date", sa.Date(), nullable=True),
        sa.Column("completion_kind", sa.String(length=32), nullable=True),
        sa.Column("remaining_minutes", sa.Integer(), nullable=True),
        sa.Column("asylum_filed", sa.Date(), nullable=True),
        sa.Column("nta_served", sa.Date(), nullable=True),
        sa.Column("attorney", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["judge_id"], ["judges.id"], name=op.f("fk_cases_judge_id_judges"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("judge_id", "a_number", name=op.f("uq_cases_judge_id")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_judge_status", ["judge_id", "status"], unique=False)

    op.create_table(
        "closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["judges.id"],
            name=op.f("fk_closures_judge_id_judges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closures")),
        sa.UniqueConstraint("judge_id", "day", name=op.f("uq_closures_judge_id")),
    )
    op.create_table(
        "counted_completions",
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("completion_kind", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["judges.id"],
            name=op.f("fk_counted_completions_judge_id_judges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("judge_id", "completion_kind", name=op.f("pk_counted_completions")),
    )
    op.create_table(
        "hearing_kind_minutes",
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("default_minutes", sa.Integer(), nullable=False),
        sa.Column("minimum_minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["judges.id"],
            name=op.f("fk_hearing_kind_minutes_judge_id_judges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("judge_id", "kind", name=op.f("pk_hearing_kind_minutes")),
    )
    op.create_table(
        "leave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("end", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"], ["judges.id"], name=op.f("fk_leave_judge_id_judges"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leave")),
    )
    with op.batch_alter_table("leave", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leave_judge_id"), ["judge_id"], unique=False)

    op.create_table(
        "template_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start", sa.Time(), nullable=False),
        sa.Column("end", sa.Time(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["judges.id"],
            name=op.f("fk_template_sessions_judge_id_judges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template_sessions")),
    )
    with op.batch_alter_table("template_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_template_sessions_judge_id"), ["judge_id"], unique=False
        )

    op.create_table(
        "hearings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("adjournment_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_hearings_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearings")),
    )
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.create_index("ix_hearings_case_start", ["case_id", "start"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.drop_index("ix_hearings_case_start")

    op.drop_table("hearings")
    with op.batch_alter_table("template_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_template_sessions_judge_id"))

    op.drop_table("template_sessions")
    with op.batch_alter_table("leave", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leave_judge_id"))

    op.drop_table("leave")
    op.drop_table("hearing_kind_minutes")
    op.drop_table("counted_completions")
    op.drop_table("closures")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_judge_status")

    op.drop_table("cases")
    op.drop_table("case_kind_minutes")
    op.drop_table("judges")
