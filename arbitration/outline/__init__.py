"""The pre-hearing element outline (庭审要素提纲): `build_outline(case, archive)` → Outline, `render_outline(outline,
out, fmt)` → DOCX / Markdown / JSON."""

from arbitration.outline.build import build_outline
from arbitration.outline.model import MISSING, Outline
from arbitration.outline.render import FORMATS, render_outline, to_markdown

__all__ = ["FORMATS", "MISSING", "Outline", "build_outline", "render_outline", "to_markdown"]
