"""Files that carry a docket in and out of the Planner: the docket file (JSON) and the cases CSV."""
