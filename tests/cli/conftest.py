"""The PostgreSQL fixtures of ``tests/store/conftest.py``, for the command line's tests too."""

from tests.store.conftest import postgres_cluster, postgres_url

__all__ = ["postgres_cluster", "postgres_url"]
