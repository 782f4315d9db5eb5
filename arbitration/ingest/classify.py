"""Document type by title, keywords and structure, with a confidence; and splitting into titled sections.

Section titles emitted (canonical, whatever the wording in the file): 当事人, 仲裁请求, 事实与理由, 答辩意见,
证据, 落款; plus 页眉/页脚 for Word headers and footers (see `SECTION_TITLES`).
"""

from __future__ import annotations

import re

from arbitration.ingest.speech import segments
from arbitration.model import DocType, Document, Section

# (pattern in the title, type); the longest pattern found in the title wins, so 「解除劳动合同通知书」 is a
# termination notice although it contains 「劳动合同」.
TITLE_PATTERNS: list[tuple[str, DocType]] = [
    ("民事起诉状", DocType.APPLICATION),
    ("起诉状", DocType.APPLICATION),
    ("起诉书", DocType.APPLICATION),
    ("民事答辩状", DocType.DEFENCE),
    ("仲裁申请书", DocType.APPLICATION),
    ("劳动仲裁申请", DocType.APPLICATION),
    ("仲裁申请", DocType.APPLICATION),
    ("申请书", DocType.APPLICATION),
    ("答辩书", DocType.DEFENCE),
    ("答辩状", DocType.DEFENCE),
    ("答辩意见", DocType.DEFENCE),
    ("证据目录", DocType.EVIDENCE_LIST),
    ("证据清单", DocType.EVIDENCE_LIST),
    ("证据材料清单", DocType.EVIDENCE_LIST),
    ("劳动合同", DocType.CONTRACT),
    ("劳动合同书", DocType.CONTRACT),
    ("聘用合同", DocType.CONTRACT),
    ("劳务合同", DocType.CONTRACT),
    ("工资条", DocType.WAGE_RECORD),
    ("工资单", DocType.WAGE_RECORD),
    ("工资表", DocType.WAGE_RECORD),
    ("工资明细", DocType.WAGE_RECORD),
    ("银行流水", DocType.WAGE_RECORD),
    ("交易明细", DocType.WAGE_RECORD),
    ("账户明细", DocType.WAGE_RECORD),
    ("解除劳动合同通知", DocType.TERMINATION_NOTICE),
    ("解除劳动关系通知", DocType.TERMINATION_NOTICE),
    ("终止劳动合同通知", DocType.TERMINATION_NOTICE),
    ("辞退通知", DocType.TERMINATION_NOTICE),
    ("解除通知", DocType.TERMINATION_NOTICE),
    ("离职证明", DocType.TERMINATION_NOTICE),
    ("居民身份证", DocType.IDENTITY),
    ("营业执照", DocType.IDENTITY),
    ("身份证明", DocType.IDENTITY),
    ("庭审笔录", DocType.HEARING_RECORD),
    ("开庭笔录", DocType.HEARING_RECORD),
    ("裁决书", DocType.AWARD),
    ("判决书", DocType.AWARD),
    ("起诉状及答辩", DocType.PLEADINGS),
    ("诉辩意见", DocType.PLEADINGS),
]

# words typical of each type's body; each hit adds a little evidence
KEYWORDS: dict[DocType, tuple[str, ...]] = {
    DocType.APPLICATION: ("申请人", "被申请人", "仲裁请求", "请求事项", "事实与理由", "事实和理由", "此致", "仲裁委员会",
                          "原告", "诉讼请求", "人民法院"),
    DocType.DEFENCE: ("答辩人", "被答辩人", "答辩如下", "答辩意见", "不同意", "驳回", "此致"),
    DocType.EVIDENCE_LIST: ("证据名称", "证明目的", "证明内容", "证据来源", "页码", "原件", "复印件"),
    DocType.CONTRACT: ("甲方", "乙方", "合同期限", "试用期", "工作内容", "劳动报酬", "工作时间", "社会保险", "签订"),
    DocType.WAGE_RECORD: ("应发", "实发", "基本工资", "绩效", "扣款", "个税", "交易日期", "余额", "工资"),
    DocType.TERMINATION_NOTICE: ("解除", "终止", "劳动合同", "通知", "自", "起", "办理", "交接", "离职"),
    DocType.IDENTITY: ("公民身份号码", "出生", "民族", "住址", "统一社会信用代码", "法定代表人", "注册资本", "经营范围"),
    DocType.HEARING_RECORD: ("仲裁员", "书记员", "记录", "问：", "答："),
    DocType.AWARD: ("本委认为", "裁决如下", "经审理查明", "本院认为", "判决如下"),
}

_ID_CARD_FIELDS = ("姓名", "性别", "民族", "出生", "住址", "公民身份号码")

TITLE_WEIGHT = 0.6
KEYWORD_WEIGHT = 0.06
KEYWORD_CAP = 0.3
MIN_SCORE = 0.25  # below this the document is OTHER

# heading wordings -> canonical section title
SECTION_HEADINGS: list[tuple[str, str]] = [
    (r"(?:仲裁请求(?:事项)?|请求事项|申请请求|仲裁申请请求)", "仲裁请求"),
    (r"(?:事实(?:与|和|及)理由)", "事实与理由"),
    (r"(?:答辩意见|答辩理由|答辩如下|答辩事项)", "答辩意见"),
    (r"(?:证据(?:和|及|与)证据来源.*|证据清单|证据目录|证据名称|提交证据)", "证据"),
    (r"此致", "落款"),
]
SECTION_TITLES = (
    "当事人", "仲裁请求", "事实与理由", "答辩意见", "证据", "落款", "页眉", "页脚",
    "申请人陈述", "第三人意见", "查明事实", "裁判理由", "裁判结果",
)  # fmt: skip
# who speaks → section title, for statements in running text (arbitration.ingest.speech)
SPEECH_TITLES = {"findings": "查明事实", "opinion": "裁判理由", "ruling": "裁判结果", "evidence": "证据", "tribunal_evidence": "证据"}
_HEADING_RE = [
    (re.compile(rf"^[\s　]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])?[\s　]*{p}[\s　]*(?:[:：]|$)"), title)
    for p, title in SECTION_HEADINGS
]
_PARTY_RE = re.compile(r"^[\s　]*(?:申请人|被申请人|答辩人|被答辩人)")


def title_of(document: Document) -> str:
    """The document's title: the first short line of body text (Word headers skipped)."""
    for page in document.pages[:1]:
        skip = {(s.start, s.end) for s in document.sections if s.title in ("页眉", "页脚") and s.page == page.number}
        offset = 0
        for line in page.text.split("\n"):
            start = offset
            offset += len(line) + 1
            if any(a <= start < b for a, b in skip):
                continue
            stripped = re.sub(r"\s+", "", line)
            if stripped:
                return stripped if len(stripped) <= 30 else ""
    return ""


def _speech_type(document: Document) -> tuple[DocType, float] | None:
    """Statements in running text (原告诉称 … 被告辩称, 经审理查明): a judgment body when it gives its opinion and
    ruling, else the parties' statements (one or both sides, perhaps with the findings of a hearing)."""
    found = segments(document.text[:20000])
    kinds = {s.kind for s in found}
    if not kinds & {"statement", "defence", "absent"}:
        return None
    first = next((s for s in found if s.kind != "header"), None)
    header = next((s for s in found if s.kind == "header"), None)
    if header is not None and len(document.text[header.start : header.end].strip()) > 300:
        return None  # a long document that only quotes a statement somewhere inside
    if {"opinion", "ruling"} <= kinds:
        return DocType.AWARD, 0.9
    if first is not None and first.kind in ("statement", "defence") and (len(kinds & {"statement", "defence", "absent"}) > 1
                                                                         or first.kind == "statement"):
        return DocType.PLEADINGS, 0.85
    return None


def classify(document: Document) -> tuple[DocType, float]:
    """The document type and a confidence in 0..1 from its title, keywords and tables; statements in running text
    (a file of 原告诉称 and 被告辩称, a judgment body) by who speaks where (`arbitration.ingest.speech`)."""
    title = title_of(document)
    if not any(p in title for p, t in TITLE_PATTERNS if t not in (DocType.PLEADINGS, DocType.AWARD)):
        spoken = _speech_type(document)
        if spoken is not None:
            return spoken
    body = document.text[:6000]
    header_cells = " ".join(" ".join(t.rows[0]) for p in document.pages for t in p.tables if t.rows)
    scores: dict[DocType, float] = dict.fromkeys(KEYWORDS, 0.0)
    matches = [(len(p), t) for p, t in TITLE_PATTERNS if p in title]
    if matches:
        scores[max(matches)[1]] += TITLE_WEIGHT
    for doc_type, words in KEYWORDS.items():
        hits = sum(1 for w in words if w in body)
        scores[doc_type] += min(KEYWORD_CAP, KEYWORD_WEIGHT * hits)
    if any(w in header_cells for w in ("证据名称", "证明目的", "证明内容")):
        scores[DocType.EVIDENCE_LIST] += 0.2
    if any(w in header_cells for w in ("应发", "实发", "基本工资", "交易金额", "交易日期")):
        scores[DocType.WAGE_RECORD] += 0.2
    if len(body) < 400 and sum(1 for w in _ID_CARD_FIELDS if w in body) >= 4:
        scores[DocType.IDENTITY] += 0.3  # an ID card (or its scan) has no title, only its printed fields
    best, score = max(scores.items(), key=lambda item: item[1])
    if score < MIN_SCORE:
        return DocType.OTHER, round(1 - score, 2)
    return best, round(min(score, 1.0), 2)


def speech_sections(document: Document) -> list[Section]:
    """Sections of statements in running text by who speaks: the applicant's (原告诉称) 「申请人陈述」, the
    respondent's (被告辩称, 反诉称) 「答辩意见」, a third party's 「第三人意见」, the findings 「查明事实」, the opinion
    「裁判理由」 and the ruling 「裁判结果」; a segment over a page break gives one Section per page."""
    from arbitration.model import PartyRole

    starts, pos = [], 0
    for page in document.pages:
        starts.append(pos)
        pos += len(page.text) + 1
    out: list[Section] = []
    for seg in segments(document.text):
        if seg.kind in ("statement", "defence", "absent"):
            role = seg.role or (PartyRole.APPLICANT if seg.kind == "statement" else PartyRole.RESPONDENT)
            title = {PartyRole.APPLICANT: "申请人陈述", PartyRole.RESPONDENT: "答辩意见"}.get(role, "第三人意见")
        elif seg.kind == "header":
            title = "当事人"
        else:
            title = SPEECH_TITLES.get(seg.kind)
        if title is None:
            continue
        for i, page in enumerate(document.pages):
            a, b = max(seg.start, starts[i]) - starts[i], min(seg.end, starts[i] + len(page.text)) - starts[i]
            if a < b:
                a, b = _lstrip(page.text, a, b), _rstrip(page.text, a, b)
                if a < b:
                    out.append(Section(title=title, page=page.number, start=a, end=b))
    return out


def split_sections(document: Document) -> list[Section]:
    """Canonical sections found by their headings, as spans of each page's text (content after the heading).

    The part before the first heading that names the parties (申请人/被申请人/答辩人) is 「当事人」.
    A section running over a page break gives one Section per page with the same title. Statements in running
    text (诉辩材料, a judgment body) are cut by who speaks instead (`speech_sections`).
    """
    if document.doc_type in (DocType.PLEADINGS, DocType.AWARD):
        spoken = speech_sections(document)
        if spoken:
            return spoken
    found: list[Section] = []
    parties = document.doc_type in (DocType.APPLICATION, DocType.DEFENCE)
    current: str | None = None
    party_started = False
    for page in document.pages:
        offset = 0
        starts: list[tuple[int, int, str]] = []  # (line start, content start, title)
        for line in page.text.split("\n"):
            for regex, title in _HEADING_RE:
                m = regex.match(line)
                if m:
                    starts.append((offset, offset + m.end(), title))
                    break
            else:
                if parties and not party_started and current is None and not starts and _PARTY_RE.match(line):
                    starts.append((offset, offset, "当事人"))
                    party_started = True
            offset += len(line) + 1
        end_of_page = len(page.text)
        if current is not None:
            first = starts[0][0] if starts else end_of_page
            if first > 0:
                found.append(Section(title=current, page=page.number, start=0, end=_rstrip(page.text, 0, first)))
        for i, (_, content_start, title) in enumerate(starts):
            end = starts[i + 1][0] if i + 1 < len(starts) else end_of_page
            content_start = _lstrip(page.text, content_start, end)
            found.append(Section(title=title, page=page.number, start=content_start, end=_rstrip(page.text, content_start, end)))
            current = title
    return [s for s in found if s.end > s.start]


def _lstrip(text: str, start: int, end: int) -> int:
    """Skip the line break and blanks between a heading and its content."""
    while start < end and text[start] in "\n \t　":
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "\n \t　":
        end -= 1
    return end
