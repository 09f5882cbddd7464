"""A throwaway PostgreSQL server for the tests: a cluster made with ``initdb`` in a temporary
folder, started with ``pg_ctl`` on a free port of 127.0.0.1 (its socket in that folder too),
stopped and deleted at the end. Nothing of the machine's own clusters is touched.

The server refuses to run as root: as root, its commands run as the ``postgres`` user (made by
Debian's package), which owns the folder.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: The cluster's superuser, trusted on 127.0.0.1 only (the cluster lives as long as the tests).
USER = "planner_tests"


def server_binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: Debian's newest, or the PATH's."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return None if initdb is None else Path(initdb).parent


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A running server; ``url(database)`` is SQLAlchemy's URL of one of its databases."""

    def __init__(self, binaries: Path) -> None:
        self._bin = binaries
        self._as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="planner-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._databases = 0
        if self._as_root:
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_root else []
        done = subprocess.run(
            [*prefix, *command], capture_output=True, text=True, check=False, timeout=120
        )
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({done.returncode}): {done.stderr or done.stdout}"
                f"\n{tail}"
            )

    def start(self) -> None:
        self._run(
            str(self._bin / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            USER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
        )
        # Durability is not under test: without fsync a test's CREATE DATABASE takes
        # milliseconds instead of a second.
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self._bin / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--log",
            str(self.folder / "server.log"),
            "--options",
            options,
            "--wait",
            "--timeout",
            "60",
            "start",
        )

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError, OSError, subprocess.SubprocessError):
            self._run(
                str(self._bin / "pg_ctl"), "--pgdata", str(self.data), "--mode", "fast", "stop"
            )
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def execute(self, statement: str) -> None:
        """Run one statement on the server's ``postgres`` database, outside a transaction."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=USER, dbname="postgres", autocommit=True
        ) as admin:
            admin.execute(statement)  # type: ignore[arg-type]

    @contextlib.contextmanager
    def database(self, template: str | None = None) -> Iterator[str]:
        """A new database for one test, empty or a copy of ``template`` (a file-level copy:
        milliseconds, where migrating costs most of a second); dropped after it."""
        self._databases += 1
        name = f"test_{self._databases}"
        copy = "" if template is None else f' TEMPLATE "{template}"'
        self.execute(f'CREATE DATABASE "{name}"{copy}')
        try:
            yield self.url(name)
        finally:
            self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster | str]:
    """A started cluster, or the reason there is none (no PostgreSQL on this machine)."""
    binaries = server_binaries()
    if binaries is None:
        yield "PostgreSQL's server is not installed (no initdb): `apt-get install postgresql`"
        return
    cluster = Cluster(binaries)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
