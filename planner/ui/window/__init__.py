"""The main window: its menus, its tabs built on first show, what it remembers between runs."""
