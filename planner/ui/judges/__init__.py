"""The judges: the welcome page, the profile dialog with its editors, the judge actions."""
