"""The llama.cpp composer with a real GGUF model (ARBITRATION_LLM_PATH, e.g. Qwen2.5 0.5B/1.5B Instruct; see
../shared/MODELS.md): whatever the model writes, each claim's reasoning is either the model's prose that passed
the check or the rule text with an llm_fallback warning — never unchecked text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from arbitration.drafting import LlamaCppComposer, RuleComposer, draft_award
from arbitration.law import find_citations, statutes
from arbitration.model import SourceKind

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def composer():
    path = os.environ.get("ARBITRATION_LLM_PATH", "")
    if not path or not Path(path).is_file():
        pytest.skip("no local GGUF model: set ARBITRATION_LLM_PATH to one (see ../shared/MODELS.md)")
    pytest.importorskip("llama_cpp", reason="llama-cpp-python (the `llm` extra) is not installed")
    return LlamaCppComposer(path=path, threads=2, max_tokens=320)


def test_real_model_prose_is_checked_or_replaced(case, composer):
    award = draft_award(case, composer=composer)
    rule = draft_award(case, composer=RuleComposer())
    fallbacks = {w.claim_type for w in award.warnings if w.kind == "llm_fallback"}
    for d, r in zip(award.decisions, rule.decisions, strict=True):
        if d.claim.type in fallbacks:
            assert [p.text for p in d.reasoning] == [p.text for p in r.reasoning]
        else:
            assert all(p.source == SourceKind.LLM for p in d.reasoning)
            assert d.reasoning and "".join(p.text for p in d.reasoning).strip()
    text = "\n".join(p.text for d in award.decisions for p in d.reasoning)
    assert all(statutes().exists(c) for c in find_citations(text))
    assert award.items == rule.items  # the model never touches 裁决如下
