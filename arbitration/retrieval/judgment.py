"""The body of a judgment or award as courts write it: its parts (陈述, 查明, 本院认为, 判决如下), who said what
and the requests each side made. Who speaks where is the reading stage's (arbitration.ingest.speech), the requests
its claim splitter's (arbitration.extract.claims.requests_in) and which side is the worker its votes
(arbitration.extract.parties); this module adds the operative part (判决如下 and what follows it) and the lines
the archive keeps. Outcome cue words: arbitration/data/judgment_cues.toml."""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from arbitration.extract.claims import ITEM_NUMBER, ClaimMention, requests_in
from arbitration.extract.claimtypes import OTHER
from arbitration.extract.parties import ORG_NAME, employs, org_name_at
from arbitration.ingest.speech import (
    OPINION_CUES,
    ROLE_WORDS,
    RULING_CUES,
    Segment,
    opens_part,
    segments,
    speaker_names,
)
from arbitration.model import ClaimantSide, PartyRole

CUES_FILE = Path(__file__).resolve().parents[1] / "data" / "judgment_cues.toml"
ROLES = tuple(sorted(ROLE_WORDS, key=len, reverse=True))
_ROLE = "|".join(ROLES)
_TERMINAL = "。；;：:！!？?」”’）)】〕]"
ITEM_START = re.compile(r"^\s*(?:" + ITEM_NUMBER.pattern + ")")  # an item number opening a line
CAPTION_LINE = re.compile(r"(?:委员会|法院|仲裁院|裁决书|判决书|裁定书|调解书|号)\s*$")
_RULING = re.compile("|".join(RULING_CUES))
_OPINION = re.compile("|".join(sorted(OPINION_CUES, key=len, reverse=True)))
# the pairs of role words, the first of each the one that sued
PAIRS = (("原告", "被告"), ("申请人", "被申请人"), ("上诉人", "被上诉人"), ("反诉原告", "反诉被告"))


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
    return bool(ITEM_START.match(line) or re.match(rf"(?:{_ROLE})", line) or _date_only(line) or opens_part(line)
                or re.match(r"(?:审判长|代理审判员|审判员|人民陪审员|书记员|首席仲裁员|仲裁员)", line))


def _date_only(line: str) -> bool:
    return bool(re.fullmatch(r"[\d〇零○Ｏ一二三四五六七八九十]{4}\s*年[\d〇零○一二三四五六七八九十]{1,3}\s*月[\d〇零○一二三四五六七八九十]{1,3}\s*日", line))


# ---------------------------------------------------------------- parties and sides


def org_name(name: str) -> bool:
    """Whether a party's name is an organisation (有限公司, 卫生室, 工作室 …) rather than a person."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", name.strip("，,。；: ：")).strip()
    return bool(name) and bool(ORG_NAME.search(name))


def role_sides(text: str, segs: list[Segment]) -> dict[str, ClaimantSide]:
    """Which role word names the worker, pair by pair (原告/被告, 申请人/被申请人 …): an organisation named after a
    role word (「被告某某有限公司」) and a speaker named as a person vote, and so do the sentences that say who employs
    whom (arbitration.extract.cues.EMPLOYS: 「被告系原告单位职工」「原告无需支付被告…」「原告…入职被告处」)."""
    employer_votes: dict[str, int] = {w: 0 for pair in PAIRS for w in pair}
    for m in re.finditer(rf"(?<![被反原])(?P<role>{'|'.join(employer_votes)})(?:[（(][^）)]{{0,8}}[）)])?", text):
        if org_name_at(text, m.end()):
            employer_votes[m["role"]] += 1
    for seg in segs:
        word = re.match(rf"(?:{_ROLE})", seg.speaker.strip())
        if word and word[0] in employer_votes and seg.names and not any(org_name(n) for n in seg.names):
            employer_votes[word[0]] -= 1  # a person speaks: the worker's side
    out: dict[str, ClaimantSide] = {}
    for first, second in PAIRS:
        a = employer_votes[first] + 3 * employs(text, second, first)
        b = employer_votes[second] + 3 * employs(text, first, second)
        employer_first = a > b
        out[first] = ClaimantSide.EMPLOYER if employer_first else ClaimantSide.WORKER
        out[second] = ClaimantSide.WORKER if employer_first else ClaimantSide.EMPLOYER
    out["原审原告"], out["原审被告"] = out["原告"], out["被告"]
    return out


def strip_role(who: str) -> tuple[str | None, str]:
    """(leading role word, the names after it) of 「原告（被告）刘虎」 → ("原告", "刘虎")."""
    who = who.strip(" ，,：:")
    m = re.match(rf"(?:二|两|各|三)?({_ROLE})?", who)
    role = m[1] if m else None
    return role, "、".join(speaker_names(who))


def side_of(who: str, sides: dict[str, ClaimantSide], default: ClaimantSide | None = None) -> ClaimantSide | None:
    """The side of a party as written: a company's name is the employer, a person's the worker, a bare role
    word is looked up in `sides`."""
    role, name = strip_role(who)
    if name and org_name(re.split(r"[、和与及]", name)[0]):
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
    start: int = 0  # its opener and its words in Body.joined
    body: int = 0
    end: int = 0
    opens_with_request: bool = False  # 「向本院提出诉讼请求：」: the words after the opener are the requests


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
    joined: str = ""  # the lines joined by newlines: the text the statements' offsets point into

    def text(self, span: tuple[int, int] | None, head: int = 0) -> str:
        """The lines of a part, its first line from `head` on (after its heading)."""
        if not span:
            return ""
        first = self.lines[span[0]][head:].lstrip("：:，, ")
        return "\n".join([first, *self.lines[span[0] + 1 : span[1]]]).strip()


class _Lines:
    """Offsets in the joined text ↔ (line, column)."""

    def __init__(self, lines: list[str]) -> None:
        self.starts = []
        pos = 0
        for line in lines:
            self.starts.append(pos)
            pos += len(line) + 1

    def line(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def column(self, pos: int) -> int:
        return pos - self.starts[self.line(pos)]


def read_body(text: str) -> Body:
    """Split a judgment or award into statements, findings, reasoning and ruling."""
    lines = body_lines(text)
    joined = "\n".join(lines)
    at = _Lines(lines)
    segs = segments(joined)
    body = Body(lines, sides=role_sides(joined, segs), joined=joined)
    # the ruling: the last 判决如下 (a quoted earlier judgment's 判决如下 comes before it)
    r_line = max((i for i, x in enumerate(lines) if _RULING.search(x)), default=None)
    if r_line is not None:
        m = list(_RULING.finditer(lines[r_line]))[-1]
        body.ruling_basis = lines[r_line][: m.start()]
        body.ruling_inline = lines[r_line][m.end():].lstrip("：:，, ")
        end_re = cue_re("parts", "ruling_end")
        stop = next((j for j in range(r_line + 1, len(lines)) if end_re.search(lines[j][:12])), len(lines))
        body.ruling = (r_line + 1, stop)
        body.court = not m[0].startswith("裁决")
    else:
        body.court = bool(re.search(r"本院认为|原告|人民法院", text))
    limit = r_line if r_line is not None else len(lines)
    # the reasoning: the first 本院认为 that opens a sentence, else the first anywhere (before the ruling)
    opinion = next((s for s in segs if s.kind == "opinion" and at.line(s.start) < limit), None)
    if opinion is not None:
        body.reasoning, body.reasoning_head = (at.line(opinion.start), limit), at.column(opinion.body)
    else:
        found = next(((i, m) for i in range(limit) if (m := _OPINION.search(lines[i]))), None)
        if found:
            body.reasoning, body.reasoning_head = (found[0], limit), found[1].end()
    r_at = body.reasoning[0] if body.reasoning else limit
    # the findings: the tribunal's first 经审理查明 (or 本院认定事实如下 …), up to the reasoning
    findings = next((s for s in segs if s.kind == "findings" and at.line(s.start) < r_at), None)
    if findings is not None:
        body.facts, body.facts_head = (at.line(findings.start), r_at), at.column(findings.body)
    stop = min(x for x in (body.facts[0] if body.facts else None, r_at, limit) if x is not None)
    body.statements = _statements(body, segs, at, stop)
    return body


def _statements(body: Body, segs: list[Segment], at: _Lines, stop: int) -> list[Statement]:
    """The parties' statements before the findings; with none that asks (「原告刘某起诉要求…」 is one), the text before
    the first statement is the claimant's."""
    names = _roles_by_name(body.joined, segs)
    out: list[Statement] = []
    for seg in segs:
        if seg.kind not in ("statement", "defence", "absent") or at.line(seg.start) >= stop:
            continue
        role = seg.role or next((names[n] for n in seg.names if n in names), None)
        kind = "defence" if seg.kind != "statement" else (
            "counterclaim" if "反诉" in seg.verb or role is PartyRole.RESPONDENT else "claim")
        first, last = at.line(seg.start), at.line(max(seg.start, seg.end - 1)) + 1
        out.append(Statement(first, last, seg.speaker, kind, side_of(seg.speaker, body.sides),
                             at.column(seg.body) if at.line(seg.body) == first else 0,
                             seg.start, seg.body, seg.end, seg.opens_with_request))  # fmt: skip
    if stop and not any(s.kind in ("claim", "counterclaim") for s in out):
        role = "原告" if body.court else "申请人"
        end = out[0].start if out else at.starts[stop] if stop < len(at.starts) else len(body.joined)
        if end:
            out.insert(0, Statement(0, at.line(end - 1) + 1, role, "claim", body.sides.get(role), 0, 0, 0, end))
    return out


def _roles_by_name(text: str, segs: list[Segment]) -> dict[str, PartyRole]:
    """The role each name has where a role word stands before it (a speaker 「原告孙某某」, 「被告某某餐饮公司」 in the
    text), so that a statement by a bare name (「某某餐饮公司反诉称」) is known by its party."""
    out: dict[str, PartyRole] = {}
    for seg in segs:
        if seg.role is not None:
            for n in seg.names:
                out.setdefault(n, seg.role)
    for m in re.finditer(rf"(?P<role>{_ROLE})(?:[（(][^）)]{{0,8}}[）)])?", text):
        org = org_name_at(text, m.end())
        if org:
            out.setdefault(org, ROLE_WORDS[m["role"]])
    return out


def statement_text(body: Body, s: Statement) -> str:
    """The words of a statement after its opener."""
    return body.joined[s.body : s.end]


# ---------------------------------------------------------------- requests


@dataclass
class Request:
    """One request as read from a statement: the claim splitter's mention, whose it is and its item number."""

    claim: ClaimMention
    side: ClaimantSide
    number: int | None  # its number in the list (诉讼请求第三项), None in running text
    statement: int  # index of the statement in Body.statements
    kind: str = "claim"  # the statement's kind: claim | counterclaim | defence (a worker's demand when sued)


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
            found = requests_in(text, opens_with_request=s.opens_with_request)
        elif s.side is ClaimantSide.WORKER and body.sides.get("原告") is ClaimantSide.EMPLOYER:
            found = requests_in(text, defence=True)
        else:
            continue
        out += [Request(c, s.side, c.index, k, s.kind) for c in _merged(found)]
    return out
