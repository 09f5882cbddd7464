"""The database tables, as SQLAlchemy 2 typed ORM classes. Vocabulary values are stored as text."""

import uuid
from datetime import UTC, date, datetime, time

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _version() -> Mapped[int]:
    """The row's version counter: SQLAlchemy adds ``AND version = ?`` to each UPDATE of the row and
    counts it up, so an edit made from a stale read changes nothing (optimistic concurrency)."""
    return mapped_column(Integer, nullable=False, server_default=text("1"))


def _changed_by() -> Mapped[str]:
    """Who saved the row last (the operating system's user name), to say who changed what."""
    return mapped_column(String(100), nullable=False, server_default="", default="")


def new_uid() -> str:
    """A row's global identity (schema revision 0004): a random UUID, so rows that two machines
    add while apart (a laptop checked out and the court server) never take the same key."""
    return str(uuid.uuid4())


def saved_now() -> datetime:
    """When a row is saved: UTC, without a zone (as every stored moment of the store's own)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _uid() -> Mapped[str | None]:
    """The row's global identity. Filled on insert by the ORM and Core; a row written by the
    store's raw bulk insert (the demo's 750,000 cases) gets one when it is first checked out
    (``planner.store.sync_rows.give_uids``). Unique where present."""
    return mapped_column(String(36), default=new_uid)


def _changed_at() -> Mapped[datetime | None]:
    """When the row was saved last (UTC), to say when each side changed a row that collides."""
    return mapped_column(DateTime, default=saved_now, onupdate=saved_now)


def _judge_fk() -> ForeignKey:
    return ForeignKey("judges.id", ondelete="CASCADE")


#: SQLite's AUTOINCREMENT: an id, once given, is never given again, even after its row is deleted
#: (schema revision 0003), so an edit opened on a removed row can never land on another.
NEVER_REUSED = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class JudgeRow(Base):
    __tablename__ = "judges"
    __table_args__ = (Index("ix_judges_uid", "uid", unique=True), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    court: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    quota: Mapped[int] = mapped_column(Integer)
    fy_start_month: Mapped[int] = mapped_column(Integer)
    fy_start_day: Mapped[int] = mapped_column(Integer)
    at_risk_slack_pct: Mapped[float] = mapped_column(Float)
    #: The rule set the judge picked (NULL: the one in force), and the judge's settings of its
    #: age targets as JSON (NULL: none) - revision 0004_rule_sets.
    rule_set: Mapped[str | None] = mapped_column(String(16), nullable=True)
    age_targets: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The adjournment rate the forecast assumes until there is history, in percent, and the
    #: recorded outcomes that make enough history (NULL: the defaults) - 0006_adjournment_rate.
    adjournment_rate_pct: Mapped[float | None] = mapped_column(Float, nullable=True)
    adjournment_history: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = _version()
    changed_by: Mapped[str] = _changed_by()
    uid: Mapped[str | None] = _uid()
    changed_at: Mapped[datetime | None] = _changed_at()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class SessionRow(Base):
    """A block of a judge's weekly template."""

    __tablename__ = "template_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(_judge_fk(), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)
    kind: Mapped[str] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(64))
    #: A master calendar's limit of cases and its call times ("08:30,10:00"); NULL: not one.
    case_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    call_times: Mapped[str | None] = mapped_column(Text, nullable=True)


class CaseKindRow(Base):
    """A judge's default and minimum remaining minutes for a case kind."""

    __tablename__ = "case_kind_minutes"

    judge_id: Mapped[int] = mapped_column(_judge_fk(), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), primary_key=True)
    default_minutes: Mapped[int] = mapped_column(Integer)
    minimum_minutes: Mapped[int] = mapped_column(Integer)


class HearingKindRow(Base):
    """A judge's default and minimum minutes for a hearing kind."""

    __tablename__ = "hearing_kind_minutes"

    judge_id: Mapped[int] = mapped_column(_judge_fk(), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    default_minutes: Mapped[int] = mapped_column(Integer)
    minimum_minutes: Mapped[int] = mapped_column(Integer)


class CountedCompletionRow(Base):
    """A completion kind that counts toward the judge's quota."""

    __tablename__ = "counted_completions"

    judge_id: Mapped[int] = mapped_column(_judge_fk(), primary_key=True)
    completion_kind: Mapped[str] = mapped_column(String(32), primary_key=True)


class ClosureRow(Base):
    __tablename__ = "closures"
    __table_args__ = (UniqueConstraint("judge_id", "day"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(_judge_fk())
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))


class LeaveRow(Base):
    __tablename__ = "leave"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(_judge_fk(), index=True)
    start: Mapped[datetime] = mapped_column(DateTime)
    end: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(32))
    all_day: Mapped[bool] = mapped_column(Boolean)


class CaseRow(Base):
    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("judge_id", "a_number"),
        Index("ix_cases_judge_status", "judge_id", "status"),
        Index("ix_cases_uid", "uid", unique=True),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(_judge_fk())
    a_number: Mapped[str] = mapped_column(String(9))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(64))
    detained: Mapped[bool] = mapped_column(Boolean)
    juvenile: Mapped[bool] = mapped_column(Boolean)
    language: Mapped[str] = mapped_column(String(64))
    represented: Mapped[bool] = mapped_column(Boolean)
    received: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    completion_date: Mapped[date | None] = mapped_column(Date)
    completion_kind: Mapped[str | None] = mapped_column(String(32))
    remaining_minutes: Mapped[int | None] = mapped_column(Integer)
    asylum_filed: Mapped[date | None] = mapped_column(Date)
    nta_served: Mapped[date | None] = mapped_column(Date)
    attorney: Mapped[str | None] = mapped_column(String(200))
    #: On the Dedicated Docket: its 300-day clock from the first master hearing (0006).
    dedicated_docket: Mapped[bool] = mapped_column(
        Boolean, nullable=False, server_default=false(), default=False
    )
    version: Mapped[int] = _version()
    changed_by: Mapped[str] = _changed_by()
    #: The name as the docket's search compares it (``planner.store.columns.name_search``),
    #: written by the store with every insert and update of the case (revision 0004_name_search).
    name_search: Mapped[str] = mapped_column(Text, server_default="")
    uid: Mapped[str | None] = _uid()
    changed_at: Mapped[datetime | None] = _changed_at()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class HearingRow(Base):
    __tablename__ = "hearings"
    __table_args__ = (
        Index("ix_hearings_case_start", "case_id", "start"),
        Index("ix_hearings_uid", "uid", unique=True),
        NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    start: Mapped[datetime] = mapped_column(DateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    adjournment_reason: Mapped[str | None] = mapped_column(Text)
    medium: Mapped[str] = mapped_column(
        String(16), nullable=False, server_default="in_person", default="in_person"
    )
    adjournment_cause: Mapped[str | None] = mapped_column(String(16))
    adjourned_by: Mapped[str | None] = mapped_column(String(16))
    version: Mapped[int] = _version()
    changed_by: Mapped[str] = _changed_by()
    uid: Mapped[str | None] = _uid()
    changed_at: Mapped[datetime | None] = _changed_at()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class CourtUserRow(Base):
    """A login's role on a court server: "judge", "assistant" (a legal assistant) or "admin" (a
    court administrator). Read by the server's row-level security (``court_access``); a SQLite
    file leaves it empty."""

    __tablename__ = "court_users"

    login: Mapped[str] = mapped_column(String(63), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))


class CourtAssignmentRow(Base):
    """A judge whose docket a login may change: a judge's own, or one a legal assistant is
    assigned to."""

    __tablename__ = "court_assignments"

    login: Mapped[str] = mapped_column(
        ForeignKey("court_users.login", ondelete="CASCADE"), primary_key=True
    )
    judge_id: Mapped[int] = mapped_column(_judge_fk(), primary_key=True, index=True)


class NoticeRow(Base):
    """A notice served on the respondent and counsel (schema revision 0004): that a hearing is
    set or moved (to ``start``, before ``judge``), or that it is cancelled. The latest notice of
    a hearing says what the parties were told; a hearing that differs from it needs another."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_uid", "uid", unique=True), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    #: The hearing's id, without a foreign key: a cancelled hearing is gone, and its notice
    #: stays (ids are never reused, so it can name no other hearing).
    hearing_id: Mapped[int] = mapped_column(Integer, index=True)
    event: Mapped[str] = mapped_column(String(16))
    start: Mapped[datetime] = mapped_column(DateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    judge: Mapped[str] = mapped_column(String(200))
    served: Mapped[date] = mapped_column(Date)
    changed_by: Mapped[str] = _changed_by()
    #: The notice's global identity, and its hearing's (kept when the hearing is gone): a
    #: check-in matches notices, and finds their hearings, by them (revision 0006_notice_keys).
    uid: Mapped[str | None] = _uid()
    hearing_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    changed_at: Mapped[datetime | None] = _changed_at()


class CourtRow(Base):
    """A court's own settings, by the name the judges' profiles give it: its address, printed
    on notices, and the notice period (days between a notice served and the hearing)."""

    __tablename__ = "courts"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    address: Mapped[str] = mapped_column(Text, default="")
    notice_days: Mapped[int] = mapped_column(Integer)


class CourtClosureRow(Base):
    """A day the whole court is closed (weather, building, executive order): every judge whose
    profile names the court is off that day. A judge's own closures are ``closures``."""

    __tablename__ = "court_closures"
    __table_args__ = (UniqueConstraint("court", "day"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    court: Mapped[str] = mapped_column(String(200))
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))


class CheckoutRow(Base):
    """On the court server: a judge's docket checked out to a laptop, by whom and since when
    (schema revision 0004). Others keep working on the docket meanwhile."""

    __tablename__ = "checkouts"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(_judge_fk(), index=True)
    token: Mapped[str] = mapped_column(String(36), unique=True)
    checked_out_by: Mapped[str] = mapped_column(String(100))
    since: Mapped[datetime] = mapped_column(DateTime)
    copy: Mapped[str] = mapped_column(String(1000))


class CheckinReceiptRow(Base):
    """On the court server: a check-in committed (schema revision 0004), by the id the laptop
    noted before the server's commit: a check-in killed after that commit is finished, not
    merged again, by the next."""

    __tablename__ = "checkin_receipts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    judge_id: Mapped[int] = mapped_column(_judge_fk(), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)


class CheckoutCopyRow(Base):
    """On the laptop: what was copied from the server at check-out (the base of the three-way
    merge at check-in), as JSON, with where it came from."""

    __tablename__ = "checkout_copies"

    judge_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    token: Mapped[str] = mapped_column(String(36))
    server: Mapped[str] = mapped_column(String(1000))
    checked_out_by: Mapped[str] = mapped_column(String(100))
    since: Mapped[datetime] = mapped_column(DateTime)
    base: Mapped[str] = mapped_column(Text)
    #: A check-in under way: the merge being committed on the server and the laptop's docket as
    #: it was (JSON), so that one killed between the server's commit and the laptop's update is
    #: finished by the next (``planner.services.offline``).
    pending: Mapped[str | None] = mapped_column(Text)


#: Alembic's bookkeeping table, read to see whether a database needs migrating.
alembic_version = Table(
    "alembic_version", MetaData(), Column("version_num", String(32), primary_key=True)
)
