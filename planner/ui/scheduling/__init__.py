"""The auto-scheduler panel: compare the policies, preview a proposal on the calendar, apply it."""
