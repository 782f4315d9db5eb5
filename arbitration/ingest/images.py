"""Images (JPG, PNG, BMP, WebP, TIFF including multi-page TIFF) read by OCR, one Page per frame."""

from __future__ import annotations

import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from arbitration.errors import CorruptFile, EmptyFile, TooLarge
from arbitration.ingest.ocr import OCREngine, lines_to_text, mean_confidence
from arbitration.model import Method, Page

MAX_IMAGE_PIXELS = 60_000_000  # ~ an A4 page at 900 dpi; beyond this an image is refused (decompression bombs)
MAX_OCR_SIDE = 2400  # larger frames are scaled down before OCR: no gain in accuracy, much slower
MAX_FRAMES = 200  # pages of a multi-page TIFF


def ocr_page(image: Image.Image, number: int, ocr: OCREngine) -> Page:
    """OCR one page image into a Page with its lines, boxes (in the given image's pixels) and mean confidence."""
    lines = ocr.recognize(image)
    return Page(
        number=number,
        text=lines_to_text(lines, page_width=image.width),
        method=Method.OCR,
        confidence=round(mean_confidence(lines), 4),
        lines=lines,
    )


def check_pixels(width: int, height: int, name: str, what: str = "图片") -> None:
    """Refuse an image or page whose pixel count exceeds the safety limit."""
    if width * height > MAX_IMAGE_PIXELS:
        raise TooLarge(
            name,
            f"{what}尺寸过大（{width}×{height} 像素，上限 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素）",
            kind="too_large",
        )


def read_image(path: Path, name: str, ocr: OCREngine) -> list[Page]:
    """OCR every frame of an image file; raises EmptyFile when no frame has any text."""
    pages = []
    with _decoding(name):
        im = Image.open(path)
    with im:
        with _decoding(name):
            check_pixels(im.width, im.height, name)
            frames = ImageSequence.Iterator(im)
        for i in range(1, MAX_FRAMES + 2):
            with _decoding(name):  # only the decoding: an error of the OCR engine is not a damaged image
                frame = next(frames, None)
                if frame is None:
                    break
                if i > MAX_FRAMES:
                    raise TooLarge(name, f"图片页数超过 {MAX_FRAMES} 页", kind="too_large")
                check_pixels(frame.width, frame.height, name)
                image = _prepare(frame)
            pages.append(ocr_page(image, i, ocr))
    if not any(p.text.strip() for p in pages):
        raise EmptyFile(name, "图片中未识别到文字（可能是空白页或照片过于模糊）", kind="no_text")
    return pages


@contextmanager
def _decoding(name: str) -> Iterator[None]:
    """Pillow's ways of saying an image is damaged or too large, as the product's named errors. Its decoders
    raise more than OSError on malformed data: SyntaxError (a broken PNG chunk), TypeError (a TIFF without
    dimensions), ValueError, struct.error, EOFError, IndexError."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
            raise TooLarge(name, "图片尺寸过大（超过安全上限）", kind="too_large") from e
        except UnidentifiedImageError as e:
            raise CorruptFile(name, "图片文件已损坏或格式无法识别", kind="corrupt") from e
        except (OSError, SyntaxError, TypeError, ValueError, struct.error, EOFError, IndexError) as e:
            raise CorruptFile(name, f"图片文件已损坏：{e}", kind="corrupt") from e


def _prepare(frame: Image.Image) -> Image.Image:
    """Upright (EXIF orientation), RGB, and no larger than needed for OCR."""
    image = ImageOps.exif_transpose(frame.convert("RGB"))
    if max(image.size) > MAX_OCR_SIDE:
        image.thumbnail((MAX_OCR_SIDE, MAX_OCR_SIDE), Image.Resampling.LANCZOS)
    return image
