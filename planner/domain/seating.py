"""Which bench sessions a hearing may sit in: the one table of the rule (docs/scheduling.md),
used alike by the calendar's refusals, the auto-scheduler and the forecast; and the pools it
makes of a weekly template (session kinds that accept the same hearings, docs/forecast.md)."""

from collections.abc import Iterable
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from planner.domain.judge import Session
from planner.domain.vocabulary import HearingKind, SessionKind


class Track(StrEnum):
    """Which docket a case is heard on, from its detained and juvenile flags."""

    ORDINARY = "ordinary"
    DETAINED = "detained"
    JUVENILE = "juvenile"
    DETAINED_JUVENILE = "detained_juvenile"


def track_of(detained: bool, juvenile: bool) -> Track:
    if detained:
        return Track.DETAINED_JUVENILE if juvenile else Track.DETAINED
    return Track.JUVENILE if juvenile else Track.ORDINARY


_M = frozenset({SessionKind.MASTER})
_I = frozenset({SessionKind.INDIVIDUAL})
_DM = frozenset({SessionKind.DETAINED_MASTER})
_DI = frozenset({SessionKind.DETAINED_INDIVIDUAL})
_J = frozenset({SessionKind.JUVENILE})
_BOND = frozenset({SessionKind.BOND, SessionKind.DETAINED_MASTER, SessionKind.DETAINED_INDIVIDUAL})
_BENCH = frozenset(kind for kind in SessionKind if kind.is_bench)

#: (hearing kind, track) -> tiers of session kinds, the most specific first. A hearing may sit in
#: a session of the FIRST tier of which the judge's weekly template has at least one session; the
#: later tiers are the fallbacks for templates without such sessions.
SESSION_TIERS: dict[tuple[HearingKind, Track], tuple[frozenset[SessionKind], ...]] = {
    (HearingKind.MASTER, Track.ORDINARY): (_M,),
    (HearingKind.MASTER, Track.DETAINED): (_DM, _M),
    (HearingKind.MASTER, Track.JUVENILE): (_J, _M),
    (HearingKind.MASTER, Track.DETAINED_JUVENILE): (_DM, _J, _M),
    (HearingKind.INDIVIDUAL, Track.ORDINARY): (_I,),
    (HearingKind.INDIVIDUAL, Track.DETAINED): (_DI, _I),
    (HearingKind.INDIVIDUAL, Track.JUVENILE): (_J, _I),
    (HearingKind.INDIVIDUAL, Track.DETAINED_JUVENILE): (_DI, _J, _I),
    (HearingKind.BOND, Track.ORDINARY): (_BOND, _M),
    (HearingKind.BOND, Track.DETAINED): (_BOND, _M),
    (HearingKind.BOND, Track.JUVENILE): (_BOND, _M),
    (HearingKind.BOND, Track.DETAINED_JUVENILE): (_BOND, _M),
    (HearingKind.FEAR_REVIEW, Track.ORDINARY): (_BENCH,),
    (HearingKind.FEAR_REVIEW, Track.DETAINED): (_BENCH,),
    (HearingKind.FEAR_REVIEW, Track.JUVENILE): (_BENCH,),
    (HearingKind.FEAR_REVIEW, Track.DETAINED_JUVENILE): (_BENCH,),
    (HearingKind.MOTION, Track.ORDINARY): (_BENCH,),
    (HearingKind.MOTION, Track.DETAINED): (_BENCH,),
    (HearingKind.MOTION, Track.JUVENILE): (_BENCH,),
    (HearingKind.MOTION, Track.DETAINED_JUVENILE): (_BENCH,),
}


def fitting_session_kinds(
    hearing_kind: HearingKind, detained: bool, juvenile: bool, template: Iterable[Session]
) -> frozenset[SessionKind]:
    """The session kinds this hearing may sit in, given the kinds the judge's template has.

    When the template has none of any tier, the last (the ordinary) tier is the answer, so a
    refusal can say what kind of session the hearing needs.
    """
    present = {session.kind for session in template}
    tiers = SESSION_TIERS[(hearing_kind, track_of(detained, juvenile))]
    for tier in tiers:
        if not tier.isdisjoint(present):
            return tier
    return tiers[-1]


def session_words(kind: SessionKind) -> str:
    """``detained_master`` as a clerk says it: "detained master"."""
    return kind.value.replace("_", " ")


@cache  # a few dozen sets at most; the conflicts of a busy month say them thousands of times
def describe_kinds(kinds: frozenset[SessionKind]) -> str:
    """ "a master session", "a bond, detained master or detained individual session"."""
    if kinds == _BENCH:
        return "a bench session"
    words = [session_words(kind) for kind in SessionKind if kind in kinds]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    article = "an" if listed[0] in "aeiou" else "a"
    return f"{article} {listed} session"


class Pool(NamedTuple):
    """Session kinds of a template that accept the same hearings: their minutes are one pool."""

    session_kinds: frozenset[SessionKind]
    accepts: frozenset[tuple[HearingKind, Track]]

    @property
    def hearing_kinds(self) -> tuple[HearingKind, ...]:
        """The hearing kinds it accepts (for some track), in the vocabulary's order."""
        kinds = {kind for kind, _track in self.accepts}
        return tuple(kind for kind in HearingKind if kind in kinds)

    @property
    def name(self) -> str:
        """ "individual", "bond, detained master": its session kinds as a clerk says them."""
        return ", ".join(session_words(k) for k in SessionKind if k in self.session_kinds)


def pools_of(template: Iterable[Session]) -> tuple[Pool, ...]:
    """The template's bench session kinds grouped by the hearings they accept, in the
    vocabulary's order of their first session kind."""
    template = tuple(template)
    present = [k for k in SessionKind if k.is_bench and any(s.kind is k for s in template)]
    accepts: dict[SessionKind, frozenset[tuple[HearingKind, Track]]] = {
        kind: frozenset(
            key
            for key in SESSION_TIERS
            if kind in fitting_session_kinds(key[0], *_flags(key[1]), template)
        )
        for kind in present
    }
    pools: dict[frozenset[tuple[HearingKind, Track]], set[SessionKind]] = {}
    for kind in present:
        pools.setdefault(accepts[kind], set()).add(kind)
    return tuple(Pool(frozenset(kinds), key) for key, kinds in pools.items())


def pools_for(hearing_kind: HearingKind, track: Track, pools: Iterable[Pool]) -> frozenset[int]:
    """The indices of the pools that may hold such a hearing (empty: none in the template)."""
    key = (hearing_kind, track)
    return frozenset(i for i, pool in enumerate(pools) if key in pool.accepts)


def _flags(track: Track) -> tuple[bool, bool]:
    return track in (Track.DETAINED, Track.DETAINED_JUVENILE), track in (
        Track.JUVENILE,
        Track.DETAINED_JUVENILE,
    )
