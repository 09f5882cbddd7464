"""Who may do what on a court server (PostgreSQL): judges, legal assistants and court
administrators, enforced by the server itself, so that the window, the command line and ``psql``
obey the same rules.

- A **judge** changes their own docket; a **legal assistant** the dockets of the judges assigned
  to them; a **court administrator** changes none. Every one of them reads every judge's docket
  (the court's calendar is shared work: the Court tab, moving a docket between judges).
- The roles are three group roles of the server (``planner_judge``, ``planner_assistant``,
  ``planner_admin``): the table privileges are granted to them, never to a login. A court
  administrator is granted SELECT only, so the server refuses any change of theirs outright.
- Which login acts for which judge is in two tables of the schema (``court_users``,
  ``court_assignments``, migration 0004). Row-level security policies on every table holding a
  judge's data check each row as it will be (INSERT, UPDATE): nobody puts a row under a judge
  they do not act for. A guard trigger checks each row as it was (UPDATE, DELETE) and names the
  rule it enforces. The trigger, not a policy, checks the old row because a policy would only
  hide it: an UPDATE or DELETE of a hidden row affects no row and raises nothing, which the
  Planner would take for an edit lost to someone else.
- Judges are added and removed by the server's owner (who ran ``planner court init``); the
  owner is subject to neither the policies nor the guard.
- ``court init``, ``grant`` and ``revoke`` change roles through two SECURITY DEFINER functions
  that only court administrators (and the owner) may call: creating and granting roles is the
  owner's right, lent for exactly these two operations.

All of it is made by :func:`install` (``planner court init``), not by a migration: roles belong
to the whole server, and creating them needs a right that whoever migrates a database need not
have. Tables added by later migrations get no grants until ``court init`` is run again, so they
fail closed.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from planner.domain.judge import name_key
from planner.store.court_permissions import Permissions as Permissions
from planner.store.court_permissions import Role as Role
from planner.store.errors import Conflict, DatabaseUnavailable, NotAllowed, StoreError

#: Each role's group role on the server.
GROUPS: dict[Role, str] = {
    "judge": "planner_judge",
    "assistant": "planner_assistant",
    "admin": "planner_admin",
}
#: The roles in the words of a sentence.
TITLES: dict[Role, str] = {
    "judge": "judge",
    "assistant": "legal assistant",
    "admin": "court administrator",
}

#: The tables that hold a judge's data, keyed on the judge's id; judges and the tables keyed on
#: a case aside.
_JUDGE_TABLES = (
    "template_sessions",
    "case_kind_minutes",
    "hearing_kind_minutes",
    "counted_completions",
    "closures",
    "leave",
    "cases",
    "checkouts",
    "checkin_receipts",
)
#: The tables keyed on a case (the judge is the case's).
_CASE_TABLES = ("hearings", "notices")
_GUARDED = ("judges", *_JUDGE_TABLES, *_CASE_TABLES)
#: Read by every court role, changed by none: who acts for whom (the grant functions run as the
#: owner), and the court-wide settings (a court's address and notice period, the days the
#: whole court is closed), which concern every judge of the court and so are the owner's.
_READ_ONLY = ("court_users", "court_assignments", "alembic_version", "courts", "court_closures")
#: Tables with no grant at all (fail closed), and why: nothing on a server reads or writes them.
EXEMPT = {
    "checkout_copies": "the laptop's record of a docket taken offline: kept in the SQLite copy, "
    "never on the court server",
}

#: The hint of every refusal the server's functions raise: how the store tells them apart from
#: PostgreSQL's own.
RULE_HINT = (
    "Who may change which docket is set with 'planner court grant' and 'planner court revoke'."
)

_ALL_GROUPS = ", ".join(GROUPS.values())
_EDITORS = f"{GROUPS['judge']}, {GROUPS['assistant']}"

#: The judges the current login acts for.
_ACTS_FOR_QUERY = (
    "SELECT a.judge_id FROM court_assignments a JOIN court_users u ON u.login = a.login "
    "WHERE a.login = current_user AND u.role IN ('judge', 'assistant')"
)
_ACTS_FOR = "(" + _ACTS_FOR_QUERY + ")"
#: The current login has a role on this database's court.
_A_COURT_USER = "current_user IN (SELECT login FROM court_users)"
_KEYS = {
    "judges": f"id IN {_ACTS_FOR}",
    # Correlated, one look-up of the case by its key per row: as ``case_id IN (SELECT ...)``
    # the server scanned every case for each hearing (8 ms a hearing for 5,000 cases).
    **dict.fromkeys(
        _CASE_TABLES,
        f"EXISTS (SELECT FROM cases c WHERE c.id = case_id AND c.judge_id IN {_ACTS_FOR})",
    ),
    **dict.fromkeys(_JUDGE_TABLES, f"judge_id IN {_ACTS_FOR}"),
}

_GROUPS_SQL = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'planner_judge') THEN
        CREATE ROLE planner_judge NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'planner_assistant') THEN
        CREATE ROLE planner_assistant NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'planner_admin') THEN
        CREATE ROLE planner_admin NOLOGIN;
    END IF;
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format(
        'GRANT CONNECT ON DATABASE %I TO planner_judge, planner_assistant, planner_admin',
        current_database()
    );
END
$$
"""

#: The rule a refused change broke, in one sentence. ``who``: the login; ``judge``: the judge's
#: id, or NULL for adding or removing a judge.
_RULE_SQL = """
CREATE OR REPLACE FUNCTION planner_refuse(judge integer) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    my_role text;
    judge_name text;
    who text := current_user;
    message text;
BEGIN
    SELECT role INTO my_role FROM court_users WHERE login = who;
    SELECT name INTO judge_name FROM judges WHERE id = judge;
    IF my_role IS NULL THEN
        message := format('%s has no role on this court server: a court administrator gives '
                          'one with ''planner court grant''', who);
    ELSIF my_role = 'admin' THEN
        message := format('court administrator %s may read every judge''s docket but change '
                          'none', who);
    ELSIF judge IS NULL THEN
        message := format('%s %s cannot add or remove judges: the court server''s owner does',
                          CASE my_role WHEN 'judge' THEN 'judge' ELSE 'legal assistant' END, who);
    ELSIF my_role = 'judge' THEN
        message := format('judge %s may change only their own docket, not Judge %s''s',
                          who, judge_name);
    ELSE
        message := format('legal assistant %s is not assigned to Judge %s: only their assigned '
                          'judges'' dockets can be changed', who, judge_name);
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = message,
        HINT = __HINT__;
END
$$
"""

_GUARD_SQL = """
CREATE OR REPLACE FUNCTION planner_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    old_judge integer;
    new_judge integer;
BEGIN
    -- The owner (and a superuser) is bound by nothing here: they add and remove judges, and
    -- the cascades of a deletion run as the owner.
    IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                   'MEMBER') THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_TABLE_NAME = 'judges' THEN
        IF TG_OP <> 'UPDATE' THEN
            PERFORM planner_refuse(NULL);
        END IF;
        old_judge := OLD.id;
        new_judge := NEW.id;
    ELSIF TG_TABLE_NAME IN ('hearings', 'notices') THEN
        IF TG_OP <> 'INSERT' THEN
            SELECT judge_id INTO old_judge FROM cases WHERE id = OLD.case_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            SELECT judge_id INTO new_judge FROM cases WHERE id = NEW.case_id;
        END IF;
    ELSE
        IF TG_OP <> 'INSERT' THEN
            old_judge := OLD.judge_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            new_judge := NEW.judge_id;
        END IF;
    END IF;
    IF old_judge IS NOT NULL AND old_judge NOT IN __ACTS_FOR__ THEN
        PERFORM planner_refuse(old_judge);
    END IF;
    IF new_judge IS NOT NULL AND new_judge NOT IN __ACTS_FOR__ THEN
        PERFORM planner_refuse(new_judge);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$
"""

#: The first step of both role-changing functions (``_GRANT_SQL``, ``_REVOKE_SQL``): the caller
#: is this court's administrator, or the owner (session_user: current_user is the owner inside
#: them). Group roles are the whole server's: an administrator of another court's database on
#: the same server is a member of planner_admin too.
_ONLY_ADMINISTRATORS = """IF NOT (pg_has_role(session_user, current_user, 'MEMBER')
            OR EXISTS (SELECT FROM court_users WHERE login = session_user AND role = 'admin'))
    THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
            '%s is not a court administrator of this court server: only they (and its owner) '
            'give and take roles', session_user), HINT = __HINT__;
    END IF;"""

_GRANT_SQL = """
CREATE OR REPLACE FUNCTION planner_court_grant(who text, new_role text, judge_ids integer[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    old_role text;
    member_of text;
BEGIN
    __ONLY_ADMINISTRATORS__
    IF new_role NOT IN ('judge', 'assistant', 'admin') THEN
        RAISE EXCEPTION USING MESSAGE = format('%s is not a court role: give judge, assistant '
                                               'or admin', new_role), HINT = __HINT__;
    END IF;
    IF who IN ('planner_judge', 'planner_assistant', 'planner_admin') OR who LIKE 'pg\\_%'
       OR who = current_user
       OR EXISTS (SELECT FROM pg_roles WHERE rolname = who AND rolsuper) THEN
        RAISE EXCEPTION USING MESSAGE = format('%s is the server''s owner, a superuser, a '
            'built-in role or one of the Planner''s group roles: court roles are given to the '
            'logins of the people who use the Planner', who), HINT = __HINT__;
    END IF;
    IF new_role = 'judge' AND cardinality(judge_ids) <> 1 THEN
        RAISE EXCEPTION USING MESSAGE = 'a judge''s login acts for one judge: give --judge '
                                        'NAME once', HINT = __HINT__;
    ELSIF new_role = 'assistant' AND cardinality(judge_ids) = 0 THEN
        RAISE EXCEPTION USING MESSAGE = 'a legal assistant changes the dockets of the judges '
                                        'assigned to them: give --judge NAME for each',
                              HINT = __HINT__;
    ELSIF new_role = 'admin' AND cardinality(judge_ids) > 0 THEN
        RAISE EXCEPTION USING MESSAGE = 'a court administrator reads every judge''s docket and '
                                        'changes none: give no --judge', HINT = __HINT__;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = who) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', who);
    END IF;
    SELECT role INTO old_role FROM court_users WHERE login = who FOR UPDATE;
    IF old_role = 'admin' AND new_role <> 'admin'
       AND (SELECT count(*) FROM court_users WHERE role = 'admin') = 1 THEN
        RAISE EXCEPTION USING MESSAGE = format('%s is the last court administrator: make '
            'another one first (planner court grant --role admin)', who), HINT = __HINT__;
    END IF;
    IF old_role IS DISTINCT FROM new_role THEN
        DELETE FROM court_assignments WHERE login = who;
    END IF;
    INSERT INTO court_users (login, role) VALUES (who, new_role)
        ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role;
    IF new_role = 'judge' THEN
        DELETE FROM court_assignments WHERE login = who AND judge_id <> ALL (judge_ids);
    END IF;
    INSERT INTO court_assignments (login, judge_id)
        SELECT who, unnest(judge_ids) ON CONFLICT DO NOTHING;
    FOREACH member_of IN ARRAY ARRAY['planner_judge', 'planner_assistant', 'planner_admin'] LOOP
        IF member_of = 'planner_' || new_role THEN
            EXECUTE format('GRANT %I TO %I', member_of, who);
        ELSIF pg_has_role(who, member_of, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', member_of, who);
        END IF;
    END LOOP;
END
$$
"""

_REVOKE_SQL = """
CREATE OR REPLACE FUNCTION planner_court_revoke(who text, judge_ids integer[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    old_role text;
    member_of text;
BEGIN
    __ONLY_ADMINISTRATORS__
    SELECT role INTO old_role FROM court_users WHERE login = who FOR UPDATE;
    IF old_role IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = format('%s has no role on this court server: there is '
                                               'nothing to revoke', who), HINT = __HINT__;
    END IF;
    IF cardinality(judge_ids) > 0 THEN
        DELETE FROM court_assignments WHERE login = who AND judge_id = ANY (judge_ids);
        RETURN;
    END IF;
    IF old_role = 'admin' AND (SELECT count(*) FROM court_users WHERE role = 'admin') = 1 THEN
        RAISE EXCEPTION USING MESSAGE = format('%s is the last court administrator: make '
            'another one first (planner court grant --role admin)', who), HINT = __HINT__;
    END IF;
    DELETE FROM court_users WHERE login = who;
    FOREACH member_of IN ARRAY ARRAY['planner_judge', 'planner_assistant', 'planner_admin'] LOOP
        IF pg_has_role(who, member_of, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', member_of, who);
        END IF;
    END LOOP;
END
$$
"""


@dataclass(frozen=True)
class Setup:
    """What ``install`` found and did."""

    first_time: bool
    admin_added: bool


def install(engine: Engine, admin: str) -> Setup:
    """Make (or bring up to date) the roles, grants, policies and guards of a migrated court
    database, and make ``admin`` a court administrator. Run as the database's owner, with the
    right to create roles; running it again changes nothing that is already right."""
    _check_login(admin)
    import psycopg

    try:
        with engine.begin() as connection:
            first_time = not _installed(connection)
            _install(connection)
            known = connection.exec_driver_sql(
                "SELECT role FROM court_users WHERE login = %(who)s", {"who": admin}
            ).scalar()
            connection.exec_driver_sql(
                "SELECT planner_court_grant(%(who)s, 'admin', ARRAY[]::integer[])", {"who": admin}
            )
    except DBAPIError as error:
        raise explained(error, engine, doing=SETTING_UP) from None
    except psycopg.Error as error:  # from the statements run on the driver itself
        raise explained(error, engine, doing=SETTING_UP) from None
    return Setup(first_time=first_time, admin_added=known != "admin")


def _installed(connection: Connection) -> bool:
    found = connection.exec_driver_sql(
        "SELECT count(*) FROM pg_proc WHERE proname = 'planner_court_grant'"
    ).scalar()
    return bool(found)


def _install(connection: Connection) -> None:
    quote = connection.dialect.identifier_preparer.quote
    hint = "'" + RULE_HINT.replace("'", "''") + "'"
    driver = connection.connection.dbapi_connection
    assert driver is not None  # an open connection has its driver's

    def run(statement: str) -> None:
        # Straight to the driver, without parameters: psycopg then reads no placeholder in
        # the functions' format('%s ...') texts.
        cursor = driver.cursor()
        try:
            cursor.execute(statement)
        finally:
            cursor.close()

    schema = quote(str(connection.exec_driver_sql("SELECT current_schema()").scalar()))
    run(_GROUPS_SQL)
    run(f"GRANT USAGE ON SCHEMA {schema} TO {_ALL_GROUPS}")
    # Nobody else puts objects beside the tables (PostgreSQL 15's default; older servers'
    # databases, upgraded, still let everyone create in ``public``).
    run(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")
    # The functions resolve names in the tables' schema and nowhere a caller could put theirs.
    run(f"SET LOCAL search_path = {schema}, pg_temp")
    for function in (_RULE_SQL, _GUARD_SQL, _GRANT_SQL, _REVOKE_SQL):
        function = function.replace("__ONLY_ADMINISTRATORS__", _ONLY_ADMINISTRATORS)
        run(function.replace("__HINT__", hint).replace("__ACTS_FOR__", _ACTS_FOR))
    for function in _COURT_FUNCTIONS:
        run(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        run(f"GRANT EXECUTE ON FUNCTION {function} TO {GROUPS['admin']}")
    for table in (*_GUARDED, *_READ_ONLY):
        run(f"REVOKE ALL ON {quote(table)} FROM PUBLIC, {_ALL_GROUPS}")
        run(f"GRANT SELECT ON {quote(table)} TO {_ALL_GROUPS}")
    for table in EXEMPT:
        run(f"REVOKE ALL ON {quote(table)} FROM PUBLIC, {_ALL_GROUPS}")
    for table in _GUARDED:
        name = quote(table)
        run(f"GRANT INSERT, UPDATE, DELETE ON {name} TO {_EDITORS}")
        run(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        for policy in ("planner_read", "planner_add", "planner_change", "planner_remove"):
            run(f"DROP POLICY IF EXISTS {policy} ON {name}")
        key = _KEYS[table]
        # Every court user of this database reads every docket; the group roles are the
        # whole server's, so membership alone (a role in another court's database) is not
        # enough.
        run(
            f"CREATE POLICY planner_read ON {name} FOR SELECT TO {_ALL_GROUPS} "
            f"USING ({_A_COURT_USER})"
        )
        run(f"CREATE POLICY planner_add ON {name} FOR INSERT TO {_EDITORS} WITH CHECK ({key})")
        # USING (true): the row as it was is the guard's to check (and to name the rule for).
        run(
            f"CREATE POLICY planner_change ON {name} FOR UPDATE TO {_EDITORS} "
            f"USING (true) WITH CHECK ({key})"
        )
        run(f"CREATE POLICY planner_remove ON {name} FOR DELETE TO {_EDITORS} USING (true)")
        run(f"DROP TRIGGER IF EXISTS planner_guard ON {name}")
        run(
            f"CREATE TRIGGER planner_guard BEFORE INSERT OR UPDATE OR DELETE ON {name} "
            "FOR EACH ROW EXECUTE FUNCTION planner_guard()"
        )
    run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM PUBLIC")
    run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {_EDITORS}")


_COURT_FUNCTIONS = (
    "planner_court_grant(text, text, integer[])",
    "planner_court_revoke(text, integer[])",
)


# Granting and revoking --------------------------------------------------------------------------


def grant(engine: Engine, login: str, role: Role, judges: Sequence[str]) -> str:
    """Give ``login`` a court role (and, for a judge or a legal assistant, the judges they act
    for): at once, for the login's next statement. Returns what was done, in a sentence."""
    _check_login(login)
    try:
        with engine.begin() as connection:
            ids, names = _judge_ids(connection, judges)
            connection.exec_driver_sql(
                "SELECT planner_court_grant(%(who)s, %(role)s, %(ids)s)",
                {"who": login, "role": role, "ids": ids},
            )
    except DBAPIError as error:
        raise explained(error, engine, doing="grant a court role") from None
    title = TITLES[role]
    if role == "judge":
        return f"{login} is now Judge {names[0]}'s login: they change that docket only"
    if role == "assistant":
        return f"{login} is now a legal assistant to {_listed(names)}"
    return f"{login} is now a {title}: they read every judge's docket and change none"


def revoke(engine: Engine, login: str, judges: Sequence[str]) -> str:
    """Take ``login``'s court role away, or only the listed judges from the ones they act for."""
    _check_login(login)
    try:
        with engine.begin() as connection:
            ids, names = _judge_ids(connection, judges)
            assigned = {
                judge_id
                for (judge_id,) in connection.exec_driver_sql(
                    "SELECT judge_id FROM court_assignments WHERE login = %(who)s",
                    {"who": login},
                )
            }
            role = connection.exec_driver_sql(
                "SELECT role FROM court_users WHERE login = %(who)s", {"who": login}
            ).scalar()
            for judge_id, name in zip(ids, names, strict=True):
                if role is not None and judge_id not in assigned:
                    raise Conflict(
                        f"{login} does not act for Judge {name}: there is nothing to revoke"
                    )
            connection.exec_driver_sql(
                "SELECT planner_court_revoke(%(who)s, %(ids)s)", {"who": login, "ids": ids}
            )
    except DBAPIError as error:
        raise explained(error, engine, doing="revoke a court role") from None
    if ids:
        return f"{login} no longer acts for {_listed(names)}"
    return f"{login} no longer has a role on this court server"


def _judge_ids(connection: Connection, judges: Sequence[str]) -> tuple[list[int], list[str]]:
    """The ids and stored names of the judges named (whatever their case, as on the command
    line)."""
    stored = {
        name_key(name): (judge_id, name)
        for judge_id, name in connection.exec_driver_sql("SELECT id, name FROM judges")
    }
    ids: list[int] = []
    names: list[str] = []
    for wanted in judges:
        found = stored.get(name_key(wanted))
        if found is None:
            raise Conflict(f"there is no judge named {wanted!r} on this court server")
        if found[0] not in ids:
            ids.append(found[0])
            names.append(found[1])
    return ids, names


def _listed(names: Sequence[str]) -> str:
    judges = [f"Judge {name}" for name in names]
    return judges[0] if len(judges) == 1 else ", ".join(judges[:-1]) + " and " + judges[-1]


def _check_login(login: str) -> None:
    if not login or len(login.encode()) > 63 or login != login.strip():
        raise Conflict(
            f"{login!r} is not a login name of the server: 1 to 63 bytes, no leading or "
            "trailing spaces"
        )


# What the login may change ---------------------------------------------------------------------


def what_login_may_change(engine: Engine) -> Permissions:
    """What the engine's login may change, as the server's rules say (``planner court grant``):
    on SQLite, everything; on a court server, the owner everything, a judge or a legal
    assistant the dockets of the judges they act for, an administrator or a login with no role
    none. A login that cannot even read who acts for whom has no role."""
    if engine.dialect.name != "postgresql":
        return Permissions(login="", role=None, everything=True)
    try:
        with engine.connect() as connection:
            login = str(connection.exec_driver_sql("SELECT current_user").scalar())
            owner = connection.exec_driver_sql(
                "SELECT pg_has_role(current_user, relowner, 'MEMBER') FROM pg_class "
                "WHERE oid = to_regclass('judges')"
            ).scalar()
    except DBAPIError as error:
        raise explained(error, engine, doing="read who may change which docket") from None
    if owner:
        return Permissions(login=login, role=None, everything=True)
    try:
        with engine.connect() as connection:
            role = connection.exec_driver_sql(
                "SELECT role FROM court_users WHERE login = current_user"
            ).scalar()
            ids = frozenset(
                int(judge_id) for (judge_id,) in connection.exec_driver_sql(_ACTS_FOR_QUERY)
            )
    except DBAPIError:  # no grant on who acts for whom: no role on this court
        return Permissions(login=login, role=None)
    known: Role | None = role if role in GROUPS else None
    return Permissions(login=login, role=known, judge_ids=ids if known else frozenset())


# Refusals in words ------------------------------------------------------------------------------


def refusal(error: DBAPIError, engine: Engine) -> StoreError | None:
    """A change the server refused (SQLSTATE 42501, insufficient privilege: a guard's rule, a
    row-level security policy, a missing grant) as the rule it broke, in one sentence; None
    for any other error."""
    if getattr(error.orig, "sqlstate", None) != "42501":
        return None
    return explained(error, engine, doing=CHANGING)


SETTING_UP = "set up the court server"
#: An undefined table or function: the database was never set up by ``court init``.
_NOT_SET_UP = ("42P01", "42883")
CHANGING = "change the docket"


def explained(error: Exception, engine: Engine, doing: str) -> StoreError:
    """The server's error (SQLAlchemy's, or psycopg's own) as a store error in one sentence:
    what could not be done, and why."""
    original = getattr(error, "orig", None) or error
    diag = getattr(original, "diag", None)
    message = str(getattr(diag, "message_primary", None) or original or error).strip()
    sqlstate = getattr(original, "sqlstate", None)
    if getattr(diag, "message_hint", None) == RULE_HINT:
        return NotAllowed(message) if sqlstate == "42501" else Conflict(message)
    if sqlstate == "42501":
        login, role = _role_of_login(engine)
        if doing == SETTING_UP:
            return NotAllowed(
                f"{login} may not set up the court server: run 'planner court init' as the "
                f"database's owner, with the right to create roles (the server says: {message})"
            )
        if doing != CHANGING:
            return NotAllowed(
                f"{login} may not {doing}: only a court administrator or the server's owner "
                f"may (the server says: {message})"
            )
        if role == "admin":
            return NotAllowed(
                f"court administrator {login} may read every judge's docket but change none"
            )
        if role == "judge":
            return NotAllowed(
                f"judge {login} may change only their own docket (the server says: {message})"
            )
        if role == "assistant":
            return NotAllowed(
                f"legal assistant {login} may change only their assigned judges' dockets (the "
                f"server says: {message})"
            )
        return NotAllowed(
            f"{login} has no role on this court server: a court administrator gives one with "
            "'planner court grant'"
        )
    if sqlstate in _NOT_SET_UP and doing != SETTING_UP:
        where = engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
        return StoreError(
            f"{where} is not set up as a court server ({message}): its owner runs "
            "'planner court init' first"
        )
    if sqlstate is None or sqlstate.startswith(("08", "28")):
        where = engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
        first = message.splitlines()[0] if message else type(original).__name__
        return DatabaseUnavailable(f"could not {doing} on {where}: {first}")
    return StoreError(f"could not {doing}: the server says {message}")


def _role_of_login(engine: Engine) -> tuple[str, str | None]:
    """The engine's login and its court role, asked on a connection of its own (the refused
    transaction can run nothing more); no role when it has none, or cannot even read them."""
    login = engine.url.username or "this login"
    try:
        with engine.connect() as connection:
            login = str(connection.exec_driver_sql("SELECT current_user").scalar())
            role = connection.exec_driver_sql(
                "SELECT role FROM court_users WHERE login = current_user"
            ).scalar()
    except DBAPIError:
        return login, None
    return login, None if role is None else str(role)
