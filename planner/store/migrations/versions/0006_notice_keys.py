"""Notice keys: a global identity for each notice served, the identity of its hearing, and the
time it was saved, so that check-out and check-in carry notices (issue 17)

Revision ID: 0006_notice_keys
Revises: 0006_adjournment_rate
Create Date: 2026-12-06 08:30:00

A notice names its hearing by the hearing's integer id, which never leaves its file; and a
cancelled hearing is gone while its notices stay. Each notice therefore gets ``uid`` (a random
UUID, as cases and hearings got in 0004_sync_keys) and ``hearing_uid``, its hearing's ``uid``,
kept also when the hearing is gone, by which a check-in finds the hearing on the other side.
Existing notices get both here (a notice whose hearing is gone already shares one new identity
with the other notices of that hearing). Columns and an index added in place: no table copied.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006_notice_keys"
down_revision = "0006_adjournment_rate"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("notices", sa.Column("uid", sa.String(length=36), nullable=True))
    op.add_column("notices", sa.Column("hearing_uid", sa.String(length=36), nullable=True))
    op.add_column("notices", sa.Column("changed_at", sa.DateTime(), nullable=True))
    op.create_index("ix_notices_uid", "notices", ["uid"], unique=True)
    notices = sa.table(
        "notices",
        sa.column("id", sa.Integer()),
        sa.column("hearing_id", sa.Integer()),
        sa.column("uid", sa.String()),
        sa.column("hearing_uid", sa.String()),
    )
    hearings = sa.table("hearings", sa.column("id", sa.Integer()), sa.column("uid", sa.String()))
    found = bind.execute(
        sa.select(notices.c.id, notices.c.hearing_id, hearings.c.uid).select_from(
            notices.outerjoin(hearings, hearings.c.id == notices.c.hearing_id)
        )
    ).all()
    gone: dict[int, str] = {}
    values = [
        {
            "row_id": row_id,
            "uid": str(uuid.uuid4()),
            "hearing_uid": hearing_uid or gone.setdefault(hearing_id, str(uuid.uuid4())),
        }
        for row_id, hearing_id, hearing_uid in found
    ]
    if values:
        bind.execute(
            sa.update(notices).where(notices.c.id == sa.bindparam("row_id")),
            values,
        )


def downgrade() -> None:
    op.drop_index("ix_notices_uid", table_name="notices")
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_column("changed_at")
        batch_op.drop_column("hearing_uid")
        batch_op.drop_column("uid")
