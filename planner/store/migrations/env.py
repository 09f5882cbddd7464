"""Alembic's environment: runs the migrations on the engine the store opened."""

from alembic import context

from planner.store.tables import Base

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    # A migration that copies a table (SQLite's way to alter one) drops the old table: with
    # foreign keys on, that would cascade and delete every case of every judge. So they are off
    # while migrating (SQLite allows that only outside a transaction), and every reference is
    # checked before the migration commits.
    driver = connection.connection.driver_connection
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        driver.execute("PRAGMA foreign_keys = OFF")
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                # New migrations are written in batch mode, SQLite's way to alter a table (by
                # copying it); on PostgreSQL a batch runs as plain ALTER TABLEs.
                render_as_batch=True,
            )
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration broke {len(broken)} references")
    finally:
        if sqlite:
            driver.execute("PRAGMA foreign_keys = ON")
