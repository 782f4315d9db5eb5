"""Re-reading a case keeps the people's work on it: the new extraction's versions of each fact, followed by the manual
versions users entered; the tribunal's adoption (采信) moved to where its version now stands; users' disputed marks.
An adoption whose version the new reading no longer finds is withdrawn and reported, never dropped silently."""

from __future__ import annotations

from typing import Any

from arbitration.model import FACT_NAMES, Case, Fact, FactValue, Method


def _key(v: Any) -> Any:
    return v.model_dump_json() if hasattr(v, "model_dump_json") else v


def _auto_disputed(values: list[FactValue]) -> bool:
    """What Fact.add would have set: the versions disagree."""
    return len({_key(v.value) for v in values}) > 1


def _find(values: list[FactValue], chosen: FactValue) -> int | None:
    """Where the adopted version stands among the new versions: the same version, else the same value read from the
    same file for the same side (a re-reading may quote a little more or less of the sentence)."""
    for i, v in enumerate(values):
        if v == chosen:
            return i
    for i, v in enumerate(values):
        if (_key(v.value), v.source.file, v.side) == (_key(chosen.value), chosen.source.file, chosen.side):
            return i
    return None


def _shown(value: Any) -> str:
    if hasattr(value, "model_dump"):
        return "，".join(f"{k}={v}" for k, v in value.model_dump(mode="json", exclude_none=True).items())[:80]
    return str(value)[:80]


def merge_fact(name: str, old: Fact, new: Fact) -> str | None:
    """Merge the old fact's manual work into the new fact, in place; the message for a lost adoption, if any."""
    manual = [v.model_copy(deep=True) for v in old.values if v.source.method == Method.MANUAL]
    new.values = [*new.values, *manual]
    # a disputed mark that differs from what the versions alone would give was set by a user (the page only toggles)
    new.disputed = old.disputed if old.disputed != _auto_disputed(old.values) else (
        new.disputed or _auto_disputed(new.values))
    new.accepted = None
    if old.accepted is None or not 0 <= old.accepted < len(old.values):
        return None
    chosen = old.values[old.accepted]
    new.accepted = _find(new.values, chosen)
    if new.accepted is not None:
        return None
    where = chosen.source.file + (f" 第 {chosen.source.page} 页" if chosen.source.page else "")
    return (f"{FACT_NAMES.get(name, name)}：已采信的版本「{_shown(chosen.value)}」（来源：{where}）在重新读取后不再出现，"
            "采信已撤销，请重新认定")


def merge_reextracted(old: Case, new: Case) -> tuple[Case, list[str]]:
    """The new reading of a case with the manual work of the old one kept; (merged case, one message per adoption
    that was withdrawn because its version is gone; the messages are also among the case's warnings)."""
    merged = new.model_copy(deep=True)
    merged.reviews = dict(old.reviews)  # the arbitrator's accept/reject of proposed findings, by id
    lost = []
    for name, old_fact in old.facts.items():
        message = merge_fact(name, old_fact, getattr(merged.facts, name))
        if message:
            lost.append(message)
    merged.warnings.extend(m for m in lost if m not in merged.warnings)
    return merged, lost
