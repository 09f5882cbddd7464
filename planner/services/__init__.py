"""Use cases: each opens one transaction, calls the store and the core, and returns a result."""
