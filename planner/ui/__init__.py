"""The desktop application: Qt widgets over the Planner's services."""
