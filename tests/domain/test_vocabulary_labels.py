"""Every vocabulary value has a label a person reads; a typed label finds its value."""

from planner.domain.vocabulary import (
    CompletionKind,
    HearingKind,
    LeaveKind,
    SessionKind,
    case_kind_key,
    label,
)


def test_every_value_reads_without_underscores() -> None:
    for vocabulary in (SessionKind, HearingKind, CompletionKind, LeaveKind):
        for member in vocabulary:
            assert "_" not in label(member)
            assert label(member)[0].isupper()
    assert label("withholding_only") == "Withholding only"
    assert label(CompletionKind.IN_ABSENTIA) == "In absentia"


def test_a_typed_case_kind_becomes_its_key() -> None:
    assert case_kind_key("  Withholding only ") == "withholding_only"
    assert case_kind_key("withholding_only") == "withholding_only"
    assert case_kind_key("Asylum-only") == "asylum_only"
