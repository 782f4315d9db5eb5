"""OCR engines behind one small Protocol: `recognize(image) -> list[Line]` with confidence and box.

The default is RapidOCR (PP-OCR models bundled in the `rapidocr` wheel, run on onnxruntime, fully offline);
Tesseract is an alternative when the `tesseract` binary and its `chi_sim` data are installed. Engines are
chosen by name (`Settings.ocr`) and loaded lazily, once per process.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
from functools import cache
from typing import Protocol, runtime_checkable

from PIL import Image

from arbitration import system
from arbitration.config import settings
from arbitration.errors import ModelUnavailable
from arbitration.ingest.layout import TextLine, group_rows, join_lines
from arbitration.model import Line


@runtime_checkable
class OCREngine(Protocol):
    """Recognise the text lines of one page image; boxes are (x0, y0, x1, y1) in the image's pixels."""

    name: str

    def recognize(self, image: Image.Image) -> list[Line]: ...


class RapidOCREngine:
    """PP-OCR via `rapidocr` 3.x on onnxruntime; the det/rec/cls models ship inside the wheel."""

    name = "rapidocr"

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads or settings().threads
        self._engine = None

    def _load(self):
        if self._engine is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as e:
                raise ModelUnavailable("未安装 RapidOCR：请执行 pip install rapidocr onnxruntime") from e
            self._engine = RapidOCR(
                params={
                    "Global.log_level": "error",
                    "EngineConfig.onnxruntime.intra_op_num_threads": self.threads,
                    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                }
            )
        return self._engine

    def recognize(self, image: Image.Image) -> list[Line]:
        result = self._load()(image.convert("RGB"))
        if result.txts is None or result.boxes is None:
            return []
        lines = []
        for text, score, box in zip(result.txts, result.scores, result.boxes, strict=True):
            xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
            lines.append(Line(text=text, confidence=float(score), box=(min(xs), min(ys), max(xs), max(ys))))
        return lines


class TesseractEngine:
    """Tesseract 5 with `chi_sim` through its command line (TSV output), no Python binding needed."""

    name = "tesseract"

    def __init__(self, threads: int | None = None, languages: str = "chi_sim+eng") -> None:
        self.threads = threads or settings().threads
        binary = system.tool("tesseract")
        if binary is None:
            raise ModelUnavailable(
                "未找到 tesseract：请安装 apt-get install tesseract-ocr tesseract-ocr-chi-sim，或改用 ocr = \"rapidocr\""
            )
        listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, check=False).stdout
        if "chi_sim" not in listed.split():
            raise ModelUnavailable("tesseract 缺少简体中文语言包：请安装 tesseract-ocr-chi-sim")
        self.binary, self.languages = binary, languages

    def recognize(self, image: Image.Image) -> list[Line]:
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="PNG")
        proc = subprocess.run(
            [self.binary, "stdin", "stdout", "-l", self.languages, "--psm", "6", "tsv"],
            input=buf.getvalue(),
            capture_output=True,
            check=False,
            env={**os.environ, "OMP_THREAD_LIMIT": str(self.threads)},
        )
        if proc.returncode != 0:
            raise ModelUnavailable(f"tesseract 运行失败：{proc.stderr.decode(errors='replace')[:200]}")
        return _lines_from_tsv(proc.stdout.decode("utf-8", errors="replace"))


def _lines_from_tsv(tsv: str) -> list[Line]:
    """Group Tesseract's word rows by (block, paragraph, line) into lines with mean confidence and union box."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "5" and (row.get("text") or "").strip() and float(row["conf"]) >= 0:
            groups.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    lines = []
    for words in groups.values():
        text = ""
        for w in words:
            text = text + w["text"] if _cjk_boundary(text, w["text"]) else (text + " " + w["text"]).strip()
        x0 = min(int(w["left"]) for w in words)
        y0 = min(int(w["top"]) for w in words)
        x1 = max(int(w["left"]) + int(w["width"]) for w in words)
        y1 = max(int(w["top"]) + int(w["height"]) for w in words)
        conf = sum(float(w["conf"]) for w in words) / len(words) / 100
        lines.append(Line(text=text, confidence=conf, box=(x0, y0, x1, y1)))
    return lines


def _cjk_boundary(left: str, right: str) -> bool:
    from arbitration.ingest.layout import is_cjk

    return bool(left) and (is_cjk(left[-1]) or is_cjk(right[0]))


ENGINES: dict[str, type] = {"rapidocr": RapidOCREngine, "tesseract": TesseractEngine}


@cache
def get_ocr(name: str | None = None, threads: int | None = None) -> OCREngine:
    """The OCR engine named `name` (default: `Settings.ocr`) on `threads` CPU threads (default: `Settings.threads`),
    created once per process; batch workers pass cores / workers so that they do not oversubscribe the CPU."""
    name = name or settings().ocr
    if name not in ENGINES:
        raise ValueError(f"unknown OCR engine {name!r}; choose one of {sorted(ENGINES)}")
    return ENGINES[name](threads=threads)


def lines_to_text(lines: list[Line], page_width: float | None = None) -> str:
    """Reading-order text of OCR lines: boxes on one row merged, paragraphs kept. The right edge of the text
    block is taken as at least 85 % of the page width, so a page of short lines is not run together."""
    boxed = group_rows([TextLine(ln.text, *ln.box) for ln in lines if ln.box is not None])
    right = max((ln.x1 for ln in boxed), default=0.0)
    if page_width:
        right = max(right, 0.85 * page_width)
    return join_lines(boxed, right=right)


def mean_confidence(lines: list[Line]) -> float:
    return sum(ln.confidence for ln in lines) / len(lines) if lines else 0.0
