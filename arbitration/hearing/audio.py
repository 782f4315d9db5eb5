"""Audio in: WAV/FLAC files (checked for truncation, resampled to 16 kHz with a note), raw PCM frames from the web
page, and the microphone (sounddevice, optional extra `mic`). Everything leaves here as float32 (samples, channels)."""

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


def mic_frames(channels: int = 1, device: int | str | None = None, chunk_s: float = 0.5) -> Iterator[np.ndarray]:
    """Capture from a sound card until the consumer stops; needs the optional extra `mic` (sounddevice + PortAudio)."""
    sd = sounddevice()
    q: queue.Queue[np.ndarray] = queue.Queue()

    def callback(indata, frames, time_info, status):  # runs in PortAudio's thread
        q.put(indata.copy())

    try:
        stream = sd.InputStream(samplerate=SAMPLE_RATE, channels=channels, dtype="float32", device=device,
                                blocksize=int(chunk_s * SAMPLE_RATE), callback=callback)
    except Exception as e:  # PortAudio raises its own error types
        raise AudioError(f"无法打开麦克风（设备 {device or '默认'}，{channels} 声道）：{e}") from e
    with stream:
        while True:
            yield q.get()
