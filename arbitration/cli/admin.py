"""`arbitration admin`: create the first administrator, add users, assign cases. Passwords are typed at a prompt or
read from stdin (--password-stdin); there is no default password anywhere."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.console import Console

admin_app = typer.Typer(help="网页工作台的账号与案件分配。", no_args_is_help=True)
err = Console(stderr=True)

DataDir = typer.Option(None, "--data-dir", help="数据目录（默认：配置中的 data_dir）")
PasswordStdin = typer.Option(False, "--password-stdin", help="从标准输入读取密码（一行），不提示")


def _store(data_dir: Path | None):
    if data_dir is not None:
        os.environ["ARBITRATION_DATA_DIR"] = str(data_dir.expanduser().resolve())
        from arbitration import config

        config.settings.cache_clear()
    from arbitration.config import settings
    from arbitration.web.store import Store

    return Store(settings().data_dir / "web" / "web.sqlite3")


def _password(from_stdin: bool) -> str:
    from arbitration.web.auth import check_password_strength

    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")
    try:
        check_password_strength(password)
    except ValueError as e:
        err.print(f"[red]{e}[/]")
        raise typer.Exit(2) from e
    return password


def _add(username: str, name: str | None, role: str, data_dir: Path | None, from_stdin: bool) -> None:
    import sqlite3

    from arbitration.web.auth import hash_password
    from arbitration.web.store import ROLES

    if role not in ROLES:
        err.print(f"[red]角色必须是 {', '.join(ROLES)} 之一[/]")
        raise typer.Exit(2)
    username = username.strip()
    if not username or len(username) > 64:
        err.print("[red]用户名不能为空，且不超过 64 个字符[/]")
        raise typer.Exit(2)
    store = _store(data_dir)
    if store.user_row(username) is not None:
        err.print(f"[red]用户 {username} 已存在[/]")
        raise typer.Exit(2)
    password = _password(from_stdin)
    try:
        uid = store.add_user(username, name or username, role, hash_password(password))
    except sqlite3.IntegrityError as e:
        err.print(f"[red]无法创建用户：{e}[/]")
        raise typer.Exit(2) from e
    store.audit("admin_cli", None, f"user:{uid}", f"命令行创建用户 {username}（{ROLES[role]}）", username="cli")
    err.print(f"[green]已创建用户 {username}（{ROLES[role]}），编号 {uid}[/]")


@admin_app.command("create-admin")
def create_admin(
    username: str = typer.Option("admin", "--username", "-u", help="管理员用户名"),
    name: str | None = typer.Option(None, "--name", help="显示名称"),
    data_dir: Path | None = DataDir,
    password_stdin: bool = PasswordStdin,
) -> None:
    """创建管理员账号（首个管理员只能用此命令创建）。"""
    _add(username, name or "管理员", "admin", data_dir, password_stdin)


@admin_app.command("add-user")
def add_user(
    username: str = typer.Argument(..., help="用户名"),
    role: str = typer.Option(..., "--role", "-r", help="角色：admin、arbitrator、clerk、staff"),
    name: str | None = typer.Option(None, "--name", help="显示名称"),
    data_dir: Path | None = DataDir,
    password_stdin: bool = PasswordStdin,
) -> None:
    """添加用户（仲裁员 arbitrator、书记员 clerk、工作人员 staff、管理员 admin）。"""
    _add(username, name, role, data_dir, password_stdin)


@admin_app.command("assign")
def assign(
    case_id: int = typer.Argument(..., help="案件编号（网页中显示）"),
    username: str = typer.Argument(..., help="用户名"),
    data_dir: Path | None = DataDir,
) -> None:
    """把案件分配给用户（用户只能看到分配给自己的案件）。"""
    store = _store(data_dir)
    row = store.user_row(username)
    if row is None:
        err.print(f"[red]没有用户 {username}[/]")
        raise typer.Exit(2)
    if store.case(case_id) is None:
        err.print(f"[red]没有编号为 {case_id} 的案件[/]")
        raise typer.Exit(2)
    store.assign(case_id, row["id"])
    store.audit("edit", None, f"case:{case_id}", f"命令行分配给 {username}", username="cli")
    err.print(f"[green]案件 {case_id} 已分配给 {username}[/]")


def register(app: typer.Typer) -> None:
    app.add_typer(admin_app, name="admin")
