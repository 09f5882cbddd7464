"""The Notices tab: the hearings whose notice is not yet served, printed one notice a page."""
