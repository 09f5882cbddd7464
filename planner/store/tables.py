"""The database tables, as SQLAlchemy 2 typed ORM classes. Vocabulary values are stored as text."""

from datetime import date, datetime, time

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


def _judge_fk() -> ForeignKey:
    return ForeignKey("judges.id", ondelete="CASCADE")


#: SQLite's AUTOINCREMENT: an id, once given, is never given again, even after its row is deleted
#: (schema revision 0003), so an edit opened on a removed row can never land on another.
NEVER_REUSED = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class JudgeRow(Base):
    __tablename__ = "judges"
    __table_args__ = NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    court: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    quota: Mapped[int] = mapped_column(Integer)
    fy_start_month: Mapped[int] = mapped_column(Integer)
    fy_start_day: Mapped[int] = mapped_column(Integer)
    at_risk_slack_pct: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = _version()
    changed_by: Mapped[str] = _changed_by()

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
    version: Mapped[int] = _version()
    changed_by: Mapped[str] = _changed_by()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class HearingRow(Base):
    __tablename__ = "hearings"
    __table_args__ = (Index("ix_hearings_case_start", "case_id", "start"), NEVER_REUSED)

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
    version: Mapped[int] = _version()
    changed_by: Mapped[str] = _changed_by()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


#: Alembic's bookkeeping table, read to see whether a database needs migrating.
alembic_version = Table(
    "alembic_version", MetaData(), Column("version_num", String(32), primary_key=True)
)
