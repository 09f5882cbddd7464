"""Judge Workload Planner: an immigration judge's docket, calendar and fiscal-year forecast."""

__version__ = "0.1.0"
