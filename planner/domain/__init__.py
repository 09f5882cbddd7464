"""The Planner's model: judges, dockets and the court calendar, in plain Python."""
