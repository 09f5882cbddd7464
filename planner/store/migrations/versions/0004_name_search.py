"""Each case's name as a search compares it, stored beside the name: cases.name_search

Revision ID: 0004_name_search
Revises: 0003
Create Date: 2026-12-06 05:00:00

The docket's filter by name folds case and accents ("perez" finds "Pérez"). It called a Python
function registered on each SQLite connection, which a PostgreSQL server cannot call. The store
now keeps the folded name in a column of its own, written on every insert and update of a case
through one Python function (``planner.store.columns.name_search``), and the filter is a plain
substring test on that column, on either engine. This revision fills it for the cases already
stored, row by row, with the same function, on both engines.
"""

import sqlalchemy as sa
from alembic import op

from planner.store.columns import name_search

revision = "0004_name_search"
down_revision = "0004_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("name_search", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("name", sa.String))
    folded = sa.table("cases", sa.column("id", sa.Integer), sa.column("name_search", sa.Text))
    rows = [
        {"case_id": case_id, "folded": name_search(name)}
        for case_id, name in connection.execute(sa.select(cases.c.id, cases.c.name))
    ]
    if rows:
        connection.execute(
            sa.update(folded)
            .where(folded.c.id == sa.bindparam("case_id"))
            .values(name_search=sa.bindparam("folded")),
            rows,
        )


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("name_search")
