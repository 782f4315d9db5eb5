"""SQLite metadata of the archive: precedents (JSON), retrieval units with their vectors and BM25 tokens,
and a meta table (embedder, dimension, index parameters, built_at). SQLite is the source of truth; the FAISS
file is a cache that can be rebuilt from the stored vectors."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from arbitration.model import Precedent

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS precedents (
    case_number TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    region TEXT,
    award_date TEXT,
    claim_types TEXT NOT NULL,      -- space-separated claim-type ids, for filters
    source_file TEXT,
    sha256 TEXT
);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_number TEXT NOT NULL REFERENCES precedents(case_number) ON DELETE CASCADE,
    kind TEXT NOT NULL,             -- "claim" or "case"
    claim_index INTEGER,            -- index into Precedent.claims for kind "claim"
    claim_type TEXT,
    text TEXT NOT NULL,
    tokens TEXT NOT NULL,           -- BM25 tokens joined by spaces
    vector BLOB NOT NULL            -- float32, L2-normalised
);
CREATE INDEX IF NOT EXISTS units_case ON units(case_number);
"""


@dataclass
class Unit:
    """One retrieval unit: a claim with its facts and reasoning, or a whole-case summary."""

    case_number: str
    kind: str
    claim_index: int | None
    claim_type: str | None
    text: str
    tokens: list[str]
    id: int | None = None


class Store:
    """The archive's SQLite database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.db:
            yield self.db

    # ------------------------------------------------------------ meta
    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta"))

    def set_meta(self, **values: object) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                [(k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)) for k, v in values.items()],
            )

    # ------------------------------------------------------------ precedents
    def put(self, precedent: Precedent, units: list[Unit], vectors: np.ndarray) -> list[int]:
        """Insert or replace a precedent and its units in one transaction; returns the new unit ids
        (the old units' ids are returned by `unit_ids` before calling this, for removal from FAISS)."""
        types = " ".join(sorted({c.type for c in precedent.claims}))
        with self.db:
            self.db.execute("DELETE FROM units WHERE case_number = ?", (precedent.case_number,))
            self.db.execute(
                "INSERT OR REPLACE INTO precedents VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    precedent.case_number,
                    precedent.model_dump_json(),
                    precedent.region,
                    precedent.award_date.isoformat() if precedent.award_date else None,
                    types,
                    precedent.source_file,
                    precedent.sha256,
                ),
            )
            ids = []
            for u, v in zip(units, vectors, strict=True):
                cur = self.db.execute(
                    "INSERT INTO units(case_number, kind, claim_index, claim_type, text, tokens, vector) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (u.case_number, u.kind, u.claim_index, u.claim_type, u.text, " ".join(u.tokens),
                     np.asarray(v, np.float32).tobytes()),
                )
                ids.append(int(cur.lastrowid))
        return ids

    def delete(self, case_number: str) -> list[int]:
        """Remove a precedent; returns its unit ids."""
        ids = self.unit_ids(case_number)
        with self.db:
            self.db.execute("DELETE FROM units WHERE case_number = ?", (case_number,))
            self.db.execute("DELETE FROM precedents WHERE case_number = ?", (case_number,))
        return ids

    def unit_ids(self, case_number: str) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM units WHERE case_number = ?", (case_number,))]

    def get(self, case_number: str) -> Precedent | None:
        row = self.db.execute("SELECT json FROM precedents WHERE case_number = ?", (case_number,)).fetchone()
        return Precedent.model_validate_json(row[0]) if row else None

    def get_many(self, case_numbers: Iterable[str]) -> dict[str, Precedent]:
        nums = list(dict.fromkeys(case_numbers))
        out: dict[str, Precedent] = {}
        for i in range(0, len(nums), 500):
            chunk = nums[i : i + 500]
            q = f"SELECT case_number, json FROM precedents WHERE case_number IN ({','.join('?' * len(chunk))})"
            for num, js in self.db.execute(q, chunk):
                out[num] = Precedent.model_validate_json(js)
        return out

    def sha256_of(self) -> dict[str, str | None]:
        return dict(self.db.execute("SELECT case_number, sha256 FROM precedents"))

    def case_numbers(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT case_number FROM precedents ORDER BY case_number")]

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM precedents").fetchone()[0])

    def unit_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM units").fetchone()[0])

    def units_of(self, ids: Iterable[int]) -> dict[int, tuple[str, str, int | None, str | None]]:
        """id → (case_number, kind, claim_index, claim_type)."""
        ids = [int(i) for i in ids]
        out = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id, case_number, kind, claim_index, claim_type FROM units WHERE id IN ({','.join('?' * len(chunk))})"
            for row in self.db.execute(q, chunk):
                out[row[0]] = row[1:]
        return out

    def all_tokens(self) -> tuple[list[int], list[list[str]]]:
        ids, docs = [], []
        for uid, toks in self.db.execute("SELECT id, tokens FROM units ORDER BY id"):
            ids.append(uid)
            docs.append(toks.split())
        return ids, docs

    def all_vectors(self, dim: int) -> tuple[np.ndarray, np.ndarray]:
        ids, vecs = [], []
        for uid, blob in self.db.execute("SELECT id, vector FROM units ORDER BY id"):
            ids.append(uid)
            vecs.append(np.frombuffer(blob, dtype=np.float32))
        if not ids:
            return np.zeros(0, np.int64), np.zeros((0, dim), np.float32)
        return np.asarray(ids, np.int64), np.vstack(vecs)

    def filtered(self, claim: str | None, region: str | None, since: str | None) -> set[str]:
        q, args = "SELECT case_number FROM precedents WHERE 1=1", []
        if claim:
            q += " AND (' ' || claim_types || ' ') LIKE ?"
            args.append(f"% {claim} %")
        if region:
            q += " AND region LIKE ?"
            args.append(f"%{region.rstrip('市')}%")
        if since:
            q += " AND award_date >= ?"
            args.append(since)
        return {r[0] for r in self.db.execute(q, args)}
