"""Where hearings may go on a judge's calendar, what conflicts, and how full each day is."""
