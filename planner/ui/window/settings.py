"""What the window remembers between runs: size, layout, recent databases, the last judge."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from planner.store.errors import StoreError
from planner.store.locations import ServerAddress
from planner.store.private_files import keep_private

MAX_RECENT = 8
MAX_RECENT_SERVERS = 5


class WindowSettings:
    """Typed access to QSettings, so keys and types live in one place."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        keep_private(Path(settings.fileName()))  # recent files and judges: owner-only

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    def recent_databases(self) -> list[Path]:
        value = self._settings.value("files/recent", [])
        # QSettings gives one path as a str, several as a list.
        paths = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(p) for p in paths if p]

    def remember_database(self, path: Path) -> None:
        recent = [p for p in self.recent_databases() if p != path]
        recent.insert(0, path)
        self._settings.setValue("files/recent", [str(p) for p in recent[:MAX_RECENT]])
        self._settings.setValue("files/last", str(path))

    def recent_servers(self) -> list[ServerAddress]:
        """The court servers connected to lately, newest first: address, database, user and
        TLS mode, never a password (``ServerAddress`` has none)."""
        value = self._settings.value("servers/recent", [])
        urls = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        servers = []
        for url in urls:
            try:
                servers.append(ServerAddress.from_url(str(url)))
            except StoreError:
                continue  # an entry edited by hand into something else: left out
        return servers

    def remember_server(self, address: ServerAddress) -> None:
        recent = [a for a in self.recent_servers() if a != address]
        recent.insert(0, address)
        self._settings.setValue("servers/recent", [a.url() for a in recent[:MAX_RECENT_SERVERS]])

    def last_database(self) -> Path | None:
        value = self._settings.value("files/last")
        return Path(str(value)) if value else None

    def last_judge(self, database: Path) -> str | None:
        value = self._settings.value(f"judges/{_key(database)}")
        return str(value) if value else None

    def remember_judge(self, database: Path, name: str | None) -> None:
        self._settings.setValue(f"judges/{_key(database)}", name or "")

    def theme(self) -> str:
        return str(self._settings.value("view/theme", "system"))

    def set_theme(self, theme: str) -> None:
        self._settings.setValue("view/theme", theme)

    def quota_folded(self) -> bool | None:
        """Whether the user folded the quota panel (None: never chose; it follows the height)."""
        value = self._settings.value("view/quota_folded")
        if value is None or value == "":
            return None
        return str(value).lower() in ("true", "1")  # an INI file gives the text back

    def set_quota_folded(self, folded: bool) -> None:
        self._settings.setValue("view/quota_folded", folded)

    def sync(self) -> None:
        self._settings.sync()


def _key(path: Path) -> str:
    # QSettings keys treat / and \ as groups: keep the path in one key.
    return str(path).replace("/", "|").replace("\\", "|")
