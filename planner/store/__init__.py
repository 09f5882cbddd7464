"""The docket store: SQLAlchemy over SQLite, the only part of the Planner that knows SQL."""
