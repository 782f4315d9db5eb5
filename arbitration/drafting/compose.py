"""Composers write the prose of 本委认为 for one claim from structured inputs (the decision, the calculation, the
articles, the precedents). The contract is one method: `compose_reasoning(inputs) -> list[Paragraph]`.

The rule composer is the default: deterministic, offline, in the register of real awards. LLM composers only
rewrite the prose; `compose()` verifies what they write (parties, amounts, citations, outcome) and falls back to
the rule text with a Warning_(kind="llm_fallback") when the check fails or the model cannot be reached.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol, runtime_checkable

from arbitration.drafting.text import PENDING, cite_list, money
from arbitration.errors import ArbitrationError, ModelUnavailable
from arbitration.model import (
    CalcResult,
    Citation,
    Outcome,
    Paragraph,
    SourceKind,
    Warning_,
)


@dataclass
class ReasoningInputs:
    """Everything a composer may say about one claim; a composer adds wording, never facts or numbers."""

    number: int  # position in 本委认为 (1-based)
    claim_type: str  # taxonomy id
    claim_name: str  # taxonomy name, e.g. 「解除劳动合同经济补偿」
    claim_text: str  # the applicant's wording
    applicant: str
    respondent: str
    outcome: Outcome
    requested: Decimal | None = None
    amount: Decimal | None = None  # granted amount, from the calculator only
    rule: str = ""  # the legal rule in words (with its article written out)
    facts: list[str] = field(default_factory=list)  # facts relied on, each a clause
    fact_sources: list[SourceKind] = field(default_factory=list)  # where those facts came from
    calculation: CalcResult | None = None
    articles: list[Citation] = field(default_factory=list)  # every article the reasoning may cite
    precedents: list[str] = field(default_factory=list)  # case numbers of similar awards decided the same way
    reason: str | None = None  # why denied / not accepted / partly granted
    pending: list[str] = field(default_factory=list)  # facts still to be found (「待查明」)
    proposals: list[str] = field(default_factory=list)  # bases of the proposed findings (拟认定) the outcome rests on
    claimant: str = "worker"  # whose request: "employer" when it asks not to pay (the worker's entitlement decided)
    claimant_word: str = "申请人"  # how the one who asks is named (申请人 / 原告 / 被告 …)
    payer_word: str = "被申请人"  # the employer's procedural name
    payee_word: str = "申请人"  # the worker's procedural name
    applicant_word: str = "申请人"  # how the applicant is named (申请人 / 原告)
    respondent_word: str = "被申请人"  # how the respondent is named (被申请人 / 被告)
    body: str = "本委"  # 本委 / 本院

    def allowed_amounts(self) -> set[Decimal]:
        """The amounts the text may mention: requested, granted and every figure of the calculation."""
        from arbitration.drafting.text import amounts_in

        found = {a for a in (self.requested, self.amount) if a is not None}
        if self.calculation is not None:
            found.add(self.calculation.amount)
            for s in [*self.calculation.steps, self.calculation.formula, *self.calculation.notes]:
                found.update(amounts_in(s))
            for v in self.calculation.inputs.values():
                found.update(amounts_in(v + "元") if _is_number(v) else amounts_in(v))
        for s in [*self.facts, self.rule, self.reason or ""]:
            found.update(amounts_in(s))
        return {Decimal(a).normalize() for a in found}

    def to_prompt_json(self) -> str:
        from arbitration.law import format_citation

        data = {
            "请求事项": self.claim_name,
            "申请人请求原文": self.claim_text,
            "申请人": self.applicant,
            "被申请人": self.respondent,
            "处理结果": {"granted": "支持", "partly": "部分支持", "denied": "不予支持",
                       "not_accepted": "不予受理", "unknown": "待查明"}[self.outcome.value],
            "请求金额": money(self.requested) if self.requested is not None else None,
            "裁决金额": money(self.amount) if self.amount is not None else None,
            "裁判规则": self.rule,
            "查明事实": self.facts,
            "计算公式": self.calculation.formula if self.calculation else None,
            "计算步骤": self.calculation.steps if self.calculation else [],
            "可引用的法条": [format_citation(c) for c in self.articles],
            "类案案号": self.precedents,
            "理由": self.reason,
            "待查明": self.pending,
        }
        return json.dumps({k: v for k, v in data.items() if v not in (None, [], "")}, ensure_ascii=False, indent=1)


def _is_number(v: str) -> bool:
    try:
        Decimal(v)
    except ArithmeticError:
        return False
    return True


@runtime_checkable
class Composer(Protocol):
    """Writes the 本委认为 paragraphs of one claim. `name` is the Settings.composer name."""

    name: str

    def compose_reasoning(self, inputs: ReasoningInputs) -> list[Paragraph]: ...


# ---------------------------------------------------------------- rule composer


class RuleComposer:
    """Deterministic wording of real awards: rule, facts, calculation with its steps, articles, precedents."""

    name = "rule"

    def compose_reasoning(self, inputs: ReasoningInputs) -> list[Paragraph]:
        i = inputs
        out: list[Paragraph] = []
        who, payer, payee, body = i.claimant_word, i.payer_word, i.payee_word, i.body
        if i.claimant == "employer" and i.claim_type == "other":  # quoted as it was made
            head = f"{_ordinal(i.number)}关于{who}{i.claim_name}的请求。"
        elif i.claimant == "employer":
            head = f"{_ordinal(i.number)}关于{who}要求不支付{payee}{i.claim_name}的请求。"
        else:
            head = f"{_ordinal(i.number)}关于{who}主张的{i.claim_name}。"
        facts = "；".join(i.facts)
        fact_source = SourceKind.EXTRACTED
        if i.fact_sources and all(s == SourceKind.HEARING for s in i.fact_sources):
            fact_source = SourceKind.HEARING
        if SourceKind.PROPOSAL in i.fact_sources:
            fact_source = SourceKind.PROPOSAL
        # the paragraph that decides rests on the proposed findings: it carries their colour and bases
        decided, refs = (SourceKind.PROPOSAL, list(i.proposals)) if i.proposals else (SourceKind.TEMPLATE, [])
        text = head + (i.rule if i.rule else "")
        if facts:
            text += f"本案中，{facts}。"
        out.append(Paragraph(text=text, source=fact_source if facts else SourceKind.TEMPLATE,
                             refs=refs if fact_source == SourceKind.PROPOSAL else []))

        cites = cite_list(i.articles)
        if i.outcome in (Outcome.DENIED, Outcome.NOT_ACCEPTED):
            reason = i.reason or f"{who}的该项请求缺乏事实和法律依据"
            basis = f"根据{cites}的规定，" if cites else ""
            verdict = "不予受理" if i.outcome == Outcome.NOT_ACCEPTED else "不予支持"
            out.append(Paragraph(text=f"{basis}{reason.rstrip('。')}，故对{who}的该项请求，{body}{verdict}。",
                                 source=decided, refs=refs))
        elif i.outcome == Outcome.UNKNOWN or i.amount is None and i.calculation is None and i.pending:
            missing = "、".join(i.pending) or "相关事实"
            settled = f"{i.reason.rstrip('。')}；但" if i.reason else "因"
            out.append(Paragraph(
                text=f"{settled}{missing}尚待查明，该项请求的处理结果及金额{PENDING}，待查明后依据{cites or '相关规定'}予以认定。",
                source=decided if i.reason else SourceKind.TEMPLATE, refs=refs if i.reason else [],
            ))
        else:
            calc = i.calculation
            if calc is not None:
                steps = "；".join(cn_dates(s.rstrip("。；")) for s in calc.steps)
                text = f"根据{cites}的规定，{calc.formula.rstrip('。')}。"
                if steps:
                    text += f"具体为：{steps}。"
                text += f"经计算，{payer}应支付{payee}{i.claim_name}{money(i.calculation.amount)}。"
                out.append(Paragraph(text=text, source=SourceKind.CALCULATOR, refs=[calc.name]))
            elif cites:
                out.append(Paragraph(text=f"根据{cites}的规定，{(i.reason or f'{who}的该项请求于法有据').rstrip('。')}。",
                                     source=decided, refs=refs))
            elif i.reason:
                out.append(Paragraph(text=f"{i.reason.rstrip('。')}。", source=decided, refs=refs))
            if i.claimant == "employer":
                tail = f"故对{who}的该项请求，{body}{'部分' if i.outcome == Outcome.PARTLY else ''}予以支持。"
            elif i.outcome == Outcome.PARTLY and i.requested is not None and i.amount is not None:
                tail = (f"故{body}对{who}要求{payer}支付{i.claim_name}{money(i.amount)}的部分予以支持，"
                        f"对超出部分不予支持。")
                if i.reason and calc is not None:
                    tail = i.reason.rstrip("。") + "。" + tail
            elif i.amount is not None:
                tail = f"故对{who}要求{payer}支付{i.claim_name}{money(i.amount)}的请求，{body}予以支持。"
                if i.reason and calc is not None:
                    tail = i.reason.rstrip("。") + "。" + tail
            else:
                tail = f"故对{who}的该项请求，{body}予以支持。"
            out.append(Paragraph(text=tail, source=decided, refs=refs))
        if i.precedents:
            out.append(Paragraph(
                text=f"经检索，类似案件（{'、'.join(i.precedents)}）对同类请求亦作相同处理。",
                source=SourceKind.PRECEDENT, refs=list(i.precedents),
            ))
        return out


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def cn_dates(text: str) -> str:
    """Calculator steps write 2019-03-01; an award writes 2019年3月1日."""
    return _ISO_DATE.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)


def cite_sources_once(paragraphs: list[Paragraph]) -> None:
    """A regional figure's source (「（山东省人民政府公布的全省最低工资标准……）」) is written after the figure the
    first time the award quotes it and left out after that (in place)."""
    from arbitration.law.regions import regions

    sources = sorted({f.source for f in regions().figures} | {"由使用者提供"}, key=len, reverse=True)
    seen: set[str] = set()
    for p in paragraphs:
        for src in sources:
            token = f"（{src}）"
            at = p.text.find(token)
            if at < 0:
                continue
            keep = at + len(token) if src not in seen else 0
            p.text = p.text[:keep] + p.text[keep:].replace(token, "")
            seen.add(src)


def _ordinal(n: int) -> str:
    from arbitration.drafting.text import cn_number

    return f"（{cn_number(n)}）"


# ---------------------------------------------------------------- LLM composers

SYSTEM_PROMPT = (
    "你是劳动人事争议仲裁委员会的书记员，负责起草仲裁裁决书「本委认为」部分中一项仲裁请求的说理。"
    "只能使用给定的结构化信息：不得改变处理结果，不得新增或改动任何金额，不得引用「可引用的法条」以外的法条，"
    "不得引用「类案案号」以外的案号；申请人与被申请人不得颠倒（用人单位是被申请人时由被申请人支付）。"
    "金额用阿拉伯数字加「元」书写，法条写作《中华人民共和国劳动合同法》第四十七条的形式。"
    "用规范的裁决书语体，写一至三段，不要标题，不要写「裁决如下」。"
)


def _messages(inputs: ReasoningInputs) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": "请根据以下信息起草该项请求的说理：\n" + inputs.to_prompt_json()},
    ]


def _paragraphs(text: str) -> list[Paragraph]:
    parts = [p.strip() for p in text.strip().splitlines() if p.strip()]
    return [Paragraph(text=p, source=SourceKind.LLM) for p in parts]


class OpenAICompatibleComposer:
    """A local DeepSeek/Qwen behind an OpenAI-compatible endpoint (vLLM, Ollama): POST {endpoint}/chat/completions."""

    name = "openai"

    def __init__(self, endpoint: str | None = None, model: str | None = None, timeout: float = 120.0,
                 api_key: str | None = None) -> None:
        from arbitration.config import settings

        s = settings()
        self.endpoint = (endpoint or s.llm_endpoint).rstrip("/")
        self.model = model or s.llm_model or "default"
        self.timeout, self.api_key = timeout, api_key
        if not self.endpoint:
            raise ModelUnavailable("未配置大模型服务地址：设置 llm_endpoint（如 http://127.0.0.1:8000/v1）或环境变量 ARBITRATION_LLM_ENDPOINT")

    def compose_reasoning(self, inputs: ReasoningInputs) -> list[Paragraph]:
        import httpx

        body = {"model": self.model, "messages": _messages(inputs), "temperature": 0, "stream": False}
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            r = httpx.post(f"{self.endpoint}/chat/completions", json=body, headers=headers, timeout=self.timeout)
            r.raise_for_status()
            text = r.json()["choices"][0]["message"]["content"]
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as e:
            raise ModelUnavailable(f"大模型服务 {self.endpoint} 调用失败：{e}") from e
        return _paragraphs(text or "")


class LlamaCppComposer:
    """A GGUF model run in-process by llama-cpp-python (Settings.llm_path); loaded once per process."""

    name = "llama-cpp"
    _cache: dict[str, object] = {}

    def __init__(self, path: str | None = None, threads: int | None = None, max_tokens: int = 600) -> None:
        from pathlib import Path

        from arbitration.config import settings

        s = settings()
        self.path = path or s.llm_path
        self.threads, self.max_tokens = threads or s.threads, max_tokens
        if not self.path or not Path(self.path).is_file():
            raise ModelUnavailable(f"未找到 GGUF 模型文件：{self.path or '（未配置 llm_path）'}；请设置 llm_path 或 ARBITRATION_LLM_PATH")
        try:
            import llama_cpp  # noqa: F401
        except ImportError as e:
            raise ModelUnavailable("本地大模型需要 llama-cpp-python：pip install 'arbitration[llm]'（从源码编译约 5 分钟）") from e

    def _llm(self):
        if self.path not in self._cache:
            from llama_cpp import Llama

            try:
                self._cache[self.path] = Llama(model_path=self.path, n_ctx=4096, n_threads=self.threads, verbose=False)
            except (ValueError, RuntimeError) as e:
                raise ModelUnavailable(f"无法加载 GGUF 模型 {self.path}：{e}") from e
        return self._cache[self.path]

    def compose_reasoning(self, inputs: ReasoningInputs) -> list[Paragraph]:
        out = self._llm().create_chat_completion(messages=_messages(inputs), temperature=0, max_tokens=self.max_tokens)
        return _paragraphs(out["choices"][0]["message"]["content"] or "")


class TransformersComposer:
    """A local transformers model dir (Settings.llm_path); needs the torch extra, imported lazily."""

    name = "transformers"
    _cache: dict[str, tuple[object, object]] = {}

    def __init__(self, path: str | None = None, max_new_tokens: int = 600) -> None:
        from pathlib import Path

        from arbitration.config import settings

        self.path = path or settings().llm_path
        self.max_new_tokens = max_new_tokens
        if not self.path or not Path(self.path).is_dir():
            raise ModelUnavailable(f"未找到 transformers 模型目录：{self.path or '（未配置 llm_path）'}")
        try:
            import torch  # noqa: F401
            import transformers  # noqa: F401
        except ImportError as e:
            raise ModelUnavailable("transformers 后端需要 torch 与 transformers：pip install torch==2.13.0 transformers") from e

    def compose_reasoning(self, inputs: ReasoningInputs) -> list[Paragraph]:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        if self.path not in self._cache:
            self._cache[self.path] = (AutoTokenizer.from_pretrained(self.path, local_files_only=True),
                                      AutoModelForCausalLM.from_pretrained(self.path, local_files_only=True))
        tok, model = self._cache[self.path]
        ids = tok.apply_chat_template(_messages(inputs), add_generation_prompt=True, return_tensors="pt")
        out = model.generate(ids, max_new_tokens=self.max_new_tokens, do_sample=False)
        return _paragraphs(tok.decode(out[0][ids.shape[-1]:], skip_special_tokens=True))


COMPOSERS: dict[str, str] = {
    "rule": "RuleComposer",
    "llama-cpp": "LlamaCppComposer",
    "openai": "OpenAICompatibleComposer",
    "transformers": "TransformersComposer",
}


def get_composer(name: str | None = None) -> Composer:
    """The composer named `name` (default Settings.composer); raises ModelUnavailable when it cannot run here."""
    from arbitration.config import settings

    name = name or settings().composer
    if name not in COMPOSERS:
        raise ValueError(f"composer must be one of {sorted(COMPOSERS)}, not {name!r}")
    return globals()[COMPOSERS[name]]()


# ---------------------------------------------------------------- verification and fallback


def compose(inputs: ReasoningInputs, composer: Composer | None) -> tuple[list[Paragraph], list[Warning_]]:
    """The paragraphs for one claim: the composer's, when they pass `verify_reasoning`, else the rule text."""
    from arbitration.drafting.verify import verify_reasoning

    rule = RuleComposer()
    if composer is None or isinstance(composer, RuleComposer):
        return rule.compose_reasoning(inputs), []
    try:
        paragraphs = composer.compose_reasoning(inputs)
        problems = verify_reasoning("\n".join(p.text for p in paragraphs), inputs)
        if not paragraphs:
            problems = ["模型未返回文字"]
    except ArbitrationError as e:
        problems = [str(e)]
    if not problems:
        if inputs.proposals:  # the model's prose keeps its colour; its comment names the proposed findings it rests on
            paragraphs = [p.model_copy(update={"refs": [*p.refs, *(f"拟认定：{b}" for b in inputs.proposals)]})
                          for p in paragraphs]
        return paragraphs, []
    warning = Warning_(
        kind="llm_fallback",
        message=f"「{inputs.claim_name}」的大模型说理未通过校验（{'；'.join(problems)}），已改用规则文字。",
        claim_type=inputs.claim_type,
    )
    return rule.compose_reasoning(inputs), [warning]
