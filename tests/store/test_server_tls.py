"""The court server's TLS, for real: a throwaway server with a certificate for ``localhost``
signed by a test authority (made with ``openssl``). ``verify-full``, the dialog's default,
logs in when the authority and the name check out, and says in one line which did not."""

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.store.errors import DatabaseUnavailable
from planner.store.locations import ServerAddress
from planner.store.server_login import check_login
from tests.postgres_cluster import USER, Cluster, server_binaries


def _openssl(*arguments: str, folder: Path) -> None:
    subprocess.run(["openssl", *arguments], cwd=folder, capture_output=True, check=True, timeout=60)


def _authority(folder: Path, name: str) -> None:
    _openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.crt", "-days", "2",
        "-subj", f"/CN=Planner test authority {name}", folder=folder,
    )  # fmt: skip


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, Path]]:
    """A server offering TLS with a certificate for ``localhost``, and the folder of the
    authorities: ``court.crt`` (which signed it) and ``other.crt`` (which did not)."""
    binaries = server_binaries()
    if binaries is None or shutil.which("openssl") is None:
        pytest.skip("needs PostgreSQL's server and openssl")
    keys = tmp_path_factory.mktemp("tls")
    _authority(keys, "court")
    _authority(keys, "other")
    (keys / "names.ext").write_text("subjectAltName=DNS:localhost\n")
    _openssl(
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost", folder=keys,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "court.crt", "-CAkey", "court.key",
        "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "names.ext",
        folder=keys,
    )  # fmt: skip
    cluster = Cluster(binaries)
    try:
        cluster.start()
        for name in ("server.crt", "server.key"):
            target = cluster.folder / name
            shutil.copyfile(keys / name, target)
            target.chmod(0o600)
            if os.geteuid() == 0:
                shutil.chown(target, "postgres", "postgres")
        cluster.execute(f"ALTER SYSTEM SET ssl_cert_file = '{cluster.folder / 'server.crt'}'")
        cluster.execute(f"ALTER SYSTEM SET ssl_key_file = '{cluster.folder / 'server.key'}'")
        cluster.execute("ALTER SYSTEM SET ssl = on")
        cluster.execute("SELECT pg_reload_conf()")
        yield cluster, keys
    finally:
        cluster.stop()


def _address(cluster: Cluster, host: str) -> ServerAddress:
    return ServerAddress(host, "postgres", USER, cluster.port, "verify-full")


def _refusal(address: ServerAddress) -> str:
    with pytest.raises(DatabaseUnavailable) as refused:
        check_login(address, None)
    reason = str(refused.value)
    assert "\n" not in reason
    return reason


def test_verify_full_logs_in_to_the_court_servers_name_signed_by_its_authority(
    tls_server: tuple[Cluster, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster, keys = tls_server
    monkeypatch.setenv("PGSSLROOTCERT", str(keys / "court.crt"))
    check_login(_address(cluster, "localhost"), None)


def test_another_name_than_the_certificates_is_refused(
    tls_server: tuple[Cluster, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster, keys = tls_server
    monkeypatch.setenv("PGSSLROOTCERT", str(keys / "court.crt"))
    reason = _refusal(_address(cluster, "127.0.0.1"))
    assert reason.startswith(f"TLS: 127.0.0.1:{cluster.port}'s certificate did not check out")
    assert "localhost" in reason


def test_a_certificate_another_authority_signed_is_refused(
    tls_server: tuple[Cluster, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster, keys = tls_server
    monkeypatch.setenv("PGSSLROOTCERT", str(keys / "other.crt"))
    reason = _refusal(_address(cluster, "localhost"))
    assert reason.startswith(f"TLS: localhost:{cluster.port}'s certificate did not check out")


def test_without_an_authority_to_check_with_it_says_where_to_put_one(
    tls_server: tuple[Cluster, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cluster, _keys = tls_server
    monkeypatch.setenv("PGSSLROOTCERT", str(tmp_path / "none.crt"))
    reason = _refusal(_address(cluster, "localhost"))
    assert reason.startswith("TLS: there is no certificate authority to check the server with")
