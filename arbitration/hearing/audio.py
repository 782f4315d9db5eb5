"""Audio in: WAV/FLAC files (checked for truncation, resampled to 16 kHz with a note), raw PCM frames from the web
page, and the microphone (MicCapture: sounddevice/PortAudio, optional extra `mic`; device by index or name, native
rate resampled, overflows counted, stop loses nothing). Everything leaves here as float32 (samples, channels)."""

from __future__ import annotations

import os
import queue
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from arbitration.errors import AudioError
from arbitration.hearing.asr import SAMPLE_RATE


def _check_wav_complete(path: Path) -> None:
    """A WAV whose data chunk claims more bytes than the file holds was cut off (a crashed recorder, a copy)."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return  # not a RIFF WAV: let soundfile judge it
        pos = 12
        while True:
            f.seek(pos)
            chunk = f.read(8)
            if len(chunk) < 8:
                raise AudioError(f"{path}：WAV 文件不完整（缺少 data 段），可能在录制或复制时被截断")
            cid, clen = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            if cid == b"data":
                if clen != 0xFFFFFFFF and pos + 8 + clen > size:
                    have = size - pos - 8
                    raise AudioError(
                        f"{path}：WAV 文件被截断（文件头声明 {clen} 字节音频，实际只有 {max(have, 0)} 字节）"
                    )
                return
            pos += 8 + clen + (clen & 1)


def resample(audio: np.ndarray, sr: int, target: int = SAMPLE_RATE) -> np.ndarray:
    """Band-limited resampling of (samples, channels) float32 with libswresample (PyAV, a faster-whisper dependency)."""
    if sr == target:
        return audio
    import av

    out = []
    for ch in range(audio.shape[1]):
        resampler = av.AudioResampler(format="flt", layout="mono", rate=target)
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(audio[:, ch][None, :], dtype=np.float32), format="flt", layout="mono")
        frame.sample_rate = sr
        pieces = [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
        pieces += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
        out.append(np.concatenate(pieces) if pieces else np.zeros(0, np.float32))
    n = min(len(o) for o in out)
    return np.stack([o[:n] for o in out], axis=1).astype(np.float32)


def read_audio(path: str | os.PathLike[str], notes: list[str] | None = None) -> np.ndarray:
    """The file as float32 (samples, channels) at 16 kHz; other rates are resampled with a note; AudioError when
    the file is missing, truncated, unreadable or empty."""
    import soundfile as sf

    path = Path(path)
    if not path.is_file():
        raise AudioError(f"{path}：音频文件不存在")
    if path.suffix.lower() == ".wav":
        _check_wav_complete(path)
    try:
        audio, sr = sf.read(str(path), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, ValueError) as e:
        raise AudioError(f"{path}：无法读取音频（{e}）") from e
    if len(audio) == 0:
        raise AudioError(f"{path}：音频为空（0 个采样）")
    if sr != SAMPLE_RATE:
        if notes is not None:
            notes.append(f"{path.name}：采样率 {sr} Hz，已重采样为 {SAMPLE_RATE} Hz")
        audio = resample(audio, sr)
    return audio


def pcm16_to_float(data: bytes, channels: int = 1) -> np.ndarray:
    """Little-endian 16-bit PCM bytes (what the web page sends) → float32 (samples, channels)."""
    if len(data) % (2 * channels):
        raise AudioError(f"PCM 数据长度 {len(data)} 字节不是 {2 * channels} 的整数倍（16 位、{channels} 声道）")
    x = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    return x.reshape(-1, channels)


def file_frames(audio: np.ndarray, chunk_s: float = 0.5, realtime: bool = False,
                speed: float = 1.0) -> Iterator[np.ndarray]:
    """Replay audio as a stream of chunks, paced to the clock when `realtime` (rehearsals, latency runs);
    `speed` > 1 plays that many times faster than real time (tests replay a hearing quickly but still paced)."""
    if speed <= 0:
        raise ValueError(f"speed must be positive, got {speed}")
    step = int(chunk_s * SAMPLE_RATE)
    t0 = time.monotonic()
    for i in range(0, len(audio), step):
        if realtime:
            due = t0 + (i + step) / SAMPLE_RATE / speed
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        yield audio[i : i + step]


def sounddevice():
    """The sounddevice module, or AudioError saying how to install it (the `mic` extra is optional)."""
    try:
        import sounddevice as sd
    except (ImportError, OSError) as e:
        raise AudioError(
            "无法使用麦克风：未安装 sounddevice 或系统缺少 PortAudio（pip install 'arbitration[mic]'，"
            "apt-get install libportaudio2）"
        ) from e
    return sd


def rescan_devices() -> None:
    """Ask PortAudio for the device list again (a USB microphone plugged in after start); never while a stream
    is open, as PortAudio forgets its streams on re-initialisation."""
    sd = sounddevice()
    sd._terminate()  # the documented way to refresh the list (sounddevice FAQ); public API has none
    sd._initialize()


def input_devices() -> list[dict]:
    """The capture devices PortAudio sees: index, name, host API, input channels, default rate, is_default."""
    sd = sounddevice()
    try:
        devices = sd.query_devices()
        apis = sd.query_hostapis()
    except sd.PortAudioError as e:
        raise AudioError(f"无法读取声卡列表：{e}") from e
    try:
        default_in = sd.query_devices(kind="input")["index"]
    except (sd.PortAudioError, ValueError):  # no default input device
        default_in = -1
    return [
        {"index": d["index"], "name": d["name"], "hostapi": apis[d["hostapi"]]["name"],
         "channels": d["max_input_channels"], "rate": int(d["default_samplerate"]),
         "is_default": d["index"] == default_in}
        for d in devices if d["max_input_channels"] > 0
    ]


def describe_devices(devices: list[dict]) -> str:
    """The input devices as lines a clerk can read (what `arbitration hearing devices` prints)."""
    if not devices:
        return "（本机没有可用的录音设备：请检查麦克风是否插好、声卡驱动或 PulseAudio 是否在运行）"
    return "\n".join(
        f"{'*' if d['is_default'] else ' '} {d['index']:>3}  {d['name']}（{d['hostapi']}，最多 {d['channels']} 声道，"
        f"默认 {d['rate']} Hz）" for d in devices)


def find_input_device(device: int | str | None, channels: int = 1) -> dict:
    """The input device chosen by index, by (a case-insensitive part of) its name, or the system default;
    AudioError listing the input devices when it is absent, ambiguous or has fewer channels than asked."""
    if channels < 1:
        raise AudioError(f"声道数应至少为 1，收到 {channels}")
    devices = input_devices()
    if device is not None and not _match(devices, device):
        rescan_devices()  # plugged in after the program started?
        devices = input_devices()
    listing = "本机的录音设备（* 为默认）：\n" + describe_devices(devices)
    if device is None:
        found = [d for d in devices if d["is_default"]]
        if not found:
            raise AudioError("没有默认的录音设备，请用 --device 指定序号或名称。\n" + listing)
    else:
        found = _match(devices, device)
        if not found:
            raise AudioError(f"找不到录音设备「{device}」。\n" + listing)
        if len(found) > 1:
            names = "、".join(f"{d['index']} {d['name']}" for d in found)
            raise AudioError(f"「{device}」同时匹配多个录音设备（{names}），请用序号或更完整的名称。\n" + listing)
    dev = found[0]
    if dev["channels"] < channels:
        raise AudioError(f"录音设备「{dev['name']}」只有 {dev['channels']} 个输入声道，"
                         f"声道席位配置了 {channels} 个。\n" + listing)
    return dev


def _match(devices: list[dict], device: int | str) -> list[dict]:
    if isinstance(device, int) or (isinstance(device, str) and device.strip().isdigit()):
        return [d for d in devices if d["index"] == int(device)]
    key = device.strip().lower()
    exact = [d for d in devices if d["name"].lower() == key]
    return exact or [d for d in devices if key in d["name"].lower()]


class StreamResampler:
    """Resamples a stream chunk by chunk with one libswresample state per channel, so chunk edges leave no
    clicks or gaps (audio.resample is for whole files); output lags the input by the filter delay."""

    def __init__(self, rate: int, channels: int, target: int = SAMPLE_RATE) -> None:
        import av

        self.rate, self.target = rate, target
        self._av = av
        self._rs = [av.AudioResampler(format="flt", layout="mono", rate=target) for _ in range(channels)]

    def __call__(self, chunk: np.ndarray | None) -> np.ndarray:
        """float32 (samples, channels) at `rate` → at `target`; None flushes what the filters still hold."""
        out = []
        for ch, rs in enumerate(self._rs):
            if chunk is None:
                frames = rs.resample(None)
            else:
                frame = self._av.AudioFrame.from_ndarray(
                    np.ascontiguousarray(chunk[:, ch][None, :], dtype=np.float32), format="flt", layout="mono")
                frame.sample_rate = self.rate
                frames = rs.resample(frame)
            out.append(np.concatenate([f.to_ndarray().reshape(-1) for f in frames]) if frames
                       else np.zeros(0, np.float32))
        n = min(len(o) for o in out)
        return np.stack([o[:n] for o in out], axis=1).astype(np.float32)


class MicCapture:
    """A sound card read by PortAudio (sounddevice) into 16 kHz float32 chunks (samples, channels).

    Opens the device at 16 kHz, or at its own rate when it refuses 16 kHz and resamples; counts the overflows
    PortAudio reports (audio the machine dropped) instead of hiding them; `stop()` closes the device and
    `drain()` then returns everything captured but not yet read, so stopping loses nothing."""

    def __init__(self, channels: int = 1, device: int | str | None = None, chunk_s: float = 0.5,
                 rate: int | None = None) -> None:
        self.sd = sd = sounddevice()
        self.device = find_input_device(device, channels)
        self.channels = channels
        self.notes: list[str] = []
        self.overflows = 0  # callbacks that reported input overflow (samples lost before they reached us)
        self.captured = 0  # samples captured at the device rate
        self.started_at: float | None = None  # wall time (epoch s) of the first captured sample
        self.max_backlog_s = 0.0  # most audio waiting in the queue at once: how far recognition fell behind
        self._chunk_s = chunk_s
        self.interrupted = False  # the device went away while recording (unplugged, sound server stopped)
        self._stopping = False
        self.rate = rate or self._pick_rate()
        self._q: queue.Queue[np.ndarray] = queue.Queue()
        self._resample = StreamResampler(self.rate, channels) if self.rate != SAMPLE_RATE else None
        self._flushed = False
        try:
            self.stream = sd.InputStream(samplerate=self.rate, channels=channels, dtype="float32",
                                         device=self.device["index"], blocksize=int(chunk_s * self.rate),
                                         callback=self._callback)
        except (sd.PortAudioError, ValueError) as e:
            raise AudioError(f"无法打开录音设备「{self.device['name']}」（{channels} 声道，{self.rate} Hz）：{e}") from e
        try:
            self.stream.start()
        except sd.PortAudioError as e:
            self.stream.close()
            raise AudioError(f"无法打开录音设备「{self.device['name']}」（{channels} 声道，{self.rate} Hz）：{e}") from e

    def _pick_rate(self) -> int:
        try:
            self.sd.check_input_settings(device=self.device["index"], channels=self.channels,
                                         samplerate=SAMPLE_RATE, dtype="float32")
            return SAMPLE_RATE
        except self.sd.PortAudioError:
            native = self.device["rate"]
            self.notes.append(f"录音设备「{self.device['name']}」不支持 {SAMPLE_RATE} Hz，"
                              f"以 {native} Hz 录音并重采样为 {SAMPLE_RATE} Hz")
            return native

    def _callback(self, indata, frames, time_info, status) -> None:  # runs in PortAudio's thread
        if self.started_at is None:
            self.started_at = time.time() - frames / self.rate
        if status.input_overflow:
            self.overflows += 1
        self.captured += frames
        self._q.put(indata.copy())

    @property
    def active(self) -> bool:
        return bool(self.stream.active)

    def _out(self, block: np.ndarray) -> np.ndarray:
        return self._resample(block) if self._resample else block

    def frames(self, timeout_s: float = 5.0) -> Iterator[np.ndarray]:
        """Chunks until stop() or until the device goes away (then `interrupted`); AudioError when an open
        device sends nothing for `timeout_s` (stalled, taken by another program)."""
        waited = 0.0
        while self.stream.active or not self._q.empty():
            try:
                block = self._q.get(timeout=0.25)
            except queue.Empty:
                waited += 0.25
                if waited >= timeout_s and self.stream.active:
                    raise AudioError(f"录音设备「{self.device['name']}」{timeout_s:.0f} 秒没有送来声音，"
                                     "可能已被拔出或被其他程序占用") from None
                continue
            waited = 0.0
            self.max_backlog_s = max(self.max_backlog_s, self._q.qsize() * self._chunk_s)
            out = self._out(block)
            if len(out):
                yield out
        if not self._stopping:  # PortAudio ended the stream on its own: the device is gone
            self.interrupted = True

    def stop(self) -> None:
        """Close the device (idempotent); what it captured stays queued for drain()."""
        self._stopping = True
        if not self.stream.closed:
            try:
                self.stream.stop()
            finally:
                self.stream.close()

    def drain(self) -> list[np.ndarray]:
        """After stop(): the chunks captured but not yet read, and the resampler's tail."""
        out = []
        while not self._q.empty():
            out.append(self._out(self._q.get_nowait()))
        if self._resample and not self._flushed:
            self._flushed = True
            out.append(self._resample(None))
        return [o for o in out if len(o)]

    def summary(self) -> list[str]:
        """Notes for the clerk: rate conversion, and overflows when there were any."""
        notes = list(self.notes)
        if self.interrupted:
            notes.append(f"录音设备「{self.device['name']}」在录到 {self.captured / self.rate:.1f} 秒时中断"
                         "（设备被拔出或音频服务停止）；此前的声音已识别并保存，请检查设备后用同一庭审编号续记")
        if self.max_backlog_s >= 5:
            notes.append(f"识别一度落后于发言约 {self.max_backlog_s:.0f} 秒（电脑较慢）；声音已全部识别，没有丢失")
        if self.overflows:
            notes.append(f"录音过程中声卡缓冲溢出 {self.overflows} 次（部分声音未能录入），"
                         "请关闭占用 CPU 的程序或换用性能更好的电脑")
        return notes

    def __enter__(self) -> MicCapture:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def mic_frames(channels: int = 1, device: int | str | None = None, chunk_s: float = 0.5,
               rate: int | None = None) -> Iterator[np.ndarray]:
    """Capture from a sound card until the consumer stops (closing the generator closes the device);
    needs the optional extra `mic` (sounddevice + PortAudio). Use MicCapture to also drain and read notes."""
    with MicCapture(channels, device, chunk_s, rate) as cap:
        yield from cap.frames()
