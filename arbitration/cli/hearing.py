"""`arbitration hearing start|devices|export|list|revise`: the live clerk in a terminal and the hearing record export."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

import typer
from rich.console import Console
from rich.live import Live
from rich.text import Text

console = Console()
hearing_app = typer.Typer(help="智能书记员：实时转写庭审发言、生成庭审笔录。", no_args_is_help=True)


def _load_case(spec: str):
    """A case JSON (Case model), a case folder (read by the extract stage), or「-」for none."""
    from arbitration.errors import ArbitrationError
    from arbitration.model import Case

    if spec == "-":
        return None
    path = Path(spec)
    if path.is_file() and path.suffix == ".json":
        try:
            return Case.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError as e:
            raise ArbitrationError(f"{path}：不是有效的案件 JSON（{e}）") from e
    if path.is_dir():
        if (path / "case.json").is_file():
            return _load_case(str(path / "case.json"))
        try:
            from arbitration.extract import extract_case
        except ImportError as e:
            raise ArbitrationError("案件抽取模块尚未安装，请提供案件 JSON 文件") from e
        case, errors = extract_case(path)
        for err in errors:
            console.print(f"[yellow]注意：[/]{err}")
        return case
    raise ArbitrationError(f"{spec}：找不到案件（应为案件 JSON 文件或案卷目录，或用「-」表示不关联案件）")


def _parse_channels(spec: str | None) -> dict[int, str] | None:
    """「0=申请人,1=被申请人」 → {0: "申请人", 1: "被申请人"}."""
    from arbitration.errors import ArbitrationError

    if not spec:
        return None
    out = {}
    for part in spec.replace("，", ",").split(","):
        ch, sep, role = part.partition("=")
        if not sep or not ch.strip().isdigit() or not role.strip():
            raise ArbitrationError(f"声道映射 {spec!r} 格式应为「0=首席仲裁员,1=申请人」")
        out[int(ch)] = role.strip()
    if sorted(out) != list(range(len(out))):  # the channels a device delivers are numbered 0, 1, 2 … in order
        raise ArbitrationError(f"声道映射 {spec!r} 的声道号应从 0 起连续编号（如「0=申请人,1=被申请人」）")
    return out


def _hearing_dir(hearing: str) -> Path:
    from arbitration.config import settings

    p = Path(hearing)
    return p if (p / "meta.json").is_file() else settings().hearings_dir / hearing


def _keys(h, stop: threading.Event) -> None:
    """The clerk types a seat number and Enter to tag who speaks now on channel 0; Enter alone accepts the newest
    speaker-change hint with its suggested seat, 「+序号」 accepts it with that seat, 「x」 dismisses it."""
    while not stop.is_set():
        line = sys.stdin.readline()
        if not line:
            return
        _key(h, line.strip())


def _key(h, key: str) -> str | None:
    """One line the clerk typed; returns what it did (shown on the next refresh)."""
    from arbitration.hearing import SEATS

    def seat(k: str) -> str | None:
        return SEATS[int(k) - 1] if k.isdigit() and 1 <= int(k) <= len(SEATS) else None

    if seat(key):
        h.set_role(seat(key), channel=0)
        return f"发言人：{seat(key)}"
    pending = h.pending_hints(0)
    if not pending:
        return None
    if key == "" or (key.startswith("+") and seat(key[1:])):
        role = h.accept_hint(pending[-1]["at"], seat(key[1:]) if key else None)
        return f"已接受换人提示：{role}"
    if key.lower() == "x":
        h.dismiss_hint(pending[-1]["at"])
        return "已忽略换人提示"
    return None


def _on_stop_signal(stop: threading.Event):
    """Ctrl-C (or SIGTERM) asks for a clean stop between two chunks, never inside the engine or a journal
    write; a second Ctrl-C stops at once."""

    def handler(signum, frame):
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()

    return handler


@hearing_app.command("start")
def start(
    case: str = typer.Argument(..., help="案件 JSON 文件或案卷目录；「-」表示不关联案件"),
    source: str = typer.Option("mic", "--source", "-s", help="mic（麦克风）或音频文件路径"),
    device: str = typer.Option(None, "--device", "-d", help="录音设备的序号或名称（名称的一部分即可；见 arbitration hearing devices），默认用系统默认设备"),
    realtime: bool = typer.Option(False, "--realtime", help="按实际时长回放音频文件（演练、测延迟）"),
    channels: str = typer.Option(None, "--channels", help="声道与席位，如「0=首席仲裁员,1=申请人,2=被申请人」"),
    model: str = typer.Option(None, "--model", help="本地 CTranslate2 模型目录或 openai-whisper 的 .pt 文件"),
    hearing_id: str = typer.Option(None, "--id", help="庭审编号；与已有编号相同则续记"),
    place: str = typer.Option("", "--place", help="开庭地点"),
    clerk: str = typer.Option("", "--clerk", help="记录人"),
    tribunal: str = typer.Option("", "--tribunal", help="仲裁庭组成，如「首席仲裁员王某，仲裁员李某、赵某」"),
    hotword_prompt: bool = typer.Option(True, "--hotword-prompt/--no-hotword-prompt", help="是否把案件人名、术语作为提示词交给识别模型（识别后的纠错总是进行）"),
    speaker_hints: bool = typer.Option(True, "--speaker-hints/--no-speaker-hints", help="单声道时提示可能的换人处（回车接受，书记员确认后才记为发言人）"),
) -> None:
    """开始（或续记）一次庭审：已确认的文字正常显示，尚未确认的尾部以灰色显示；按 Ctrl-C 结束（已录下的声音会识别完再退出）。"""
    from arbitration.hearing import SEATS, Hearing
    from arbitration.hearing.audio import (
        MicCapture,
        file_frames,
        find_input_device,
        read_audio,
    )
    from arbitration.hearing.export import clock

    chan_map = _parse_channels(channels)
    n_ch = max(1, len(chan_map or {}))
    if source == "mic":
        # say now, before a hearing is opened, when the microphone extra is missing or the device is wrong
        find_input_device(device, n_ch)
    elif device is not None:
        console.print("[yellow]注意：[/]--device 只用于麦克风录音，回放音频文件时忽略")
    info = {k: v for k, v in (("place", place), ("clerk", clerk), ("tribunal", tribunal)) if v}
    from arbitration.outline.words import outline_words

    the_case = _load_case(case)
    h = Hearing.start(the_case, hearing_id, channels=chan_map, model=model, info=info,
                      hotword_prompt=hotword_prompt, outline_words=outline_words(the_case),
                      speaker_hints=speaker_hints)
    console.print(f"庭审编号：[bold]{h.id}[/]  记录文件：{h.journal_path}")
    if h.segments:
        console.print(f"续记：已有 {len(h.segments)} 段，时间轴从 {h.offset:.1f} 秒继续")
    capture = None
    stop = threading.Event()
    old_handlers = {}
    if threading.current_thread() is threading.main_thread():  # signal handlers live in the main thread only
        old_handlers = {sig: signal.signal(sig, _on_stop_signal(stop)) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if source == "mic":
            _ = h.asr  # load the speech model before the microphone opens: no backlog of audio while it loads
            capture = MicCapture(channels=n_ch, device=device)
            frames = capture.frames()
            console.print(f"开始录音：{capture.device['name']}（{n_ch} 声道，{capture.rate} Hz）；按 Ctrl-C 结束")
        else:
            notes: list[str] = []
            audio = read_audio(source, notes)
            for n in notes:
                console.print(f"[yellow]注意：[/]{n}")
            if audio.shape[1] > 1 and not chan_map:
                console.print(f"[yellow]注意：[/]{source} 有 {audio.shape[1]} 个声道，未配置 --channels，已混为单声道")
                audio = audio.mean(axis=1, keepdims=True)
            elif chan_map and audio.shape[1] < n_ch:
                from arbitration.errors import AudioError

                raise AudioError(f"{source} 只有 {audio.shape[1]} 个声道，--channels 配置了 {n_ch} 个")
            frames = file_frames(audio, realtime=realtime)
        if n_ch == 1:
            console.print("切换发言人：输入序号后回车 " + "  ".join(f"{i}={s}" for i, s in enumerate(SEATS, 1)))
        keys_stop = threading.Event()
        if n_ch == 1 and sys.stdin.isatty():
            threading.Thread(target=_keys, args=(h, keys_stop), daemon=True).start()

        def view() -> Text:
            t = Text()
            for s in h.segments[-12:]:
                t.append(f"{s.role}：", style="bold")
                t.append(s.text + "\n")
            for ch, tail in h.tentative().items():
                if tail:
                    t.append(f"（{h._role(ch, h.now)}）{tail}\n", style="dim")
            hint = h.pending_hints(0)[-1:] if n_ch == 1 else []
            for x in hint:  # a suggestion only: the record changes when the clerk accepts it
                t.append(f"〔提示：{clock(x['at'])} 处可能换人，回车接受为「{x['suggest']}」，+序号 选其他席位，x 忽略〕\n",
                         style="yellow")
            return t

        try:
            with Live(view(), console=console, refresh_per_second=4, transient=False) as live:
                for chunk in frames:
                    h.feed(chunk)
                    live.update(view())
                    if stop.is_set():
                        break
                if stop.is_set():
                    console.print("已停止录音，正在识别最后的内容……")
                if capture is not None:
                    capture.stop()
                    for chunk in capture.drain():  # captured before the stop, not yet fed: nothing is dropped
                        h.feed(chunk)
                h.finish()
                live.update(view())
        finally:
            keys_stop.set()
    finally:
        if capture is not None:
            capture.stop()
            h.notes.extend(capture.summary())
        for sig, old in old_handlers.items():
            signal.signal(sig, old)
        h.close()
    for n in h.notes:
        console.print(f"[yellow]注意：[/]{n}")
    console.print(f"共 {len(h.segments)} 段；导出笔录：arbitration hearing export {h.id} --format docx")
    if capture is not None and capture.interrupted:
        console.print(f"[red]错误：[/]录音中断；续记：arbitration hearing start {case} --source mic --id {h.id}")
        raise typer.Exit(1)


@hearing_app.command("devices")
def devices_cmd() -> None:
    """列出本机的录音设备（序号、名称、声道数、默认采样率；* 为系统默认），供 start --device 选用。"""
    from arbitration.hearing.audio import describe_devices, input_devices

    console.print("序号  名称（接口，声道数，默认采样率；* 为默认设备）")
    console.print(describe_devices(input_devices()), markup=False, highlight=False)


@hearing_app.command("export")
def export_cmd(
    hearing: str = typer.Argument(..., help="庭审编号或庭审目录"),
    fmt: str = typer.Option("docx", "--format", "-f", help="docx | txt | srt | json"),
    out: Path = typer.Option(None, "--out", "-o", help="输出文件（默认写在庭审目录内）"),  # noqa: B008
) -> None:
    """导出庭审笔录（DOCX 笔录、纯文本、SRT 字幕或 JSON）。"""
    from arbitration.hearing import export

    console.print(f"已导出：{export(_hearing_dir(hearing), fmt, out)}")


@hearing_app.command("list")
def list_cmd() -> None:
    """列出本机的庭审记录。"""
    from arbitration.config import settings
    from arbitration.hearing import load_meta, load_record

    root = settings().hearings_dir
    for d in sorted(root.glob("*/meta.json")) if root.is_dir() else []:
        meta = load_meta(d.parent)
        console.print(f"{meta['id']}\t{meta.get('case_number', '')}\t{len(load_record(d.parent))} 段\t{d.parent}")


@hearing_app.command("revise")
def revise_cmd(
    hearing: str = typer.Argument(..., help="庭审编号或庭审目录"),
    segment: str = typer.Argument(..., help="记录段编号（见 export --format json）"),
    text: str = typer.Option(None, "--text", help="改正后的文字"),
    role: str = typer.Option(None, "--role", help="改正后的发言人"),
) -> None:
    """书记员修改一段记录（原识别文字保留在日志中）。"""
    from arbitration.hearing import Hearing, load_meta

    d = _hearing_dir(hearing)
    h = Hearing(d, load_meta(d))
    try:
        seg = h.revise(segment, text=text, role=role)
    finally:
        h.close()
    console.print(f"已修改 {seg.id}：{seg.role}：{seg.text}")


def register(app: typer.Typer) -> None:
    app.add_typer(hearing_app, name="hearing")
