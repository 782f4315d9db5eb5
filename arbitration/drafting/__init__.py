"""Award drafting: decide each claim with the law layer, compose the reasoning (rule-based by default, an LLM
optionally, always verified), resolve every citation, check consistency with similar awards, render the DOCX."""

from arbitration.drafting.compose import (
    COMPOSERS,
    Composer,
    LlamaCppComposer,
    OpenAICompatibleComposer,
    ReasoningInputs,
    RuleComposer,
    TransformersComposer,
    compose,
    get_composer,
)
from arbitration.drafting.consistency import (
    ClaimConsistency,
    check_consistency,
    consistency_report,
)
from arbitration.drafting.draft import draft_award
from arbitration.drafting.render import render_award, render_review
from arbitration.drafting.verify import verify_citations, verify_reasoning

__all__ = [
    "COMPOSERS",
    "ClaimConsistency",
    "Composer",
    "LlamaCppComposer",
    "OpenAICompatibleComposer",
    "ReasoningInputs",
    "RuleComposer",
    "TransformersComposer",
    "check_consistency",
    "compose",
    "consistency_report",
    "draft_award",
    "get_composer",
    "render_award",
    "render_review",
    "verify_citations",
    "verify_reasoning",
]
