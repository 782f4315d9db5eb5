"""The papers due when the employment ends (劳动合同法第五十条第一款): the certificate of the ending and the
transfer of the worker's file and social insurance; asked under social insurance or as an untyped request."""

from __future__ import annotations

import re

from arbitration.drafting.rules.base import Ctx, Decision, c, relation_denied

# what an employer must do when the employment ends (劳动合同法第五十条第一款): a certificate of the ending, and the
# transfer of the worker's file and social insurance within fifteen days
PAPERS = {"certificate": re.compile(r"(?:出具|开具|补开|提供)[^，。；]{0,12}(?:解除|终止|离职)[^，。；]{0,12}证明"),
          "transfer": re.compile(r"(?:档案|社会保险关系|社保关系|保险关系)[^，。；]{0,8}(?:转移|转出|转接)|"
                                 r"(?:转移|转出|转接)[^，。；]{0,8}(?:档案|社会保险关系|社保关系|保险关系)")}
PAPER_ORDERS = {"certificate": "出具解除（终止）劳动合同的证明", "transfer": "办理档案和社会保险关系转移手续"}
# a request for damages for papers withheld (「赔偿因未出具解除劳动合同证明造成的损失」): money, not the papers
DAMAGES = re.compile(r"损失|赔偿")


def papers(text: str) -> list[str]:
    """The ending's papers a claim asks for, by key (certificate, transfer); [] when it asks for none, or asks
    damages for their lack instead (`papers_damages`)."""
    if DAMAGES.search(text):
        return []
    return [k for k, p in PAPERS.items() if p.search(text)]


def papers_damages(text: str) -> bool:
    """The request asks damages for the papers withheld or delayed (劳动合同法第八十九条; 第五十条 for the transfers)."""
    return bool(DAMAGES.search(text)) and any(p.search(text) for p in PAPERS.values())


def papers_loss(x: Ctx, d: Decision) -> Decision:
    """Damages for the ending's papers withheld (劳动合同法第五十条第一款; 第八十九条 for the certificate): owed only
    for a harm the worker proves the lack caused; whether there was one, and its sum, are for the tribunal."""
    if relation_denied(x, d):
        return d
    d.articles.append(c("劳动合同法", 50, 1))
    if PAPERS["certificate"].search(x.claim.text):
        d.articles.append(c("劳动合同法", 89))
    withheld = "、".join(f"未{PAPER_ORDERS[k]}" for k, p in PAPERS.items() if p.search(x.claim.text))
    return d.pend(f"{x.w}因{x.e}{withheld}所受的损失及其数额（该项赔偿以{x.w}因此受到损害为前提）")


def termination_papers(x: Ctx, d: Decision) -> Decision:
    """劳动合同法第五十条第一款: once the employment has ended, the certificate and the transfers are due."""
    if relation_denied(x, d):
        return d
    if x.fact("leave_date") is None and x.fact("termination") is None:
        return d.pend(x.why_pending("leave_date", "劳动关系是否已解除（终止）"))
    asked = "、".join(PAPER_ORDERS[k] for k in papers(x.claim.text))
    return d.grant(f"双方劳动关系已经解除（终止），{x.e}应当在解除或者终止劳动合同时出具解除或者终止劳动合同的证明，"
                   f"并在十五日内为{x.w}办理档案和社会保险关系转移手续，故{x.w}要求{x.e}{asked}，应予支持", None,
                   c("劳动合同法", 50, 1))
