"""The Calendar tab: day to year views, dragging hearings, the unscheduled and conflicts panes."""
