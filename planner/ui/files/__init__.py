"""Files in and out: backups, restore, a file that won't open, calendar, report, sheet exports."""
