"""The vocabulary's members by the value the store writes for them: one dictionary lookup a
column of a row read back, where calling the enumeration (``HearingKind(value)``) costs a call
and its checks on reads of thousands of rows."""

from planner.domain.vocabulary import (
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingMedium,
    HearingStatus,
)

CASE_STATUS = {status.value: status for status in CaseStatus}
COMPLETION_KIND = {kind.value: kind for kind in CompletionKind}
HEARING_KIND = {kind.value: kind for kind in HearingKind}
HEARING_MEDIUM = {medium.value: medium for medium in HearingMedium}
HEARING_STATUS = {status.value: status for status in HearingStatus}
