"""The body of a judgment or award as courts write it: its parts (陈述, 查明, 本院认为, 判决如下), who said what
(原告诉称 / 被告辩称 / 反诉称), which side each party is (劳动者 or 用人单位) and the requests each side made, read
by sentence structure and cue words kept as data (arbitration/data/judgment_cues.toml)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from arbitration.extract.claims import ClaimMention, requests_in
from arbitration.extract.claimtypes import OTHER
from arbitration.model import ClaimantSide

CUES_FILE = Path(__file__).resolve().parents[1] / "data" / "judgment_cues.toml"
ROLES = ("反诉原告", "反诉被告", "原审原告", "原审被告", "被上诉人", "上诉人", "被申请人", "申请人", "原告", "被告", "第三人")
_ROLE = "|".join(ROLES)
_TERMINAL = "。；;：:！!？?」”’）)】〕]"
ITEM_START = re.compile(
    r"^\s*(?:[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|\d{1,2}\s*(?:、|[.．](?!\d)|[，,](?!\d{3}))|[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]|第[一二三四五六七八九十]{1,3}[项条][，,、：:]?)"
)
CAPTION_LINE = re.compile(r"(?:委员会|法院|仲裁院|裁决书|判决书|裁定书|调解书|号)\s*$")


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue words (arbitration/data/judgment_cues.toml)."""
    with CUES_FILE.open("rb") as f:
        return tomllib.load(f)


@cache
def cue_re(section: str, key: str) -> re.Pattern[str]:
    """One alternation of a cue list, longest first."""
    words = sorted(cues()[section][key], key=len, reverse=True)
    return re.compile("|".join(f"(?:{w})" for w in words))


def body_lines(text: str) -> list[str]:
    """Non-empty lines, a sentence broken over two lines joined again (「经济补偿金34」+「000元；」); caption and
    signature lines (names, 号, dates) are never joined."""
    raw = [x.strip() for x in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    prev_blank = True
    for line in raw:
        if not line:
            prev_blank = True
            continue
        if (out and not prev_blank and len(out[-1]) >= 12 and out[-1][-1] not in _TERMINAL
                and not CAPTION_LINE.search(out[-1]) and not _date_only(out[-1]) and not _starts_part(line)):
            out[-1] += line
        else:
            out.append(line)
        prev_blank = False
    return out


def _starts_part(line: str) -> bool:
    """A line that begins something of its own: an item number, a party, a part's heading, a date."""
    return bool(ITEM_START.match(line) or re.match(rf"(?:{_ROLE})", line) or _date_only(line)
                or _openers()[0].match(line) or any(cue_re("parts", k).match(line) for k in ("facts", "reasoning"))
                or re.match(r"(?:经|经本院)?审理(?:查明|认定)|(?:审判长|代理审判员|审判员|人民陪审员|书记员|首席仲裁员|仲裁员)", line))


def _date_only(line: str) -> bool:
    return bool(re.fullmatch(r"[\d〇零○Ｏ一二三四五六七八九十]{4}\s*年[\d〇零○一二三四五六七八九十]{1,3}\s*月[\d〇零○一二三四五六七八九十]{1,3}\s*日", line))


# ---------------------------------------------------------------- parties and sides


def org_name(name: str) -> bool:
    """Whether a party's name is an organisation (有限公司, 卫生室, 工作室 …) rather than a person."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", name.strip("，,。；: ：")).strip()
    return bool(name) and bool(re.search(f"(?:{cue_re('sides', 'org_suffix').pattern})$", name))


_NAME_STOP = "的与和及向到在对为是系将把被由从自于已未不应诉辩称要请认主提因以经就按同共等"


def role_sides(text: str) -> dict[str, ClaimantSide]:
    """Which procedural role is the worker: 原告 named as a company, 「被告系原告单位职工」, 「原告无需支付被告…」
    vote for an employer plaintiff; 「原告…入职被告处」 and a company named as 被告 for a worker plaintiff."""
    votes: Counter[str] = Counter()  # role → evidence that it is the employer
    org = cue_re("sides", "org_suffix_in_text").pattern
    for m in re.finditer(rf"(原告|被告|被申请人|申请人)(?:[（(][^）)]{{0,8}}[）)])?([^\s，,。；;：:、“”\"{_NAME_STOP}]{{0,24}}?)(?:{org})(?![\u4e00-\u9fff]{{0,1}}(?:工作|上班))", text):
        votes[m[1]] += 1
    votes["原告"] += 3 * len(cue_re("sides", "employer_plaintiff").findall(text))
    votes["被告"] += 3 * len(cue_re("sides", "worker_plaintiff").findall(text))
    out = {}
    for first, second in (("原告", "被告"), ("申请人", "被申请人"), ("上诉人", "被上诉人"), ("反诉原告", "反诉被告")):
        a, b = votes[first], votes[second]
        employer_first = a > b
        out[first] = ClaimantSide.EMPLOYER if employer_first else ClaimantSide.WORKER
        out[second] = ClaimantSide.WORKER if employer_first else ClaimantSide.EMPLOYER
    out["原审原告"], out["原审被告"] = out["原告"], out["被告"]
    return out


def strip_role(who: str) -> tuple[str | None, str]:
    """(leading role word, the name after it) of 「原告（被告）刘虎」 → ("原告", "刘虎")."""
    who = who.strip(" ，,：:")
    m = re.match(rf"(?:二|两|各|三)?({_ROLE})?(?:[（(][^）)]{{0,10}}[）)])?", who)
    role = m[1] if m else None
    name = who[m.end():] if m else who
    name = re.sub(r"(?:共同|均|在庭审中|庭审中|当庭|书面|口头|向本院)$", "", re.sub(r"的$", "", name))
    return role, name.strip()


def side_of(who: str, sides: dict[str, ClaimantSide], default: ClaimantSide | None = None) -> ClaimantSide | None:
    """The side of a party as written: a company's name is the employer, a person's the worker, a bare role
    word is looked up in `sides`."""
    role, name = strip_role(who)
    if name and re.search(f"(?:{cue_re('sides', 'org_suffix').pattern})", name) and org_name(re.split(r"[、和与及]", name)[0]):
        return ClaimantSide.EMPLOYER
    if name and not re.search(rf"{_ROLE}", name) and len(name) <= 30:
        return ClaimantSide.WORKER
    if role:
        return sides.get(role, default)
    return default


# ---------------------------------------------------------------- parts


@dataclass
class Statement:
    """One party's statement: 「原告诉称」 (claim), 「反诉称」 (counterclaim) or 「被告辩称」 (defence)."""

    first: int  # index of its first line
    last: int  # index after its last line
    who: str  # the speaker as written, e.g. 「原告孟祥梅」, 「新大陆公司」, 「原告」
    kind: str  # "claim" | "counterclaim" | "defence"
    side: ClaimantSide | None
    head_end: int = 0  # where the opener (「原告诉称：」) ends in the first line


@dataclass
class Body:
    """A judgment or award body split into its parts (line indices into `lines`)."""

    lines: list[str]
    statements: list[Statement] = field(default_factory=list)
    facts: tuple[int, int] | None = None  # 经审理查明 …
    reasoning: tuple[int, int] | None = None  # 本院认为 … (the line of 判决如下 excluded)
    reasoning_head: int = 0  # where the reasoning starts in its first line (after 「本院认为：」)
    facts_head: int = 0  # where the findings start in their first line (after 「经审理查明：」)
    ruling: tuple[int, int] | None = None  # the items after 判决如下
    ruling_basis: str = ""  # 「综上，依照…之规定，判决如下」: the articles the whole ruling rests on
    ruling_inline: str = ""  # items written on the line of 判决如下 itself
    sides: dict[str, ClaimantSide] = field(default_factory=dict)
    court: bool = False  # 本院/原告/判决 language rather than 本委/申请人/裁决

    def text(self, span: tuple[int, int] | None, head: int = 0) -> str:
        """The lines of a part, its first line from `head` on (after its heading)."""
        if not span:
            return ""
        first = self.lines[span[0]][head:].lstrip("：:，, ")
        return "\n".join([first, *self.lines[span[0] + 1 : span[1]]]).strip()


def _opener() -> re.Pattern[str]:
    verbs = [(w, k) for k in ("counterclaim", "defence", "claim") for w in cues()["statements"][k]]
    alt = "|".join(re.escape(w) for w, _ in sorted(verbs, key=lambda x: -len(x[0])))
    who = rf"(?:(?:二|两)?(?:{_ROLE})(?:[（(][^）)]{{1,10}}[）)])?)?[^，,。；;：:“”\"（(\s]{{0,40}}?"
    return re.compile(rf"^(?P<who>{who})(?:在庭审中|庭审中|当庭|共同|书面)?(?P<verb>{alt})")


@lru_cache(maxsize=1)
def _openers() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {w: k for k in ("claim", "counterclaim", "defence") for w in cues()["statements"][k]}
    return _opener(), kinds


def _statement_at(line: str, sides: dict[str, ClaimantSide]) -> Statement | None:
    pattern, kinds = _openers()
    m = pattern.match(line)
    if not m:
        return None
    who, verb = m["who"], m["verb"]
    role, name = strip_role(who)
    if not role and not name:
        return None
    if ITEM_START.match(who) or re.search(r"认为|对此|本院|本委|仲裁|证据|据此|综上|为证明|质证|[故现遂特因并又再但如若既亦未]|"
                                          r"诉至|起诉|不同意|要求|提出|到庭", who):
        return None
    kind = kinds[verb]
    if kind == "claim" and verb in ("请求", "诉讼请求", "仲裁请求", "的诉讼请求", "的仲裁请求"):
        # a bare 「请求」 opens a statement only as a heading: 「申请人请求：」, 「原告的诉讼请求为：」
        rest = line[m.end():]
        if not re.match(r"(?:为|是|如下)?[：:]|裁决|判令", rest) or (role or "").startswith(("被告", "被申请人", "被上诉人")):
            return None
    return Statement(0, 0, who, kind, side_of(who, sides), m.end())


def _first_line(lines: list[str], pattern: re.Pattern[str], start: int = 0, end: int | None = None,
                at_start: bool = True) -> int | None:
    for i in range(start, len(lines) if end is None else end):
        m = pattern.search(lines[i])
        if m and (not at_start or m.start() <= 6):
            return i
    return None


def read_body(text: str) -> Body:
    """Split a judgment or award into statements, findings, reasoning and ruling."""
    lines = body_lines(text)
    body = Body(lines, sides=role_sides(text))
    # the ruling: the last 判决如下 (a quoted earlier judgment's 判决如下 comes before it)
    ruling_re = cue_re("parts", "ruling")
    at = max((i for i, x in enumerate(lines) if ruling_re.search(x)), default=None)
    if at is not None:
        m = list(ruling_re.finditer(lines[at]))[-1]
        body.ruling_basis = lines[at][: m.start()]
        body.ruling_inline = lines[at][m.end():].lstrip("：:，, ")
        end_re = cue_re("parts", "ruling_end")
        stop = next((j for j in range(at + 1, len(lines)) if end_re.search(lines[j][:12])), len(lines))
        body.ruling = (at + 1, stop)
        body.court = not m[0].startswith("裁决")
    else:
        body.court = bool(re.search(r"本院认为|原告|人民法院", text))
    limit = at if at is not None else len(lines)
    # the reasoning: the first line opening with 本院认为 (before the ruling)
    reason_re = cue_re("parts", "reasoning")
    r_at = _first_line(lines, reason_re, 0, limit)
    if r_at is None:
        r_at = _first_line(lines, reason_re, 0, limit, at_start=False)
    if r_at is not None:
        m = reason_re.search(lines[r_at])
        body.reasoning_head = m.end()
        body.reasoning = (r_at, limit)
    # findings: the first line opening with 经审理查明 (or naming 本院确认以下事实)
    facts_re = cue_re("parts", "facts")
    f_at = _first_line(lines, facts_re, 1, r_at if r_at is not None else limit)
    if f_at is None:
        facts_re = re.compile(r"本院(?:确认|认定|查明)[^，。；]{0,6}事实(?:如下)?")
        f_at = _first_line(lines, facts_re, 1, r_at if r_at is not None else limit, at_start=False)
    if f_at is not None:
        body.facts = (f_at, r_at if r_at is not None else limit)
        head = facts_re.search(lines[f_at]).end()
        body.facts_head = head + re.match(r"(?:[^，。；：:]{0,8}?(?:如下事实|事实如下|如下))?", lines[f_at][head:]).end()
    stop = min(x for x in (f_at, r_at, limit) if x is not None)
    body.statements = _statements(lines, stop, body.sides)
    if stop and not any(s.kind in ("claim", "counterclaim") for s in body.statements):
        # no 「原告诉称」 anywhere (「原告起诉要求…」): what comes before the first statement is the claimant's
        role = "原告" if body.court else "申请人"
        last = body.statements[0].first if body.statements else stop
        if last:
            body.statements.insert(0, Statement(0, last, role, "claim", body.sides.get(role)))
    return body


def _statements(lines: list[str], stop: int, sides: dict[str, ClaimantSide]) -> list[Statement]:
    evidence = cue_re("parts", "evidence")
    out: list[Statement] = []
    for i in range(stop):
        s = _statement_at(lines[i], sides)
        if s is not None:
            if out and out[-1].last == 0:
                out[-1].last = i
            s.first = i
            out.append(s)
        elif out and out[-1].last == 0 and evidence.search(lines[i][:30]):
            out[-1].last = i
    if out and out[-1].last == 0:
        out[-1].last = stop
    return out


def statement_text(body: Body, s: Statement) -> str:
    """The words of a statement after its opener, lines joined by newlines."""
    first = body.lines[s.first][s.head_end :].lstrip("：:，, ")
    return "\n".join([first, *body.lines[s.first + 1 : s.last]])


# ---------------------------------------------------------------- requests


@dataclass
class Request:
    """One request as read from a statement: the claim splitter's mention, whose it is and its item number."""

    claim: ClaimMention
    side: ClaimantSide
    number: int | None  # its number in the list (诉讼请求第三项), None in running text
    statement: int  # index of the statement in Body.statements
    kind: str = "claim"  # the statement's kind: claim | counterclaim | defence (a worker's demand when sued)


_REQUEST_VERBS = ("请求", "仲裁请求", "诉讼请求", "上诉请求", "的诉讼请求", "的仲裁请求", "请求裁决", "反诉请求", "起诉请求",
                  "向本院提出诉讼请求", "向本院提出如下诉讼请求", "提出诉讼请求", "向本委提出如下仲裁请求", "向本委提出仲裁请求")


def _merged(claims: list[ClaimMention]) -> list[ClaimMention]:
    """「退还保证金2000元及利息」 is one request: a part with no type and no sum joins the sum before it."""
    out: list[ClaimMention] = []
    for c in claims:
        if (c.part or 0) > 1 and c.type == OTHER and c.amount is None and out and out[-1].index == c.index:
            out[-1] = replace(out[-1], text=f"{out[-1].text}及{c.text}")
        else:
            out.append(c)
    return out


def requests(body: Body) -> list[Request]:
    """Every request of every statement, through the case-file claim splitter (arbitration.extract.claims): the
    claims of 诉称 and 反诉, and the demands a worker sued by the employer makes in the defence."""
    out: list[Request] = []
    for k, s in enumerate(body.statements):
        if s.side is None:
            continue
        text = statement_text(body, s)
        if s.kind in ("claim", "counterclaim"):
            # a statement that is only 「原告某某起诉要求…」: the request starts at its verb
            text = re.sub(rf"^(?:{_ROLE})[^，,。；：:]{{0,20}}?(?:起诉|诉至[^，,。；]{{0,10}}?|提起诉讼)[，,]?(?=要求|请求)", "", text)
            m = _openers()[0].match(body.lines[s.first])
            found = requests_in(text, opens_with_request=bool(m) and s.head_end > 0 and m["verb"] in _REQUEST_VERBS)
            if not found and s.kind == "counterclaim":  # 「反诉要求…」 reads like a defence's own demand
                found = requests_in(text, defence=True)
        elif s.side is ClaimantSide.WORKER and body.sides.get("原告") is ClaimantSide.EMPLOYER:
            found = requests_in(text, defence=True)
        else:
            continue
        out += [Request(c, s.side, c.index, k, s.kind) for c in _merged(found)]
    return out
