"""Check-out and check-in: one judge's docket as plain rows, and the three-way merge of a laptop's copy with the court server's."""
