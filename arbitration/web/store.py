"""The web workspace's SQLite store (stdlib sqlite3, WAL): users, sessions, cases, files, assignments, hearings,
jobs and the append-only audit log. One file under Settings.data_dir/web/; one process serves a small office."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROLES: dict[str, str] = {"admin": "管理员", "arbitrator": "仲裁员", "clerk": "书记员", "staff": "工作人员"}

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'arbitrator', 'clerk', 'staff')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,          -- sha256 of the cookie value; the cookie itself is never stored
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf TEXT NOT NULL,                   -- synchroniser token for forms and the JSON API
    created TEXT NOT NULL,
    expires TEXT NOT NULL,
    ip TEXT
);
CREATE TABLE IF NOT EXISTS cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    case_json TEXT,                       -- path of case.json once extracted
    owner_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL DEFAULT 'new',   -- new | processing | ready | failed
    message TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    progress_done INTEGER NOT NULL DEFAULT 0,  -- files read so far while processing
    progress_total INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    stored_name TEXT NOT NULL,            -- generated name under the case's files/ folder
    original_name TEXT NOT NULL,          -- sanitised, metadata only
    kind TEXT NOT NULL,                   -- sniffed type: pdf | docx | doc | txt | png | jpeg | tiff | bmp | webp
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES users(id),
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assignments (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (case_id, user_id)
);
CREATE TABLE IF NOT EXISTS hearings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    hearing_key TEXT NOT NULL,            -- the hearing library's id (folder under Settings.hearings_dir)
    created_by INTEGER NOT NULL REFERENCES users(id),
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,                   -- extract | draft_batch
    user_id INTEGER NOT NULL REFERENCES users(id),
    case_ids TEXT NOT NULL,               -- JSON list
    status TEXT NOT NULL DEFAULT 'queued',-- queued | running | done | failed
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    results TEXT NOT NULL DEFAULT '{}',   -- JSON: case id -> outcome
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    user_id INTEGER,
    username TEXT,
    ip TEXT,
    action TEXT NOT NULL,                 -- login_ok | login_failed | view | edit | export | delete | upload ...
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_login ON audit(action, ip, username, ts);
CREATE INDEX IF NOT EXISTS audit_account ON audit(action, username, ts);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
"""


def now() -> datetime:
    return datetime.now(UTC)


def iso(t: datetime | None = None) -> str:
    return (t or now()).isoformat(timespec="seconds")


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)


class Store:
    """Thread-safe access to the web database; each call opens a short transaction on a shared connection."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Columns added after the first release, added in place to an older database."""
        with self._lock:
            have = {r["name"] for r in self._db.execute("PRAGMA table_info(cases)")}
            for col in ("progress_done", "progress_total"):
                if col not in have:
                    self._db.execute(f"ALTER TABLE cases ADD COLUMN {col} INTEGER NOT NULL DEFAULT 0")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def one(self, sql: str, args: tuple[Any, ...] = ()) -> sqlite3.Row | None:
        rows = self.query(sql, args)
        return rows[0] if rows else None

    # ------------------------------------------------------------ users

    def add_user(self, username: str, display_name: str, role: str, password_hash: str) -> int:
        if role not in ROLES:
            raise ValueError(f"角色必须是 {', '.join(ROLES)} 之一，而不是 {role!r}")
        with self.tx() as db:
            cur = db.execute(
                "INSERT INTO users (username, display_name, role, password_hash, created) VALUES (?,?,?,?,?)",
                (username, display_name, role, password_hash, iso()),
            )
            return int(cur.lastrowid)

    def user_row(self, username: str) -> sqlite3.Row | None:
        return self.one("SELECT * FROM users WHERE username = ? AND active = 1", (username,))

    def user(self, user_id: int) -> User | None:
        r = self.one("SELECT id, username, display_name, role FROM users WHERE id = ? AND active = 1", (user_id,))
        return User(r["id"], r["username"], r["display_name"], r["role"]) if r else None

    def users(self) -> list[User]:
        rows = self.query("SELECT id, username, display_name, role FROM users WHERE active = 1 ORDER BY id")
        return [User(r["id"], r["username"], r["display_name"], r["role"]) for r in rows]

    def set_password(self, user_id: int, password_hash: str) -> None:
        with self.tx() as db:
            db.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))

    def count_admins(self) -> int:
        return int(self.one("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1")["n"])

    # ------------------------------------------------------------ cases and assignment

    def add_case(self, title: str, owner_id: int) -> int:
        with self.tx() as db:
            return self._insert_case(db, title, owner_id)

    @staticmethod
    def _insert_case(db: sqlite3.Connection, title: str, owner_id: int, status: str = "new", message: str = "") -> int:
        cur = db.execute("INSERT INTO cases (title, owner_id, status, message, created) VALUES (?,?,?,?,?)",
                         (title, owner_id, status, message, iso()))
        case_id = int(cur.lastrowid)
        db.execute("INSERT OR IGNORE INTO assignments (case_id, user_id) VALUES (?, ?)", (case_id, owner_id))
        return case_id

    def create_case(self, title: str, owner: User, files: list[dict[str, Any]], move_in: Callable[[int], None],
                    ip: str | None = None, message: str = "") -> int:
        """A whole new case in one transaction: its row (status processing), assignment, file rows, the upload's
        audit entry, and `move_in(case_id)` (the staged files renamed into place) before the commit. A failure or a
        crash at any point leaves none of it in the database."""
        with self.tx() as db:
            case_id = self._insert_case(db, title, owner.id, "processing", message)
            for f in files:
                self._insert_file(db, case_id, f["stored"], f["name"], f["kind"], f["size"], f["sha256"], owner.id)
            detail = json.dumps([f["name"] for f in files], ensure_ascii=False)
            self._insert_audit(db, "upload", owner, f"case:{case_id}", detail, ip)
            move_in(case_id)
            return case_id

    def case(self, case_id: int) -> sqlite3.Row | None:
        return self.one("SELECT * FROM cases WHERE id = ? AND deleted = 0", (case_id,))

    def cases_for(self, user: User) -> list[sqlite3.Row]:
        if user.is_admin:
            return self.query("SELECT * FROM cases WHERE deleted = 0 ORDER BY id DESC")
        return self.query(
            "SELECT c.* FROM cases c JOIN assignments a ON a.case_id = c.id WHERE a.user_id = ? AND c.deleted = 0 "
            "ORDER BY c.id DESC",
            (user.id,),
        )

    def can_access(self, user: User, case_id: int) -> bool:
        if self.case(case_id) is None:
            return False
        if user.is_admin:
            return True
        return self.one("SELECT 1 FROM assignments WHERE case_id = ? AND user_id = ?", (case_id, user.id)) is not None

    def assign(self, case_id: int, user_id: int) -> None:
        with self.tx() as db:
            db.execute("INSERT OR IGNORE INTO assignments (case_id, user_id) VALUES (?, ?)", (case_id, user_id))

    def assignees(self, case_id: int) -> list[User]:
        rows = self.query(
            "SELECT u.id, u.username, u.display_name, u.role FROM users u JOIN assignments a ON a.user_id = u.id "
            "WHERE a.case_id = ? ORDER BY u.id",
            (case_id,),
        )
        return [User(r["id"], r["username"], r["display_name"], r["role"]) for r in rows]

    def set_case_status(self, case_id: int, status: str, message: str = "", case_json: str | None = None) -> None:
        with self.tx() as db:
            if case_json is None:
                db.execute("UPDATE cases SET status = ?, message = ? WHERE id = ?", (status, message, case_id))
            else:
                db.execute(
                    "UPDATE cases SET status = ?, message = ?, case_json = ? WHERE id = ?",
                    (status, message, case_json, case_id),
                )

    def set_case_progress(self, case_id: int, done: int, total: int, message: str) -> None:
        with self.tx() as db:
            db.execute("UPDATE cases SET progress_done = ?, progress_total = ?, message = ? WHERE id = ?",
                       (done, total, message, case_id))

    def set_case_title(self, case_id: int, title: str) -> None:
        with self.tx() as db:
            db.execute("UPDATE cases SET title = ? WHERE id = ?", (title, case_id))

    def delete_case(self, case_id: int) -> None:
        """Soft delete: the row stays (the audit log refers to it), the case disappears from every list."""
        with self.tx() as db:
            db.execute("UPDATE cases SET deleted = 1 WHERE id = ?", (case_id,))

    def add_file(self, case_id: int, stored: str, original: str, kind: str, size: int, sha: str, user_id: int) -> int:
        with self.tx() as db:
            return self._insert_file(db, case_id, stored, original, kind, size, sha, user_id)

    @staticmethod
    def _insert_file(db: sqlite3.Connection, case_id: int, stored: str, original: str, kind: str, size: int,
                     sha: str, user_id: int) -> int:
        cur = db.execute(
            "INSERT INTO files (case_id, stored_name, original_name, kind, size, sha256, uploaded_by, created) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (case_id, stored, original, kind, size, sha, user_id, iso()),
        )
        return int(cur.lastrowid)

    def files(self, case_id: int) -> list[sqlite3.Row]:
        return self.query("SELECT * FROM files WHERE case_id = ? ORDER BY id", (case_id,))

    def case_ids(self) -> set[int]:
        """Every case id ever committed, deleted ones included (their folders stay)."""
        return {int(r["id"]) for r in self.query("SELECT id FROM cases")}

    def fail_interrupted(self, case_message: str, job_message: str) -> list[int]:
        """Start-up: cases still `new`/`processing` and jobs still queued/running were cut off by a stop of the
        server; mark them failed with the message (one audit entry per case). Returns the case ids."""
        with self.tx() as db:
            ids = [int(r["id"]) for r in db.execute(
                "SELECT id FROM cases WHERE status IN ('new', 'processing') AND deleted = 0")]
            for case_id in ids:
                db.execute("UPDATE cases SET status = 'failed', message = ? WHERE id = ?", (case_message, case_id))
                self._insert_audit(db, "recover", None, f"case:{case_id}", case_message, None)
            db.execute("UPDATE jobs SET status = 'failed', message = ? WHERE status IN ('queued', 'running')",
                       (job_message,))
        return ids

    # ------------------------------------------------------------ hearings

    def add_hearing(self, case_id: int, key: str, user_id: int) -> int:
        with self.tx() as db:
            cur = db.execute(
                "INSERT INTO hearings (case_id, hearing_key, created_by, created) VALUES (?,?,?,?)",
                (case_id, key, user_id, iso()),
            )
            return int(cur.lastrowid)

    def hearing(self, hearing_id: int) -> sqlite3.Row | None:
        return self.one("SELECT * FROM hearings WHERE id = ?", (hearing_id,))

    def hearings(self, case_id: int) -> list[sqlite3.Row]:
        return self.query("SELECT * FROM hearings WHERE case_id = ? ORDER BY id", (case_id,))

    # ------------------------------------------------------------ jobs

    def add_job(self, kind: str, user_id: int, case_ids: list[int]) -> int:
        with self.tx() as db:
            cur = db.execute(
                "INSERT INTO jobs (kind, user_id, case_ids, total, created) VALUES (?,?,?,?,?)",
                (kind, user_id, json.dumps(case_ids), len(case_ids), iso()),
            )
            return int(cur.lastrowid)

    def update_job(self, job_id: int, **fields: Any) -> None:
        allowed = {"status", "done", "total", "message", "results"}
        if not fields or set(fields) - allowed:
            raise ValueError(f"unknown job fields {sorted(set(fields) - allowed)}")
        cols = ", ".join(f"{k} = ?" for k in fields)
        values = [json.dumps(v, ensure_ascii=False) if k == "results" else v for k, v in fields.items()]
        with self.tx() as db:
            db.execute(f"UPDATE jobs SET {cols} WHERE id = ?", (*values, job_id))  # noqa: S608 - fixed column names

    def job(self, job_id: int) -> sqlite3.Row | None:
        return self.one("SELECT * FROM jobs WHERE id = ?", (job_id,))

    # ------------------------------------------------------------ audit

    def audit(self, action: str, user: User | None = None, target: str = "", detail: str = "",
              ip: str | None = None, username: str | None = None) -> None:
        """Append one audit record (who, when, what). The table's triggers refuse UPDATE and DELETE."""
        with self.tx() as db:
            self._insert_audit(db, action, user, target, detail, ip, username)

    @staticmethod
    def _insert_audit(db: sqlite3.Connection, action: str, user: User | None, target: str, detail: str,
                      ip: str | None, username: str | None = None) -> None:
        db.execute(
            "INSERT INTO audit (ts, user_id, username, ip, action, target, detail) VALUES (?,?,?,?,?,?,?)",
            (iso(), user.id if user else None, user.username if user else username, ip, action, target, detail),
        )

    def audit_rows(self, limit: int = 500, action: str | None = None) -> list[sqlite3.Row]:
        if action:
            return self.query("SELECT * FROM audit WHERE action = ? ORDER BY id DESC LIMIT ?", (action, limit))
        return self.query("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))

    def failed_logins(self, since: datetime, ip: str | None = None, username: str | None = None) -> int:
        return self.login_events("login_failed", since, ip=ip, username=username)[0]

    def login_events(self, action: str, since: datetime, ip: str | None = None,
                     username: str | None = None) -> tuple[int, datetime | None]:
        """How many audit rows of this login action since `since` (for this address and/or username), and when
        the latest was written."""
        sql, args = "SELECT COUNT(*) AS n, MAX(ts) AS last FROM audit WHERE action = ? AND ts >= ?", [action, iso(since)]
        if ip is not None:
            sql += " AND ip = ?"
            args.append(ip)
        if username is not None:
            sql += " AND username = ?"
            args.append(username)
        row = self.one(sql, tuple(args))
        return int(row["n"]), datetime.fromisoformat(row["last"]) if row["last"] else None
