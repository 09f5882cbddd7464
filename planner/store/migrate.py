"""Schema migrations with Alembic, imported only when a database needs creating or upgrading."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

_SCRIPTS = Path(__file__).with_name("migrations")


def _config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def revisions_up_to(revision: str) -> set[str]:
    """``revision`` and every revision it was migrated from."""
    scripts = ScriptDirectory.from_config(_config())
    return {script.revision for script in scripts.iterate_revisions(revision, "base")}


def upgrade(engine: Engine) -> None:
    command.upgrade(_config(engine), "head")
