"""Alembic's environment: runs the migrations on the engine the store opened."""

from alembic import context

from planner.store.tables import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
    )
    context.run_migrations()
