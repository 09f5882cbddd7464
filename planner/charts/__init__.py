"""Charts of a judge's year and the printed report: matplotlib figures, no Qt."""
