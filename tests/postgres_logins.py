"""A user who must give a password, on the throwaway test server (``tests/postgres_cluster.py``
trusts every user on 127.0.0.1): the court server's login is tested with a real password
check (SCRAM), a wrong password and none."""

from tests.postgres_cluster import Cluster


def add_password_user(cluster: Cluster, user: str, password: str) -> None:
    """Make ``user`` (if new) with ``password``, and have the server ask that user, and only
    that user, for it: a line ahead of the cluster's ``trust`` lines, and a reload."""
    hba = cluster.data / "pg_hba.conf"
    rule = f"host all {user} 127.0.0.1/32 scram-sha-256\n"
    text = hba.read_text()
    if rule not in text:
        hba.write_text(rule + text)  # the first matching line decides
    literal = password.replace("'", "''")
    cluster.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{user}') THEN "
        f"CREATE ROLE {user} LOGIN; END IF; END $$"
    )
    cluster.execute(f"ALTER ROLE {user} PASSWORD '{literal}'")
    cluster.execute(f"GRANT ALL ON DATABASE postgres TO {user}")
    cluster.execute("SELECT pg_reload_conf()")
