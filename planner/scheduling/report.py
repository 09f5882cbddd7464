"""The auto-scheduler's proposal and its comparison of policies, as text a clerk reads."""

from collections.abc import Sequence

from planner.domain.anumber import format_a_number
from planner.domain.plural import counted
from planner.scheduling.autoschedule import POLICY_TITLES, Policy, Proposal


def _wait(proposal: Proposal) -> str:
    if proposal.oldest_tenth_wait_days is None:
        return "-"
    at_least = "at least " if proposal.oldest_tenth_unplaced else ""
    return f"{at_least}{proposal.oldest_tenth_wait_days:,.1f} days"


def render_figures(p: Proposal) -> list[str]:
    notice = counted(p.options.notice_days, "day's", "days'")
    return [
        f"{p.judge}: proposal '{p.policy.value}' ({POLICY_TITLES[p.policy]}), "
        f"{p.first:%d %b %Y} to fiscal-year end {p.fiscal_year_end:%d %b %Y}",
        f"  Unscheduled cases considered   {p.cases:,}",
        f"  Proposed hearings              {len(p.proposed):,} ({p.proposed_minutes / 60:,.1f} h)",
        f"  Completions by FY end          {p.completions_by_fy_end:,}",
        f"  Legal deadlines met / missed   {p.deadlines_met:,} / {p.deadlines_missed:,}"
        f"  ({p.deadlines_already_past:,} had run out before {p.first:%d %b %Y})",
        f"  Oldest tenth waits (mean)      {_wait(p)} from receipt to completion"
        f" ({p.oldest_tenth_unplaced:,} of them not completed by FY end)",
        f"  Not completed by FY end        {len(p.unplaced):,}"
        f" ({sum(u.partly for u in p.unplaced):,} of them get their next hearing)",
        f"  Buffer {p.options.buffer_minutes} min between hearings; "
        f"{notice} notice before a first hearing",
    ] + ([f"  {p.grouping_text()}"] if p.grouping_cost is not None else [])


def render_proposal(p: Proposal) -> str:
    """The figures, every proposed hearing, and every case not completed with its reason."""
    lines = render_figures(p)
    if p.proposed:
        lines += ["", "Proposed hearings:"]
        lines += [
            f"  {h.start:%a %Y-%m-%d %H:%M}  {h.minutes:>3} min  {h.kind.value:<12} "
            f"{format_a_number(h.a_number)}"
            for h in p.proposed
        ]
    if p.unplaced:
        lines += ["", "Not completed by fiscal-year end:"]
        lines += [f"  {format_a_number(u.a_number)}  {u.reason}" for u in p.unplaced]
    return "\n".join(lines)


def render_comparison(proposals: Sequence[Proposal]) -> str:
    """The policies side by side: what reaching the quota costs the oldest cases."""
    if not proposals:
        return ""
    first = proposals[0]
    head = (
        f"{first.judge}: {counted(first.cases, 'unscheduled case')}, {first.first:%d %b %Y} to "
        f"fiscal-year end {first.fiscal_year_end:%d %b %Y}"
    )
    rows = [
        ("policy", [p.policy.value for p in proposals]),
        ("completions by FY end", [f"{p.completions_by_fy_end:,}" for p in proposals]),
        ("deadlines met", [f"{p.deadlines_met:,}" for p in proposals]),
        ("deadlines missed", [f"{p.deadlines_missed:,}" for p in proposals]),
        ("oldest tenth wait (days)", [_wait(p).replace(" days", "") for p in proposals]),
        ("oldest tenth not completed", [f"{p.oldest_tenth_unplaced:,}" for p in proposals]),
        ("proposed hearings", [f"{len(p.proposed):,}" for p in proposals]),
        ("proposed hours", [f"{p.proposed_minutes / 60:,.1f}" for p in proposals]),
        ("not completed", [f"{len(p.unplaced):,}" for p in proposals]),
    ]
    width = max(18, *(len(v) for _, values in rows for v in values))
    label = max(len(name) for name, _ in rows)
    lines = [head, ""]
    lines += [
        f"  {name:<{label}}  " + "".join(f"{v:>{width}}" for v in values) for name, values in rows
    ]
    return "\n".join(lines)


def render_tradeoff(proposals: Sequence[Proposal]) -> str:
    """One sentence: what the most completions cost the oldest tenth against oldest first.

    Empty unless both the ``oldest`` and the ``max-completions`` proposals are given.
    """
    by = {p.policy: p for p in proposals}
    oldest, most = by.get(Policy.OLDEST), by.get(Policy.MAX_COMPLETIONS)
    if oldest is None or most is None or not oldest.cases:
        return ""
    gained = most.completions_by_fy_end - oldest.completions_by_fy_end
    more = (
        f"{counted(gained, 'more completion')} by fiscal-year end"
        if gained > 0
        else "no more completions by fiscal-year end"
        if gained == 0
        else f"{counted(-gained, 'fewer completion')} by fiscal-year end"
    )
    a, b = oldest.oldest_tenth_wait_days, most.oldest_tenth_wait_days
    if a is None or b is None:
        return f"Shortest first gives {more} than oldest first."
    longer = b - a
    wait = f"the oldest tenth of the cases waits {_wait(most)} on average, " + (
        f"{longer:,.1f} days longer than under oldest first"
        if longer > 0
        else "no longer than under oldest first"
    )
    left = most.oldest_tenth_unplaced - oldest.oldest_tenth_unplaced
    tail = f", and {left:,} more of them are not completed by fiscal-year end" if left > 0 else ""
    return f"Shortest first gives {more} than oldest first; {wait}{tail}."
