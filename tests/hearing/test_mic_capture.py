"""The microphone path for real, without a sound card: a private PulseAudio server with a null sink is the
"room"; paplay plays a real clip into it and its monitor is the microphone, reached the way a sound card is —
PortAudio → ALSA (pulse plugin) → sounddevice → MicCapture → the clerk. Needs libportaudio2, pulseaudio,
pulseaudio-utils, libasound2-plugins and sounddevice (scripts/install.sh --test installs them)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from hearing_audio import clip, concat, load

from arbitration import system
from arbitration.errors import AudioError

SINK = "court"  # the null sink; its monitor is the only (so the default) capture source


def _missing() -> str | None:
    for tool in ("pulseaudio", "paplay", "pactl"):
        if not system.tool(tool):
            return system.missing("tool", tool)
    if system.library("alsa-pulse") is None:
        return f"the ALSA pulse plugin is missing: {system.missing('library', 'alsa-pulse')}"
    try:
        import sounddevice  # noqa: F401
    except (ImportError, OSError) as e:
        return f"sounddevice/PortAudio unavailable ({e}; pip install sounddevice, apt-get install libportaudio2)"
    return None


@contextlib.contextmanager
def pulse_server(base: Path):
    """A private PulseAudio with one null sink (16 kHz mono, no rewinds so its monitor is sample-exact), the
    only capture source there, so the default one. Yields the environment that reaches it."""
    run = base / "run"
    run.mkdir(mode=0o700, parents=True)
    env = {"HOME": str(base), "XDG_RUNTIME_DIR": str(run), "PULSE_RUNTIME_PATH": str(run),
           "PULSE_STATE_PATH": str(base / "state"), "PULSE_SERVER": f"unix:{run}/native"}
    full = {**os.environ, **env}
    log_path = base / "pulse.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
             "--log-target=stderr", "-L", f"module-native-protocol-unix socket={run}/native auth-anonymous=1",
             "-L", f"module-null-sink sink_name={SINK} rate=16000 channels=1 norewinds=1"],
            env=full, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 10
            while subprocess.run(["pactl", "info"], env=full, capture_output=True).returncode != 0:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("PulseAudio did not start: " + log_path.read_text(errors="replace"))
                time.sleep(0.1)
            yield full, server
        finally:
            if server.poll() is None:
                server.terminate()
                try:
                    server.wait(10)
                except subprocess.TimeoutExpired:
                    server.kill()


@contextlib.contextmanager
def reaching(env: dict):
    """Point this process's PortAudio at the server in `env` (PortAudio lists devices once: rescan)."""
    from arbitration.hearing.audio import rescan_devices

    with pytest.MonkeyPatch.context() as mp:
        for k in ("HOME", "XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH", "PULSE_STATE_PATH", "PULSE_SERVER"):
            mp.setenv(k, env[k])
        rescan_devices()
        try:
            yield
        finally:
            mp.undo()
            rescan_devices()


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """The room for the module: its environment, for subprocesses too."""
    why = _missing()
    if why:
        pytest.skip(why)
    with pulse_server(tmp_path_factory.mktemp("room")) as (env, _server), reaching(env):
        yield env


def play(env: dict, path: Path) -> subprocess.Popen:
    """Say it in the room: paplay into the null sink, in real time."""
    return subprocess.Popen(["paplay", f"--device={SINK}", str(path)], env=env)


def align(x: np.ndarray, ref: np.ndarray) -> int:
    """Offset of `ref` inside `x` by FFT cross-correlation."""
    n = len(x) + len(ref)
    c = np.fft.irfft(np.fft.rfft(x, n) * np.conj(np.fft.rfft(ref, n)), n)[: len(x) - len(ref) + 1]
    return int(np.argmax(c))


@pytest.mark.parametrize("rate", [None, 48000, "refuses-16k"], ids=["16k", "48k-resampled", "refuses-16k"])
def test_capture_yields_the_clip_as_played(room, rate, monkeypatch):
    import sounddevice as sd

    from arbitration.hearing.audio import MicCapture

    name = "IT0011W0001"
    ref = load(name)
    if rate == "refuses-16k":  # as a USB microphone's hw: device does; PortAudio's check says so, the rest is real
        check = sd.check_input_settings

        def refuse_16k(*args, samplerate=None, **kw):
            if samplerate == 16000:
                raise sd.PortAudioError("Invalid sample rate [PaErrorCode -9997]")
            return check(*args, samplerate=samplerate, **kw)

        monkeypatch.setattr(sd, "check_input_settings", refuse_16k)
        rate = None
        refused = True
    else:
        refused = False
    cap = MicCapture(device="pulse", rate=rate)  # a part of the device's name selects it
    try:
        frames = cap.frames()
        got = [next(frames)]  # the device is live (silence) before anyone speaks
        player = play(room, clip(name))
        need = len(ref) + 8000  # the clip and half a second of room tone after it
        while sum(len(c) for c in got[1:]) < need:
            got.append(next(frames))
        player.wait(10)
    finally:
        cap.stop()
    got += cap.drain()
    assert cap.stream.closed and not cap.active
    x = np.concatenate(got)
    assert x.ndim == 2 and x.shape[1] == 1 and x.dtype == np.float32
    x = x[:, 0]
    k = align(x, ref)
    y = x[k: k + len(ref)]
    assert len(y) == len(ref), "the end of the clip was not captured"
    if rate is None and not refused:  # 16 kHz all the way: every sample arrives unchanged
        assert cap.rate == 16000 and not cap.notes
        assert np.abs(y - ref).max() < 1e-4
    else:  # captured at the device's rate, resampled chunk by chunk: the same speech, no gaps at chunk edges
        if refused:
            assert cap.rate == cap.device["rate"] != 16000
            assert "不支持 16000 Hz" in cap.notes[0] and f"以 {cap.rate} Hz 录音" in cap.notes[0]
        else:
            assert cap.rate == 48000 and not cap.notes
        assert np.corrcoef(y, ref)[0, 1] > 0.99
        assert 0.9 < np.sqrt((y ** 2).mean() / (ref ** 2).mean()) < 1.1
        assert abs(len(x) - cap.captured * 16000 / cap.rate) < 100
    assert np.abs(x[:k]).max(initial=0.0) < 1e-3  # before the clip: the silent room
    assert isinstance(cap.overflows, int)
    assert all("溢出" in n for n in cap.summary()[len(cap.notes):])


def test_closing_the_generator_closes_the_device(room):
    from arbitration.hearing.audio import mic_frames

    def recording() -> list[str]:
        out = subprocess.run(["pactl", "list", "short", "source-outputs"], env=room, capture_output=True,
                             text=True, check=True).stdout
        return [line for line in out.splitlines() if line.strip()]

    frames = mic_frames(device="pulse", chunk_s=0.25)
    chunk = next(frames)
    assert chunk.shape == (4000, 1) and recording()  # the sound server sees us recording
    frames.close()  # the consumer is done (the web page's hearing ends, a `for` loop breaks)
    assert not recording()


def test_missing_or_too_small_device_is_named_with_the_list(room):
    from typer.testing import CliRunner

    from arbitration.cli import app
    from arbitration.hearing.audio import MicCapture, find_input_device, input_devices

    names = [d["name"] for d in input_devices()]
    assert "pulse" in names
    with pytest.raises(AudioError) as e:
        MicCapture(device="法庭三号麦克风")
    msg = str(e.value)
    assert "找不到录音设备「法庭三号麦克风」" in msg and "本机的录音设备" in msg and "pulse" in msg
    pulse = find_input_device("pulse")
    assert find_input_device(str(pulse["index"]))["name"] == "pulse"  # by index, as typed on the command line
    with pytest.raises(AudioError, match=rf"只有 {pulse['channels']} 个输入声道.*\n本机的录音设备"):
        find_input_device("pulse", channels=pulse["channels"] + 1)

    result = CliRunner().invoke(app, ["hearing", "devices"])
    assert result.exit_code == 0, result.output
    assert "pulse" in result.output and "默认" in result.output

    data = Path(room["HOME"]) / "cli-data"
    with pytest.MonkeyPatch.context() as mp:
        from arbitration.config import settings

        mp.setenv("ARBITRATION_DATA_DIR", str(data))
        settings.cache_clear()
        try:
            result = CliRunner().invoke(app, ["hearing", "start", "-", "--source", "mic", "--device", "法庭三号",
                                              "--id", "mic-missing"])
        finally:
            settings.cache_clear()
    assert isinstance(result.exception, AudioError) and "找不到录音设备" in str(result.exception)
    assert not (data / "hearings" / "mic-missing").exists()  # no hearing opened for a wrong device


@pytest.mark.slow
def test_clerk_records_a_hearing_from_the_microphone(room, tmp_path):
    """`arbitration hearing start - --source mic` on the default device, two real utterances said into the room,
    Ctrl-C: the journal holds what was said, and the record exports."""
    from arbitration.hearing import export, load_record

    said = tmp_path / "said.wav"
    sf.write(str(said), concat(["BAC009S0764W0121", "e5oipIfM49I__20190201_CCTV_1"]), 16000)
    env = {**room, "ARBITRATION_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1", "COLUMNS": "120"}
    cli = subprocess.Popen([sys.executable, "-c", "from arbitration.cli import main; main()", "hearing", "start", "-", "--source", "mic",
                            "--id", "mic-1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL)
    lines: list[str] = []
    ready = threading.Event()

    def read():
        for raw in cli.stdout:
            lines.append(raw.decode("utf-8", "replace"))
            if "开始录音" in lines[-1]:
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60  # the speech model loads first
        while not ready.wait(0.2) and cli.poll() is None and time.monotonic() < deadline:
            pass
        assert ready.is_set(), "the clerk never opened the microphone:\n" + "".join(lines)
        time.sleep(0.3)
        assert play(room, said).wait(30) == 0
        time.sleep(1.0)  # the room tone after the last word, then the clerk presses Ctrl-C
        cli.send_signal(signal.SIGINT)
        assert cli.wait(60) == 0, "".join(lines)
    finally:
        if cli.poll() is None:
            cli.kill()
        reader.join(5)
    out = "".join(lines)
    assert "已停止录音" in out and "Traceback" not in out
    hearing = tmp_path / "data" / "hearings" / "mic-1"
    text = "".join(s.text for s in load_record(hearing))
    assert "交易" in text and "观众" in text, text
    assert "情况" in text or "晚上" in text, text
    docx = export(hearing, "docx")
    assert docx.is_file() and docx.stat().st_size > 5000
    assert "交易" in export(hearing, "txt").read_text(encoding="utf-8")


def test_a_device_that_goes_away_ends_the_capture_with_a_note(room, tmp_path):
    """The sound server dies mid-hearing (as a USB microphone pulled out): what was captured is kept, the
    capture ends instead of hanging, and the clerk is told to resume."""
    from arbitration.hearing.audio import MicCapture

    with pulse_server(tmp_path) as (env, server), reaching(env):
        cap = MicCapture(device="pulse")
        got = []
        try:
            for chunk in cap.frames(timeout_s=5):
                got.append(chunk)
                if len(got) == 2:
                    server.kill()
        finally:
            cap.stop()
        got += cap.drain()
    assert sum(len(c) for c in got) >= 16000  # the second before the loss is kept
    assert cap.interrupted
    assert any("中断" in n and "续记" in n for n in cap.summary())


def test_two_channels_stay_apart(room, tmp_path, monkeypatch):
    """A two-channel device (a desk microphone per side): each channel arrives as it was said, none mixed
    into the other, so the clerk can map channel 0 and 1 to two seats."""
    from arbitration.hearing.audio import MicCapture

    a, b = load("IT0011W0001"), load("e5oipIfM49I__20190201_CCTV_1")
    stereo = np.zeros((max(len(a), len(b)), 2), np.float32)
    stereo[: len(a), 0], stereo[: len(b), 1] = a, b
    sf.write(str(tmp_path / "two-seats.wav"), stereo, 16000)
    module = subprocess.run(["pactl", "load-module", "module-null-sink", "sink_name=seats", "rate=16000",
                             "channels=2", "norewinds=1"], env=room, capture_output=True, text=True, check=True)
    try:
        monkeypatch.setenv("PULSE_SOURCE", "seats.monitor")  # libpulse's own choice of source for this process
        cap = MicCapture(channels=2, device="pulse", chunk_s=0.25)
        try:
            frames = cap.frames()
            got = [next(frames)]
            player = subprocess.Popen(["paplay", "--device=seats", str(tmp_path / "two-seats.wav")], env=room)
            while sum(len(c) for c in got[1:]) < len(stereo) + 8000:
                got.append(next(frames))
            player.wait(10)
        finally:
            cap.stop()
    finally:
        subprocess.run(["pactl", "unload-module", module.stdout.strip()], env=room, check=True)
    x = np.concatenate(got + cap.drain())
    assert x.shape[1] == 2
    k = align(x[:, 0], a)
    assert np.abs(x[k: k + len(a), 0] - a).max() < 1e-4
    assert np.abs(x[k: k + len(b), 1] - b).max() < 1e-4  # the same instant, the other seat's words
