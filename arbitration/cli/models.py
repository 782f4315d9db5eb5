"""`arbitration models prepare|list|export-pt`: assemble the bundled speech model into the cache, say where it is,
and export it for the openai-whisper (torch) engine."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

console = Console()
models_app = typer.Typer(help="本地模型：准备与查看（不联网）。", no_args_is_help=True)


@models_app.command("prepare")
def prepare() -> None:
    """拼接内置 Whisper base 语音模型到缓存目录（只需一次，校验 sha256）。"""
    from arbitration.hearing.models import prepare_whisper_base

    console.print(f"语音模型已就绪：{prepare_whisper_base()}")


@models_app.command("list")
def list_cmd() -> None:
    """列出可用的语音模型及其位置。"""
    from arbitration.hearing.models import list_models

    for row in list_models():
        console.print(f"{row['name']}\t{row['source']}\t{row['path']}")


@models_app.command("export-pt")
def export_pt_cmd(
    out: Path = typer.Option(None, "--out", help="输出 .pt 文件路径（默认：缓存目录下 whisper-base.pt）"),
    source: Path = typer.Option(
        None, "--from", help="CTranslate2 格式的 Whisper 模型目录（默认：内置 Whisper base）"
    ),
) -> None:
    """把 CTranslate2 格式的 Whisper 模型导出为 openai-whisper 的 .pt 文件（需先安装 torch 扩展）。

    导出后可用 asr=openai-whisper、asr_model=<该 .pt> 在 torch 引擎上（例如 GPU）使用同一套权重。
    """
    from arbitration.hearing.ct2_convert import export_pt
    from arbitration.hearing.models import default_pt_path, prepare_whisper_base

    source = source or prepare_whisper_base()
    out = out or default_pt_path()
    report = export_pt(source, out)
    size = report.out.stat().st_size / 1e6
    console.print(f"已导出 openai-whisper 模型：{report.out}（{size:.0f} MB，用时 {report.seconds:.1f} 秒）")
    dims = report.dims
    console.print(
        f"结构：编码器 {dims['n_audio_layer']} 层、解码器 {dims['n_text_layer']} 层、宽度 {dims['n_audio_state']}、"
        f"梅尔通道 {dims['n_mels']}、词表 {dims['n_vocab']}；权重以 float16 保存"
    )
    if report.dequantized:
        console.print(f"注意：原模型有 {len(report.dequantized)} 个 int8/int16 量化权重，已反量化（精度与原模型相同，不会更高）")
    console.print(f"使用：arbitration hearing start ... --model {report.out}，或在配置中设 asr_model={report.out}")


def register(app: typer.Typer) -> None:
    app.add_typer(models_app, name="models")
