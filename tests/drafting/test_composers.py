"""Composer backends: the OpenAI-compatible client against a local HTTP server that speaks
/v1/chat/completions; the checker keeps a faithful reply and falls back to the rule text, saying so, when the
reply swaps the parties, changes an amount or cites an article it was not given; the local backends fail with
a clear message when their extra is not installed."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from arbitration.drafting import (
    Composer,
    LlamaCppComposer,
    OpenAICompatibleComposer,
    RuleComposer,
    TransformersComposer,
    draft_award,
    get_composer,
    render_award,
)
from arbitration.errors import ModelUnavailable
from arbitration.model import SourceKind


def faithful(inputs: dict) -> str:
    """What a well-behaved model writes: the given outcome, amount, articles and parties in its own words."""
    cites = "、".join(inputs.get("可引用的法条", []))
    head = f"关于申请人主张的{inputs['请求事项']}，"
    if inputs["处理结果"] in ("支持", "部分支持"):
        return (head + f"被申请人{inputs['被申请人']}单方解除与申请人{inputs['申请人']}的劳动合同，未能证明解除合法，"
                f"依据{cites}的规定，应当支付赔偿金。\n"
                f"经核算，被申请人应支付申请人{inputs['请求事项']}{inputs['裁决金额']}，本委予以支持。")
    if inputs["处理结果"] == "不予支持":
        return head + f"依据{cites}的规定，{inputs.get('理由', '缺乏依据')}，本委不予支持。"
    return head + "相关事实尚待查明，处理结果「待查明」。"


TAMPER = {
    "faithful": lambda text: text,
    "amount": lambda text: text.replace("60000元", "66000元"),
    "swap": lambda text: text.replace("被申请人北京蓝海餐饮管理有限公司", "被申请人陈晓燕"),
    "citation": lambda text: text.replace("，应当支付赔偿金", "及《中华人民共和国劳动法》第一百条，应当支付赔偿金"),
    "outcome": lambda text: text.replace("本委不予支持", "本委予以支持"),
}


class _Stub(BaseHTTPRequestHandler):
    mode = "faithful"
    seen: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append(body)
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        user = body["messages"][-1]["content"]
        inputs = json.loads(user[user.index("{"):])
        text = TAMPER[type(self).mode](faithful(inputs))
        reply = {"id": "x", "object": "chat.completion", "model": body["model"],
                 "choices": [{"index": 0, "finish_reason": "stop",
                              "message": {"role": "assistant", "content": text}}]}
        data = json.dumps(reply, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def endpoint():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def _draft(case, endpoint, mode):
    _Stub.mode, _Stub.seen = mode, []
    return draft_award(case, composer=OpenAICompatibleComposer(endpoint=endpoint, model="qwen-stub", timeout=10))


def test_protocol():
    assert isinstance(RuleComposer(), Composer)
    assert isinstance(OpenAICompatibleComposer(endpoint="http://127.0.0.1:1/v1"), Composer)
    assert get_composer("rule").name == "rule"


def test_faithful_reply_is_used(case, endpoint, tmp_path):
    award = _draft(case, endpoint, "faithful")
    assert award.composer == "openai"
    assert _Stub.seen and _Stub.seen[0]["model"] == "qwen-stub" and _Stub.seen[0]["temperature"] == 0
    ut = award.decisions[0]
    assert all(p.source == SourceKind.LLM for p in ut.reasoning)
    assert "经核算" in "".join(p.text for p in ut.reasoning)
    # the prose rests on proposed findings (拟认定): its comment names them with their basis
    assert all(any(r.startswith("拟认定：") for r in p.refs) for p in ut.reasoning)
    assert not [w for w in award.warnings if w.kind == "llm_fallback"]
    # LLM prose is marked magenta in the DOCX for the arbitrator
    from docx import Document

    doc = Document(str(render_award(award, case, tmp_path / "a.docx")))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    marked = [p.text for p in doc.paragraphs
              if any(h.get(ns + "val") == "magenta" for h in p._p.iter(ns + "highlight"))]
    assert any("经核算" in t for t in marked)


@pytest.mark.parametrize("mode,claim_type,why", [
    ("amount", "unlawful_termination", "66000"),
    ("swap", "unlawful_termination", "写成了被申请人"),
    ("citation", "unlawful_termination", "第一百条"),
    ("outcome", "double_wage", "处理结果"),
])
def test_tampered_reply_falls_back_to_rule_text(case, endpoint, mode, claim_type, why):
    award = _draft(case, endpoint, mode)
    decision = next(d for d in award.decisions if d.claim.type == claim_type)
    rule = draft_award(case)  # the rule composer's text for the same case
    expected = next(d for d in rule.decisions if d.claim.type == claim_type)
    assert [p.text for p in decision.reasoning] == [p.text for p in expected.reasoning]
    assert all(p.source != SourceKind.LLM for p in decision.reasoning)
    fallbacks = [w for w in award.warnings if w.kind == "llm_fallback" and w.claim_type == claim_type]
    assert len(fallbacks) == 1 and why in fallbacks[0].message and "已改用规则文字" in fallbacks[0].message
    text = "".join(p.text for d in award.decisions for p in d.reasoning)
    assert "66000" not in text and "第一百条" not in text


def test_unreachable_endpoint_falls_back(case):
    award = draft_award(case, composer=OpenAICompatibleComposer(endpoint="http://127.0.0.1:9/v1", timeout=2))
    assert len([w for w in award.warnings if w.kind == "llm_fallback"]) == len(case.claims)
    assert all(p.source != SourceKind.LLM for d in award.decisions for p in d.reasoning)


def test_openai_needs_an_endpoint(monkeypatch):
    from arbitration import config

    monkeypatch.delenv("ARBITRATION_LLM_ENDPOINT", raising=False)
    config.settings.cache_clear()
    try:
        with pytest.raises(ModelUnavailable, match="llm_endpoint"):
            get_composer("openai")
    finally:
        config.settings.cache_clear()


def test_local_backends_say_what_is_missing(tmp_path):
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        with pytest.raises(ModelUnavailable, match=re.escape("arbitration[llm]")):
            LlamaCppComposer(path=str(gguf))
    with pytest.raises(ModelUnavailable, match="GGUF"):
        LlamaCppComposer(path=str(tmp_path / "absent.gguf"))
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        with pytest.raises(ModelUnavailable, match="torch"):
            TransformersComposer(path=str(tmp_path))
    with pytest.raises(ValueError, match="composer"):
        get_composer("gpt-99")


def test_pending_claim_must_stay_pending(case, endpoint):
    """With the wage unknown the claim is 「待查明」: a reply that decides it anyway is replaced."""
    case.facts.monthly_wage.values.clear()
    award = _draft(case, endpoint, "faithful")  # the stub keeps 「待查明」 for an undecided claim
    ut = award.decisions[0]
    assert all(p.source == SourceKind.LLM for p in ut.reasoning)
    from arbitration.drafting.compose import ReasoningInputs
    from arbitration.drafting.verify import verify_reasoning
    from arbitration.model import Outcome

    inputs = ReasoningInputs(number=1, claim_type="unlawful_termination", claim_name="违法解除劳动合同赔偿金",
                             claim_text=case.claims[0].text, applicant="陈晓燕", respondent="北京蓝海餐饮管理有限公司",
                             outcome=Outcome.UNKNOWN, requested=case.claims[0].amount)
    problems = verify_reasoning("被申请人违法解除劳动合同，本委予以支持。", inputs)
    assert any("尚待查明" in p for p in problems)


def test_a_court_form_reply_with_the_parties_swapped_is_caught():
    """A court's draft names the sides 原告/被告: a reply that calls the worker 被告 or has the worker pay is unusable,
    as 被申请人/申请人 swapped in a commission's draft is; the worker paying on the employer's claim is no swap."""
    from arbitration.drafting.compose import ReasoningInputs
    from arbitration.drafting.verify import verify_reasoning
    from arbitration.model import Outcome

    court = dict(number=1, claim_type="unpaid_wages", claim_name="拖欠工资", claim_text="被告支付原告工资3000元",
                 applicant="孙某", respondent="某某物流有限公司", outcome=Outcome.DENIED, claimant_word="原告",
                 payer_word="被告", payee_word="原告", applicant_word="原告", respondent_word="被告", body="本院")
    inputs = ReasoningInputs(**court)
    assert any("把原告孙某写成了被告" in p for p in verify_reasoning("被告孙某的请求缺乏依据，本院不予支持。", inputs))
    assert any("把被告某某物流有限公司写成了原告" in p
               for p in verify_reasoning("原告某某物流有限公司的请求缺乏依据，本院不予支持。", inputs))
    assert any("写成了由原告向被告支付" in p for p in verify_reasoning("原告应向被告支付工资，本院不予支持。", inputs))
    assert not verify_reasoning("原告孙某的请求缺乏依据，本院不予支持。", inputs)
    employer_claim = ReasoningInputs(**{**court, "claimant": "employer"})
    assert not any("支付" in p for p in verify_reasoning("原告应向被告支付违约金，本院不予支持。", employer_claim))
