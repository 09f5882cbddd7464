"""The auto-scheduler as use cases: propose (one read), compare policies, apply (one transaction).

A window runs ``propose_schedule`` or ``compare_policies`` in a worker thread with a
``progress(done, total)`` callback and a ``cancelled()`` check; ``apply_proposal`` then stores the
proposal the user chose, all of it or none, after checking the docket has not changed since.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planner.domain.calendar import CourtCalendar, fiscal_year_bounds, fiscal_year_of
from planner.domain.docket import Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.notices import noticed_hearings
from planner.domain.plural import counted, plural
from planner.scheduling.autoschedule import Options, Policy, Proposal, propose
from planner.scheduling.replan import Replan, replan
from planner.services.clock import now_for
from planner.services.forecasting import select_judges
from planner.store.database import Database
from planner.store.errors import Conflict
from planner.store.reader import Reader
from planner.store.repository import Repository

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Applied:
    """What ``apply_proposal`` stored."""

    judge: str
    hearings: int
    cases: int
    hearing_ids: tuple[int, ...] = ()  # the stored hearings, for an undo (``withdraw_applied``)

    def describe(self) -> str:
        return (
            f"Stored {counted(self.hearings, 'proposed hearing')} of "
            f"{counted(self.cases, 'case')} "
            f"on {self.judge}'s calendar."
        )


def _load(repo: Reader | Repository, judge_name: str) -> Docket:
    """The judge's docket, with the court-wide closures among its closures: the scheduler
    places nothing on a day the court is closed."""
    judge = select_judges(repo, judge_name)[0]
    docket = repo.load_docket(judge.id)  # type: ignore[arg-type]
    closures, _leave = repo.calendar(judge.id)  # type: ignore[arg-type]
    return replace(docket, closures=tuple(closures))


def _first_day(docket: Docket, first: date | None) -> date:
    """``first``, or by default tomorrow in the judge's time zone (a proposal never sets a
    hearing for later today)."""
    return first or now_for(docket.judge).date() + timedelta(days=1)


def _run(
    docket: Docket,
    first: date,
    policies: Sequence[Policy],
    options: Options,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> list[Proposal]:
    judge = docket.judge
    _fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(first, judge), judge)
    calendar = CourtCalendar(judge, docket.closures, docket.leave, first, fy_last)
    results = []
    for number, policy in enumerate(policies):

        def step(done: int, total: int, number: int = number) -> None:
            # Each policy is a thousandth-by-thousandth share of the whole.
            if progress is not None:
                share = 1000 * done // total if total else 1000
                progress(number * 1000 + share, len(policies) * 1000)

        results.append(
            propose(
                judge,
                calendar,
                docket.cases,
                docket.hearings,
                first,
                policy,
                options,
                progress=step,
                cancelled=cancelled,
            )
        )
    return results


def compare_policies(
    database: Database,
    judge_name: str,
    first: date | None = None,
    policies: Sequence[Policy | str] = tuple(Policy),
    options: Options = Options(),  # noqa: B008 (frozen)
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Proposal]:
    """One proposal per policy, from one read of the docket (nothing is stored).

    ``progress(done, total)`` counts a thousand steps per policy, never going back;
    ``cancelled()`` returning True stops with ``Cancelled``.
    """
    _check(options)
    with database.read() as reader:
        docket = _load(reader, judge_name)
    chosen = [Policy(p) for p in policies]
    return _run(docket, _first_day(docket, first), chosen, options, progress, cancelled)


def propose_schedule(
    database: Database,
    judge_name: str,
    first: date | None = None,
    policy: Policy | str = Policy.OLDEST,
    options: Options = Options(),  # noqa: B008 (frozen)
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Proposal:
    """The proposal of one policy (nothing is stored)."""
    return compare_policies(
        database, judge_name, first, (policy,), options, progress=progress, cancelled=cancelled
    )[0]


def forecast_bound(database: Database, proposal: Proposal) -> dict[str, object]:
    """The forecast's K(1) from the proposal's first day, beside the schedule's completions,
    and what keeps them apart, in words (``planner schedule --json``: ``forecast_bound``,
    ``forecast_bound_gap``)."""
    from planner.services.forecasting import forecast_judges

    (forecast,) = forecast_judges(database, proposal.judge, proposal.first)
    bound = forecast.max_completions_at_current_lengths
    words = (
        f"The forecast's bound, {counted(bound, 'completion')} by fiscal-year end, counts the "
        "minutes of every pending case, booked or not, against each pool's bench time as one "
        f"sum; the schedule completes {proposal.completions_by_fy_end:,} of the cases not yet "
        "scheduled, each hearing inside one session on one day, "
        f"{counted(proposal.options.buffer_minutes, 'minute')} between hearings, a case's later "
        "hearings on later days, the notice period and the interpreters' languages kept."
    )
    return {"forecast_bound": bound, "forecast_bound_gap": words}


def apply_proposal(database: Database, proposal: Proposal) -> Applied:
    """Store a proposal's hearings in one transaction: all of them or none.

    The proposal is made again inside the transaction from the docket as it is now; if that
    differs from ``proposal`` (a case, hearing, leave or template changed since), nothing is
    stored and ``Conflict`` asks for a new preview.
    """
    with database.transaction() as repo:
        docket = _load(repo, proposal.judge)
        again = _run(docket, proposal.first, (proposal.policy,), proposal.options, None, None)[0]
        if again.proposed != proposal.proposed:
            raise Conflict(
                f"{proposal.judge}'s docket changed since this proposal was made; "
                "preview it again before applying"
            )
        return _store(repo, docket, again)


def schedule_and_apply(
    database: Database,
    judge_name: str,
    first: date | None = None,
    policy: Policy | str = Policy.OLDEST,
    options: Options = Options(),  # noqa: B008 (frozen)
) -> tuple[Proposal, Applied]:
    """Propose and store in one transaction (the command line's ``--apply``)."""
    _check(options)
    with database.transaction() as repo:
        docket = _load(repo, judge_name)
        proposal = _run(docket, _first_day(docket, first), (Policy(policy),), options, None, None)[
            0
        ]
        return proposal, _store(repo, docket, proposal)


def _store(repo: Repository, docket: Docket, proposal: Proposal) -> Applied:
    judge_id: int = docket.judge.id  # type: ignore[assignment]
    last = repo.last_hearing_id()
    repo.add_hearings(judge_id, proposal.hearings())
    ids = tuple(repo.hearing_ids_after(judge_id, last))  # inside the transaction: only ours
    cases = len({p.a_number for p in proposal.proposed})
    return Applied(docket.judge.name, len(proposal.proposed), cases, ids)


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """Applied hearings taken off the calendar again, as they were, to put back on a redo."""

    judge: str
    hearings: tuple[tuple[int, Hearing], ...]  # (case id, hearing with its id)


def withdraw_applied(database: Database, applied: Applied) -> Withdrawn:
    """Take an applied proposal's hearings off the calendar in one transaction (its undo).

    Exactly the hearings ``apply_proposal`` stored, by id; if one of them is gone, nothing is
    removed and ``Conflict`` says so.
    """
    with database.transaction() as repo:
        entries = repo.entries(applied.hearing_ids)
        if len(entries) != len(set(applied.hearing_ids)):
            raise Conflict(
                f"{len(applied.hearing_ids) - len(entries):,} of the hearings it stored "
                f"{plural(len(applied.hearing_ids) - len(entries), 'is', 'are')} no longer in "
                "this database; nothing was taken off"
            )
        repo.delete_hearings(applied.hearing_ids)
        return Withdrawn(applied.judge, tuple((e.case_id, e.hearing()) for e in entries))


def restore_withdrawn(database: Database, withdrawn: Withdrawn) -> None:
    """Put withdrawn hearings back under their ids in one transaction (the redo of an apply)."""
    with database.transaction() as repo:
        repo.put_back_hearings(withdrawn.hearings)


def _check(options: Options) -> None:
    if not 0 <= options.buffer_minutes <= 120:
        raise InvalidValue(f"buffer {options.buffer_minutes!r} minutes must be 0 to 120")
    if not 0 <= options.notice_days <= 365:
        raise InvalidValue(f"notice period {options.notice_days!r} days must be 0 to 365")


def propose_replan(
    database: Database,
    judge_name: str,
    first: date | None = None,
    *,
    move_noticed: bool = False,
) -> Replan:
    """A re-plan of the judge's hearings in conflict from ``first`` (default: tomorrow), read
    in one transaction (nothing is stored): the hearings whose notice was served for their time
    are pinned unless ``move_noticed``; its ``summary()`` says how many noticed hearings it
    moves or leaves."""
    with database.transaction() as repo:
        return replan_in(repo, judge_name, first, move_noticed=move_noticed)[1]


def replan_in(
    repo: Repository, judge_name: str, first: date | None = None, *, move_noticed: bool = False
) -> tuple[str, Replan]:
    """``propose_replan`` inside a transaction already open (``replanning.replan_and_apply``
    stores it in the same one); with the judge's name as stored."""
    docket = _load(repo, judge_name)
    served = repo.notices().served_for(docket.judge.id)  # type: ignore[arg-type]
    court = repo.notices().court(docket.judge.court.strip())
    start = _first_day(docket, first)
    _fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(start, docket.judge), docket.judge)
    calendar = CourtCalendar(docket.judge, docket.closures, docket.leave, start, fy_last)
    noticed = noticed_hearings(
        ((h.id, h.start) for h in docket.hearings if h.id is not None), served
    )
    return docket.judge.name, replan(
        docket.judge,
        calendar,
        docket.cases,
        docket.hearings,
        start,
        noticed,
        move_noticed=move_noticed,
        notice_days=court.notice_days,
    )
