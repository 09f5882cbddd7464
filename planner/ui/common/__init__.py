"""Shared by every room: workspace, undoable commands, worker-thread tasks, theme, errors."""
