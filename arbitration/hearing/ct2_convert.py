"""Turn a CTranslate2 Whisper model (`model.bin`, as faster-whisper loads it) into an openai-whisper `.pt`.

The bundled Whisper base ships only in CTranslate2 format; this gives an office the same weights on the torch
engine (e.g. on a GPU). Reading `model.bin` needs only numpy; writing the `.pt` needs torch (extra `whisper-pt`).

CTranslate2 model.bin, binary version 6, little-endian:
  u32 version; str spec name; u32 spec revision; u32 n_variables;
  n × (str name; u8 rank; u32 dims[rank]; u8 dtype; u32 n_bytes; bytes data);
  u32 n_aliases; n × (str alias; str variable name)
where str = u16 length (incl. a closing NUL) + UTF-8 bytes + NUL. Quantized weights (int8 per row, int16 per
tensor) carry a `<name>_scale` variable and are restored as `q / scale`.
"""

from __future__ import annotations

import json
import os
import re
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from arbitration.errors import ModelUnavailable
from arbitration.fileio import atomic_open

BINARY_VERSION = 6  # the only version CTranslate2 has written since Whisper support was added (3.x, 4.x)
WHISPER_SPEC = "WhisperSpec"
# dtype ids of CTranslate2's DataType enum (include/ctranslate2/types.h), in order
DTYPES = (np.float32, np.int8, np.int16, np.int32, np.float16, "bfloat16")
OUT_DTYPE = np.float16  # openai-whisper's own checkpoints are float16; load_model casts to the model's dtype


@dataclass
class CT2Model:
    """The raw contents of a CTranslate2 `model.bin`: spec name and revision, variables by name, aliases."""

    path: Path
    spec: str
    revision: int
    variables: dict[str, np.ndarray] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    def __contains__(self, name: str) -> bool:
        return self.aliases.get(name, name) in self.variables

    def raw(self, name: str) -> np.ndarray:
        """The stored array (quantized weights stay quantized)."""
        try:
            return self.variables[self.aliases.get(name, name)]
        except KeyError as e:
            raise ModelUnavailable(f"{self.path}：缺少变量 {name}，不是完整的 Whisper 模型") from e

    def weight(self, name: str) -> np.ndarray:
        """A float32 copy of `name`, dequantized when the file stores it as int8/int16 with a scale."""
        value = self.raw(name)
        if value.dtype in (np.int8, np.int16) and f"{name}_scale" in self:
            scale = self.raw(f"{name}_scale").astype(np.float32)
            if value.dtype == np.int8 and scale.ndim == 1:  # one scale per output row (or conv channel)
                return value.astype(np.float32) / scale.reshape(-1, *([1] * (value.ndim - 1)))
            return value.astype(np.float32) / scale  # int16: one scale for the tensor
        return value.astype(np.float32)

    @property
    def quantized(self) -> list[str]:
        """Names of the weights stored as integers (dequantized on export)."""
        return sorted(n for n, v in self.variables.items() if v.dtype in (np.int8, np.int16) and f"{n}_scale" in self)


class _Reader:
    """Bounds-checked little-endian reads over the file's bytes; a short file is a clear error, not a crash."""

    def __init__(self, path: Path, data: bytes | np.memmap) -> None:
        self.path, self.data, self.pos = path, data, 0

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.data):
            raise ModelUnavailable(f"{self.path}：文件在第 {self.pos} 字节处截断，不是完整的 CTranslate2 模型")
        view = memoryview(self.data)[self.pos : self.pos + n]
        self.pos += n
        return view

    def unpack(self, fmt: str) -> int:
        size = struct.calcsize("<" + fmt)
        return struct.unpack("<" + fmt, self.take(size))[0]

    def string(self) -> str:
        raw = bytes(self.take(self.unpack("H")))
        try:
            return raw.rstrip(b"\0").decode("utf-8")
        except UnicodeDecodeError as e:
            raise ModelUnavailable(f"{self.path}：第 {self.pos} 字节处的名称不是 UTF-8，不是 CTranslate2 模型") from e


def read_ct2(path: str | os.PathLike[str]) -> CT2Model:
    """Parse a CTranslate2 `model.bin` (memory-mapped: arrays are views into the file, nothing is copied)."""
    path = Path(path)
    if not path.is_file():
        raise ModelUnavailable(f"{path}：文件不存在")
    if path.stat().st_size < 16:
        raise ModelUnavailable(f"{path}：文件过小，不是 CTranslate2 模型")
    data = np.memmap(path, dtype=np.uint8, mode="r")
    r = _Reader(path, data)
    version = r.unpack("I")
    if version != BINARY_VERSION:
        raise ModelUnavailable(
            f"{path}：CTranslate2 模型格式版本为 {version}，只支持版本 {BINARY_VERSION}"
            "（ctranslate2 3.x/4.x 转换的模型）"
        )
    model = CT2Model(path, r.string(), r.unpack("I"))
    for _ in range(r.unpack("I")):
        name = r.string()
        dims = tuple(r.unpack("I") for _ in range(r.unpack("B")))
        type_id, n_bytes = r.unpack("B"), r.unpack("I")
        if type_id >= len(DTYPES):
            raise ModelUnavailable(f"{path}：变量 {name} 的数据类型编号 {type_id} 未知")
        dtype = DTYPES[type_id]
        item = 2 if dtype == "bfloat16" else np.dtype(dtype).itemsize
        if n_bytes != item * int(np.prod(dims, dtype=np.int64)):
            raise ModelUnavailable(f"{path}：变量 {name} 的字节数 {n_bytes} 与形状 {dims} 不符，文件已损坏")
        start = r.pos
        r.take(n_bytes)
        raw = data[start : start + n_bytes]
        if dtype == "bfloat16":  # no numpy bfloat16: the upper half of a float32
            value = (raw.view(np.uint16).astype(np.uint32) << 16).view(np.float32)
        else:
            value = raw.view(dtype)
        model.variables[name] = value.reshape(dims)
    for _ in range(r.unpack("I")):
        alias = r.string()
        model.aliases[alias] = r.string()
    if r.pos != len(data):
        raise ModelUnavailable(f"{path}：末尾多出 {len(data) - r.pos} 字节，文件已损坏")
    return model


def _layers(ct2: CT2Model, prefix: str) -> int:
    pattern = re.compile(rf"^{prefix}/layer_(\d+)/")
    found = {int(m.group(1)) for n in ct2.variables if (m := pattern.match(n))}
    if not found or found != set(range(len(found))):
        raise ModelUnavailable(f"{ct2.path}：{prefix} 层编号不连续或缺失，不是完整的 Whisper 模型")
    return len(found)


def _scalar(ct2: CT2Model, name: str) -> int:
    return int(np.asarray(ct2.raw(name)).reshape(-1)[0])


def whisper_dims(ct2: CT2Model) -> dict[str, int]:
    """openai-whisper's ModelDimensions, read off the shapes (and head counts) stored in the file."""
    conv1 = ct2.raw("encoder/conv1/weight")  # (n_audio_state, n_mels, 3)
    audio_pos = ct2.raw("encoder/position_encodings/encodings")  # (n_audio_ctx, n_audio_state)
    emb = ct2.raw("decoder/embeddings/weight")  # (n_vocab, n_text_state)
    text_pos = ct2.raw("decoder/position_encodings/encodings")  # (n_text_ctx, n_text_state)
    return {
        "n_mels": int(conv1.shape[1]),
        "n_audio_ctx": int(audio_pos.shape[0]),
        "n_audio_state": int(conv1.shape[0]),
        "n_audio_head": _scalar(ct2, "encoder/num_heads"),
        "n_audio_layer": _layers(ct2, "encoder"),
        "n_vocab": int(emb.shape[0]),
        "n_text_ctx": int(text_pos.shape[0]),
        "n_text_state": int(emb.shape[1]),
        "n_text_head": _scalar(ct2, "decoder/num_heads"),
        "n_text_layer": _layers(ct2, "decoder"),
    }


def _linear(ct2: CT2Model, src: str, dst: str, out: dict[str, np.ndarray], bias: bool = True) -> None:
    out[f"{dst}.weight"] = ct2.weight(f"{src}/weight")
    if bias:
        out[f"{dst}.bias"] = ct2.weight(f"{src}/bias")


def _norm(ct2: CT2Model, src: str, dst: str, out: dict[str, np.ndarray]) -> None:
    out[f"{dst}.weight"] = ct2.weight(f"{src}/gamma")
    out[f"{dst}.bias"] = ct2.weight(f"{src}/beta")


def _split_rows(ct2: CT2Model, src: str, parts: list[str | None], out: dict[str, np.ndarray], n: int) -> None:
    """A fused projection (q|k|v or k|v) split back into openai-whisper's separate Linear layers; openai-whisper's
    key projection has no bias, so that slice of the fused bias (zeros) is dropped."""
    w, b = ct2.weight(f"{src}/weight"), ct2.weight(f"{src}/bias")
    if w.shape[0] != n * len(parts):
        raise ModelUnavailable(f"{ct2.path}：{src} 的形状 {w.shape} 与 {len(parts)} 路融合投影不符")
    for i, dst in enumerate(parts):
        if dst is None:
            continue
        out[f"{dst}.weight"] = w[i * n : (i + 1) * n]
        if not dst.endswith(".key"):
            out[f"{dst}.bias"] = b[i * n : (i + 1) * n]


def _block(ct2: CT2Model, src: str, dst: str, sd: dict[str, np.ndarray], n_state: int) -> None:
    """The self-attention and feed-forward parts every encoder and decoder layer has."""
    _split_rows(ct2, f"{src}/self_attention/linear_0", [f"{dst}.attn.{p}" for p in ("query", "key", "value")],
                sd, n_state)
    _linear(ct2, f"{src}/self_attention/linear_1", f"{dst}.attn.out", sd)
    _norm(ct2, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln", sd)
    _linear(ct2, f"{src}/ffn/linear_0", f"{dst}.mlp.0", sd)
    _linear(ct2, f"{src}/ffn/linear_1", f"{dst}.mlp.2", sd)
    _norm(ct2, f"{src}/ffn/layer_norm", f"{dst}.mlp_ln", sd)


def whisper_state_dict(ct2: CT2Model) -> tuple[dict[str, int], dict[str, np.ndarray]]:
    """(dims, state dict as float32 numpy arrays) in openai-whisper's names; raises on a non-Whisper model."""
    if ct2.spec != WHISPER_SPEC:
        raise ModelUnavailable(f"{ct2.path}：这是 CTranslate2 的 {ct2.spec or '未知'} 模型，不是 Whisper 模型")
    dims = whisper_dims(ct2)
    sd: dict[str, np.ndarray] = {}
    for i in ("1", "2"):
        _linear(ct2, f"encoder/conv{i}", f"encoder.conv{i}", sd)
    sd["encoder.positional_embedding"] = ct2.weight("encoder/position_encodings/encodings")
    for i in range(dims["n_audio_layer"]):
        _block(ct2, f"encoder/layer_{i}", f"encoder.blocks.{i}", sd, dims["n_audio_state"])
    _norm(ct2, "encoder/layer_norm", "encoder.ln_post", sd)
    sd["decoder.token_embedding.weight"] = ct2.weight("decoder/embeddings/weight")
    sd["decoder.positional_embedding"] = ct2.weight("decoder/position_encodings/encodings")
    for i in range(dims["n_text_layer"]):
        src, dst = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        _block(ct2, src, dst, sd, dims["n_text_state"])
        _linear(ct2, f"{src}/attention/linear_0", f"{dst}.cross_attn.query", sd)
        _split_rows(ct2, f"{src}/attention/linear_1", [f"{dst}.cross_attn.key", f"{dst}.cross_attn.value"],
                    sd, dims["n_text_state"])
        _linear(ct2, f"{src}/attention/linear_2", f"{dst}.cross_attn.out", sd)
        _norm(ct2, f"{src}/attention/layer_norm", f"{dst}.cross_attn_ln", sd)
    _norm(ct2, "decoder/layer_norm", "decoder.ln", sd)
    # the output projection is tied to the token embedding in both formats (an alias in CTranslate2)
    proj = "decoder/projection/weight"
    if proj in ct2 and not np.array_equal(ct2.raw(proj), ct2.raw("decoder/embeddings/weight")):
        raise ModelUnavailable(f"{ct2.path}：输出投影与词嵌入不同，openai-whisper 无法表示这种模型")
    return dims, sd


def alignment_heads(model_dir: Path) -> list[list[int]]:
    """The [layer, head] pairs used for word timestamps, from the model dir's config.json (empty if none)."""
    try:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    heads = config.get("alignment_heads") or []
    return [[int(layer), int(head)] for layer, head in heads]


@dataclass(frozen=True)
class ExportReport:
    """What `export_pt` did, for the CLI and the benchmark."""

    out: Path
    dims: dict[str, int]
    dequantized: list[str]  # weights that were int8/int16 in model.bin
    seconds: float


def export_pt(model_dir: str | os.PathLike[str], out: str | os.PathLike[str]) -> ExportReport:
    """Write the CTranslate2 Whisper model in `model_dir` as an openai-whisper checkpoint at `out` (atomically).

    The file holds {"dims", "model_state_dict"} (what `whisper.load_model(path)` reads) in float16, plus
    "alignment_heads" from config.json, which OpenAIWhisperASR applies for word timestamps.
    """
    t0 = time.perf_counter()
    model_dir = Path(model_dir)
    if not (model_dir / "model.bin").is_file():
        raise ModelUnavailable(f"{model_dir}：不是 CTranslate2 模型目录（缺少 model.bin），无法转换为 .pt")
    ct2 = read_ct2(model_dir / "model.bin")
    dims, sd = whisper_state_dict(ct2)
    try:
        import torch
    except ImportError as e:
        raise ModelUnavailable(
            "导出 .pt 需要 torch：先 pip install torch==2.13.0，再 pip install 'arbitration[whisper-pt]'"
        ) from e
    checkpoint = {
        "dims": dims,
        "model_state_dict": {k: torch.from_numpy(np.ascontiguousarray(v.astype(OUT_DTYPE))) for k, v in sd.items()},
        "alignment_heads": alignment_heads(model_dir),
    }
    with atomic_open(out, "wb") as f:
        torch.save(checkpoint, f)
    return ExportReport(Path(out), dims, ct2.quantized, time.perf_counter() - t0)
