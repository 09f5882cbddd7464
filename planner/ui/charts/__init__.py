"""The Charts tab: one chart at a time, drawn in a worker thread."""
