"""`arbitration serve`: the local web workspace (FastAPI + uvicorn), bound to 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import typer
from rich.console import Console

err = Console(stderr=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def warm_archive() -> None:
    """Open (and on first use build) the award archive in the background, so the first outline or similar-awards
    page does not wait for it; until it is ready the pages say so and go on without precedents."""
    from arbitration.web.stages import archive

    archive(wait=0)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认只接受本机访问）"),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="端口"),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="数据目录（默认：配置中的 data_dir）"),
    https: bool = typer.Option(False, "--https", help="在 HTTPS 反向代理之后运行：Cookie 加 Secure 标志"),
) -> None:
    """启动网页工作台（案件、要素、提纲、类案、庭审笔录、裁决书草稿）。"""
    if data_dir is not None:
        os.environ["ARBITRATION_DATA_DIR"] = str(data_dir.expanduser().resolve())
        from arbitration import config

        config.settings.cache_clear()
    import uvicorn

    from arbitration.config import settings
    from arbitration.web.app import create_app

    app = create_app(settings().data_dir, https=https)
    if app.state.store.count_admins() == 0:
        err.print("[yellow]尚无管理员账号：请先运行 [bold]arbitration admin create-admin[/bold] 创建。[/]")
    if not _is_loopback(host):
        err.print(
            f"[bold red]警告：网页工作台将监听 {host}，局域网内的其他计算机可以访问。[/]\n"
            "[red]案卷含个人信息：请只在可信网络中这样做，并在前面加 HTTPS 反向代理（使用 --https）。[/]"
        )
    err.print(f"网页工作台：http://{host}:{port}/ （数据目录 {settings().data_dir}）")
    warm_archive()
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False)


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)
