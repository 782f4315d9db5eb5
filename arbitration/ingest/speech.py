"""Who speaks where in a statement file, a hearing file or a judgment body: 原告诉称 / 被告辩称 / 第三人述称 /
经审理查明 / 本院认为 / 判决如下, found by cue words at the start of a sentence (the word lists below are data).

Real files hold both sides' statements in one text (「起诉状及答辩」), often with the tribunal's findings after them.
`segments(text)` cuts such a text into `Segment`s: the kind of speech, the speaker phrase as written
(「原告（被告）刘虎」「被告依莱尔公司、雅丽洁销售部」), the procedural role it names and its span. Later stages take
the side of every fact and the claimant of every request from the segment it was read in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from arbitration.model import PartyRole

# role word → procedural role; 反诉原告 is the main suit's defendant, 原审原告 keeps its first-instance role
ROLE_WORDS: dict[str, PartyRole] = {
    "反诉原告": PartyRole.RESPONDENT,
    "反诉被告": PartyRole.APPLICANT,
    "原审原告": PartyRole.APPLICANT,
    "原审被告": PartyRole.RESPONDENT,
    "被上诉人": PartyRole.RESPONDENT,
    "上诉人": PartyRole.APPLICANT,
    "被申请人": PartyRole.RESPONDENT,
    "申请人": PartyRole.APPLICANT,
    "被答辩人": PartyRole.APPLICANT,
    "答辩人": PartyRole.RESPONDENT,
    "起诉人": PartyRole.APPLICANT,
    "原告": PartyRole.APPLICANT,
    "被告": PartyRole.RESPONDENT,
    "第三人": PartyRole.THIRD_PARTY,
}
COURT_ROLE_WORDS = ("原告", "被告", "上诉人", "被上诉人", "起诉人", "原审原告", "原审被告", "反诉原告", "反诉被告")

# speech verbs after the speaker phrase, by the kind of speech they open (longest first when compiled)
STATEMENT_VERBS = (
    "向本院提出如下诉讼请求", "向本院提出诉讼请求", "向本院起诉称", "向本院起诉", "提出诉讼请求", "起诉称", "诉称", "申请称",
    "反诉称", "辩称并诉称", "诉至本院称", "起诉至本院称", "向本院诉称", "提出如下仲裁请求", "提出仲裁请求",
    "辩称并反诉称", "答辩并反诉称", "辩称并提起反诉称", "提起反诉称", "反诉请求", "起诉要求", "起诉请求", "上诉称",
    "上诉请求", "提起上诉称", "向本院提起诉讼", "提起诉讼", "诉至本院", "诉至法院", "起诉至本院", "起诉至法院", "诉来本院",
    "辩称并提出反诉", "答辩并提出反诉", "提出反诉称", "提起反诉", "提出反诉", "向本院提起上诉", "提起上诉",
)  # fmt: skip
# words between the speaker and the verb that say how or when it spoke (「被告在庭审中辩称」「被告对此辩称」)
MANNER = (
    "在庭审中", "庭审中", "当庭", "书面", "口头", "共同", "亦", "针对反诉", "对反诉", "就反诉", "对此", "就此", "在答辩期内",
    "在法定期限内", "在举证期限内", "于法定期限内",
)  # fmt: skip
# a lead-in clause between the speaker and the verb (regular expressions): the day it sued, the dispute, the award it
# objects to (「原告张某于2019年5月8日向本院提起诉讼」「原告某公司不服某仲裁委员会…裁决，向本院提起诉讼」)
ADVERBIALS = (
    r"于[^，。；;\n]{4,16}?[日月]",
    r"因与[^。；;\n]{2,60}?(?:纠纷|争议)(?:一案)?[，,]?",
    r"(?:因)?不服[^。；;\n]{2,80}?[，,]",
    r"(?:就|对)[^，。；;\n]{2,40}?(?:裁决|裁定|判决)(?:不服)?[，,]",
    r"向(?:一审|原审)(?:人民)?法院|向[^，。；;\n]{2,24}?人民法院",  # an appeal retells the first-instance suit
)
DEFENCE_VERBS = (
    "共同辩称", "答辩称", "辩称", "答辩意见如下", "答辩如下", "提交的书面答辩意见如下", "提交书面答辩意见称", "述称",
    "陈述称", "答辩认为", "的答辩意见", "答辩意见为", "答辩意见是", "提交书面答辩状称", "提交答辩状称", "的答辩意见为",
    "答辩意见",
)  # fmt: skip
ABSENT_VERBS = (
    "未作答辩", "未答辩", "既未到庭", "未到庭", "经本院合法传唤", "经本院依法传唤", "经本院传票传唤", "经传票传唤", "缺席",
    "未提交答辩", "未提交书面答辩", "未提交答辩状", "未向本院提交答辩", "未发表答辩意见",
)  # fmt: skip
# a bare 「称」 opens a statement only right after a role word (「申请人称：」), never inside the findings
WEAK_VERB = "称"

# the tribunal's findings open with one of these (regular expressions: the wording varies around a fixed core);
# a short lead-in may come first in the same sentence (「根据当事人陈述和经审查确认的证据，本院认定事实如下」)
FINDINGS_CUES = (
    r"(?:本院)?经(?:本院)?(?:审理|审查|庭审)(?:，本院)?(?:查明|认定)(?:事实如下|如下事实|以下事实)?",
    r"(?:本院|本委|仲裁委|本庭)(?:经审理)?(?:查明|认定|确认)(?:了)?(?:本案)?(?:的)?(?:基本)?(?:事实|如下事实|以下事实)(?:如下)?",
    r"(?:本院|本委|仲裁委)(?:经审理)?(?:查明|认定如下|认定(?=[:：]))",
    r"本院对(?:以下|如下)事实予以确认",
    r"庭审查明|经查明|(?:另|再|又|还)查明|(?:另|再|经)查(?=[，,：:])",
    r"(?:本院|本委|仲裁委|本庭)对(?:本案)?(?:的)?(?:案件)?事实(?:作如下)?认定如下",
    r"(?:本院|本委|仲裁委|本庭)确认(?:如下|以下)(?:法律)?事实",
    r"(?:对于?|关于)?(?:双方|原、被告)?(?:当事人)?(?:均)?(?:无争议|无异议|一致认可)的(?:案件)?事实[，,]?(?:本院|本委|仲裁庭)予以(?:确认|认定)",
    r"认定(?:本案)?(?:的)?(?:基本)?事实如下",
    r"(?:一审|原审)(?:法院)?(?:经审理)?(?:查明|认定事实)|本院二审(?:期间)?(?:经审理)?查明|二审查明",
)
# the tribunal's account of the evidence (not a party's statement, not yet a finding)
TRIBUNAL_EVIDENCE_CUES = (r"当事人围绕诉讼请求", r"本院组织(?:双方)?(?:当事人)?进行了?(?:证据交换|举证|质证)")
OPINION_CUES = (
    "本院认为", "本委认为", "仲裁委认为", "仲裁庭认为", "本庭认为", "本院经审查认为", "本院经审理认为", "一审法院认为",
    "原审法院认为", "一审认为",
)  # fmt: skip
RULING_CUES = ("判决如下", "裁决如下", "裁定如下")
EVIDENCE_CUES = ("提交如下证据", "提交了如下证据", "提交以下证据", "提交了以下证据", "为证明其主张", "为证明自己的主张")


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _alternation_re(pieces: tuple[str, ...]) -> str:
    """One regular expression of several pieces that are regular expressions themselves."""
    return "|".join(f"(?:{p})" for p in pieces)


_ROLE = _alternation(list(ROLE_WORDS))
# numbered parties of one role (「第二被告」「被告之二」「被告（二）」「被告二：」「被告二辩称」): the n-th the caption lists.
# A bare numeral after the role word is a number only where the phrase or the clause ends after it: 「被告一次性支付」
# 「被告一汽解放公司」 hold no number.
ORDINALS = "一二三四五六七八九"
_NUMERAL = rf"[{ORDINALS}1-9]"
_NUMBERED = re.compile(
    rf"第(?P<a>{_NUMERAL})(?P<ra>{_ROLE})"
    rf"|(?P<rb>{_ROLE})(?:之(?P<b>{_NUMERAL})|[（(](?P<c>{_NUMERAL})[）)]|(?P<d>{_NUMERAL})(?=$|[：:，,、。；;\s（(]|的|与|和|及|共同|辩称|诉称|述称|称))"
)
# the speaker phrase: a role word and/or a name, no clause punctuation, at most 40 characters
_SPEAKER = r"(?P<speaker>[^。；;\n，,：:“”\"、]{0,40}?(?:、[^。；;\n，,：:“”\"、]{1,30}?)*)"
_VERBS = re.compile(
    _SPEAKER
    + r"(?:" + _alternation_re(ADVERBIALS) + r"){0,2}"
    + r"(?:" + "|".join(MANNER) + r")?"
    + r"(?P<verb>"
    + _alternation(STATEMENT_VERBS + DEFENCE_VERBS + ABSENT_VERBS)
    + r")"
)
_WEAK = re.compile(rf"(?P<speaker>(?:{_ROLE})[^。；;\n，,：:“”\"]{{0,20}}?)(?P<verb>(?:称|请求(?:裁决|判令|判决)?|诉请)(?=[，,：:])|请求(?:依法)?(?:裁决|判令|判决))")
_FINDINGS = re.compile("|".join(FINDINGS_CUES))
_TRIBUNAL_EVIDENCE = re.compile("|".join(TRIBUNAL_EVIDENCE_CUES))
LEAD_IN = 40  # how far into a sentence a findings cue may sit (after 「根据……，」)
_OPINION = re.compile(_alternation(OPINION_CUES))
_RULING = re.compile(_alternation(RULING_CUES))
_EVIDENCE = re.compile(rf"(?P<speaker>(?:{_ROLE})[^。；;\n，,：:]{{0,20}}?)(?:{_alternation(EVIDENCE_CUES)})")
_BODY_GAP = re.compile(r"[，,：:\s]*")
# a speaker phrase is a role word, a name, or both; these words in it mean the sentence is narration instead
_NOT_A_SPEAKER = re.compile(
    r"于|在|因|对|向(?!本院)|经(?!本院)|后|时|\d|认为|同意|不服|以|将|为|的$|被(?!告|申请人|上诉人|答辩人)|提出|提起|"
    r"^[故遂现特并又再但另且即]|[故遂现特即便乃]$|(?:未|没有|不|未曾|从未)$"
)  # a negated verb (「均未提起上诉」) is no speech
# what a speaker phrase may carry besides the party's name: a note in brackets (「（以下简称物流公司）」), and the one
# who speaks for the party (「被告某公司的委托诉讼代理人」「原告的法定代表人王某」): the party speaks
SPEAKER_NOTES = (r"[（(][^（）()]{0,30}[）)]",)
SPEAKER_FOR = (
    r"(?:的)?(?:共同)?(?:特别授权)?(?:委托(?:诉讼)?代理人|诉讼代理人|代理人|法定代表人|负责人|经营者|投资人|代表)"
    r"(?:[\u4e00-\u9fa5]{2,4})?$",
)
# a short name (2–3 characters) may hold a word the narration check reads (朱在华, 于海); these short phrases never
# name a party, so they stay narration
NARRATION_WORDS = (
    "对此", "为此", "因此", "据此", "就此", "由此", "随后", "随即", "同时", "于是", "此外", "另外", "当即", "继而", "到庭",
    "出庭", "庭审", "当庭", "庭上", "补充", "亦称", "均称", "又称", "再次", "进一步", "最后", "首先", "其次", "对于",
)  # fmt: skip
# an anonymised person (王某、王某某、王某甲) or an organisation by its kind: a name whatever characters it holds
_MASKED_NAME = re.compile(r"[\u4e00-\u9fa5]{1,2}某{1,2}[甲乙丙丁一二三]?")
_ORG_END = re.compile(
    r"(?:公司|集团|厂|店|中心|经营部|门市部|部|院|所|站|社|行|局|委员会|学校|学院|医院|馆|场|室|处|队|园|酒店|宾馆|银行|超市)$"
)


@dataclass(frozen=True)
class Segment:
    """A stretch of text spoken by one side, or by the tribunal.

    kind: "statement" (诉称: requests and reasons), "defence" (辩称), "absent" (未作答辩), "evidence" (a party's
    提交如下证据), "tribunal_evidence" (本院组织质证), "findings" (经审理查明), "opinion" (本院认为), "ruling"
    (判决如下), "header" (before the first cue)."""

    kind: str
    role: PartyRole | None  # the role the speaker phrase names; None for the tribunal or a bare name
    speaker: str  # the phrase before the verb, as written
    start: int  # the sentence that opens it
    body: int  # after the cue (the speaker's own words)
    end: int
    verb: str = ""  # the cue as written (「诉称」「向本院提出诉讼请求」「经审理查明」)

    @property
    def names(self) -> list[str]:
        """Party names in the speaker phrase: 「被告依莱尔公司、雅丽洁销售部」 → 依莱尔公司, 雅丽洁销售部."""
        return speaker_names(self.speaker)

    @property
    def opens_with_request(self) -> bool:
        """「原告向本院提出诉讼请求：1、…」: the words after the cue are the requests themselves."""
        return bool(re.search(r"请求|要求", self.verb))

    @property
    def is_party(self) -> bool:
        return self.kind in ("statement", "defence", "absent", "evidence")


def role_of(phrase: str) -> PartyRole | None:
    """The procedural role the first role word of a phrase names (「原告（被告）刘虎」 → applicant)."""
    m = re.search(_ROLE, phrase)
    return ROLE_WORDS[m.group()] if m else None


def numbered(phrase: str) -> list[tuple[PartyRole, int]]:
    """(role, n) of each numbered party a phrase names: 「第二被告」「被告之二」「被告（二）」「被告二」 → (respondent, 2)."""
    out = []
    for m in _NUMBERED.finditer(phrase):
        n = next(g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if g)
        out.append((ROLE_WORDS[m.group("ra") or m.group("rb")], int(n) if n.isdigit() else ORDINALS.index(n) + 1))
    return out


def speaker_names(phrase: str) -> list[str]:
    """Names in a speaker phrase, without role words, bracketed roles and notes, 「共同」「二」, the number of a
    numbered party (「第二被告」「被告之二」: a number, no name), and the agent who speaks for the party."""
    s = re.sub(rf"[（(](?:{_ROLE})[）)]", "", phrase)
    s = _NUMBERED.sub(lambda m: m.group("ra") or m.group("rb"), s)
    s = re.sub(_alternation_re(SPEAKER_NOTES), "", s)
    s = re.sub(_alternation_re(SPEAKER_FOR), "", s)
    s = re.sub(rf"^(?:[二两三四]|原审|反诉)?(?:{_ROLE})", "", s.strip())
    s = re.sub(r"(?:共同|均|亦|并|各自|分别)$", "", s)
    s = re.sub(r"的(?:诉讼|仲裁|反诉|上诉)?$", "", s)  # 「申请人的仲裁请求：」「原告的诉讼请求为」
    names = [n.strip() for n in re.split(r"、|和|及|与", s) if n.strip()]
    return [re.sub(rf"^(?:{_ROLE})", "", n) for n in names if not re.fullmatch(_ROLE, n)]


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"[\n。]", text):
        starts.append(m.end())
    return starts


def _cue_at(text: str, pos: int, in_findings: bool) -> tuple[str, re.Match[str]] | None:
    while pos < len(text) and text[pos] in " \t\u3000":
        pos += 1
    sentence_end = min([i for i in (text.find(c, pos) for c in "。\n") if i != -1] or [len(text)])
    m = _FINDINGS.search(text, pos, min(sentence_end, pos + LEAD_IN))
    if m and (m.start() == pos or text[pos : m.start()].rstrip().endswith(("，", ","))):
        return "findings", m
    m = _OPINION.match(text, pos)
    if m:
        return "opinion", m
    if in_findings:
        return None  # a judgment keeps to its order: statements, evidence, findings, opinion, ruling
    m = _TRIBUNAL_EVIDENCE.match(text, pos)
    if m:
        return "tribunal_evidence", m
    m = _VERBS.match(text, pos)
    if m and _speaker_ok(m.group("speaker"), m.group("verb")):
        verb = m.group("verb")
        kind = "statement" if verb in STATEMENT_VERBS else "absent" if verb in ABSENT_VERBS else "defence"
        return kind, m
    m = _WEAK.match(text, pos)
    if m and _speaker_ok(m.group("speaker"), "称") and not (m.group("verb") != "称" and role_of(m.group("speaker")) is not PartyRole.APPLICANT):
        return "statement", m
    m = _EVIDENCE.match(text, pos)
    if m:
        return "evidence", m
    return None


def _speaker_ok(speaker: str, verb: str) -> bool:
    s = speaker.strip()
    if not s:
        return False
    if re.match(_ROLE, s) or re.match(rf"[二两三四](?:{_ROLE})", s) or _NUMBERED.match(s):
        rest = speaker_names(s)
        return all(_is_name(n, after_role=True) for n in rest)
    # a bare name (「陈存强向本院提出诉讼请求」「森德公司辩称」): short, no narration words
    names = speaker_names(s)
    return len(s) <= 30 and bool(names) and all(_is_name(n, after_role=False) for n in names) and verb != WEAK_VERB


def _is_name(phrase: str, after_role: bool) -> bool:
    """Whether a phrase before a speech verb names a party rather than narrating (「于2015年」「对此」「因冠海公司」):
    an anonymised name or an organisation is one whatever its characters; after a role word, so is a person's
    name of two or three characters that is no narration word."""
    if re.search(r"\d|法院|仲裁|本院|本委", phrase):
        return False  # a court or a commission is never a party (「陈某某向一审法院起诉请求」)
    if _MASKED_NAME.fullmatch(phrase):
        return True
    if _ORG_END.search(phrase) and not re.match(r"[于在因对向经以将为故遂现特并又再但另且即]|(?:我|本|该|其|贵)(?:公司|单位|司)", phrase):
        return True
    if after_role and re.fullmatch(r"[\u4e00-\u9fa5]{2,3}", phrase) and not any(w in phrase for w in NARRATION_WORDS):
        return True
    return not _NOT_A_SPEAKER.search(phrase)


# a written defence handed in by a party absent from the hearing, its words following (not 「亦未提交书面答辩意见」)
_WRITTEN_DEFENCE = re.compile(r"(?<![未没不])(?:提交|递交|寄来)(?:了|的)?(?:一份)?(?:书面)?答辩(?:意见|状)(?:如下|称|认为)?\s*[：:]")


def segments(text: str) -> list[Segment]:
    """The text cut at each speech cue; the part before the first cue is a "header" segment (may be empty).

    A text with no cue at all gives []."""
    marks: list[tuple[int, int, str, str, PartyRole | None, str]] = []  # (start, body, kind, speaker, role, verb)
    in_findings = False
    for pos in _sentence_starts(text):
        found = _cue_at(text, pos, in_findings)
        if found is None:
            continue
        kind, m = found
        speaker = m.groupdict().get("speaker") or ""
        body = _BODY_GAP.match(text, m.end()).end()
        role = role_of(speaker) if speaker else None
        if kind == "statement" and role is None and "反诉" in m.group("verb"):
            role = PartyRole.RESPONDENT
        start = m.start() if kind in ("findings", "opinion", "tribunal_evidence") else pos
        while start < len(text) and text[start] in " \t\u3000":
            start += 1
        verb = m.groupdict().get("verb") or m.group()
        if kind == "absent":  # 「被告未到庭参加诉讼，提交的书面答辩意见如下：」: absent, yet its written defence speaks
            sentence_end = min([i for i in (text.find(c, body) for c in "。\n") if i != -1] or [len(text)])
            written = _WRITTEN_DEFENCE.search(text, m.end(), sentence_end)
            if written:
                kind, body, verb = "defence", _BODY_GAP.match(text, written.end()).end(), written.group()
        marks.append((start, body, kind, speaker.strip(), role, verb))
        in_findings = in_findings or kind in ("findings", "opinion")
    opinion = next((s for s, _, kind, *_ in marks if kind == "opinion"), None)
    rulings = list(_RULING.finditer(text, opinion)) if opinion is not None else []
    if rulings:  # the operative part follows the opinion; a 「裁决如下」 quoted in the findings is not it
        ruling = rulings[-1]
        line_start = max(text.rfind("\n", 0, ruling.start()), text.rfind("。", 0, ruling.start())) + 1
        if not any(s >= line_start for s, *_ in marks):
            marks.append((line_start, _BODY_GAP.match(text, ruling.end()).end(), "ruling", "", None, ruling.group()))
    if not marks:
        return []
    marks.sort()
    out: list[Segment] = []
    if marks[0][0] > 0 and text[: marks[0][0]].strip():
        out.append(Segment("header", None, "", 0, 0, marks[0][0]))
    for i, (start, body, kind, speaker, role, verb) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        out.append(Segment(kind, role, speaker, start, min(body, end), end, verb))
    return out


def opens_part(sentence: str) -> bool:
    """Whether a sentence opens a part: a party's statement or evidence, the findings, the opinion or the ruling."""
    return _cue_at(sentence, 0, False) is not None or bool(_RULING.match(sentence.lstrip()))


def has_statements(text: str) -> bool:
    """Whether a text holds a party's statement in court or narrative form (诉称/辩称/提出诉讼请求 …)."""
    return any(s.kind in ("statement", "defence") for s in segments(text[:20000]))


def is_court(text: str) -> bool:
    """Whether a text speaks of the parties as in a lawsuit (原告/被告) rather than an arbitration (申请人)."""
    head = text[:20000]
    court = len(re.findall(_alternation(COURT_ROLE_WORDS), head))
    commission = len(re.findall(r"(?<!被)申请人|被申请人", head))
    return court > commission
