"""Shared DOCX plumbing for the outline, the hearing record and the award: render a docxtpl template (the Word
file itself) with its variables checked first, write atomically, and convert to PDF with LibreOffice."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from arbitration import system
from arbitration.errors import TemplateError
from arbitration.fileio import write_bytes

CJK_BODY_FONT = "仿宋"  # body text of official documents (仿宋_GB2312 where installed)
CJK_HEADING_FONT = "宋体"


def render_template(template: str | os.PathLike[str], context: dict[str, Any], out: str | os.PathLike[str],
                    finish: Callable[[Any], None] | None = None) -> Path:
    """Render `template` with `context` into `out` atomically; refuse when the template needs undeclared names.

    `finish`, when given, gets the rendered python-docx Document before it is saved (e.g. to add comments)."""
    from docxtpl import DocxTemplate

    template = Path(template)
    if not template.is_file():
        raise TemplateError(f"模板文件不存在：{template}")
    tpl = DocxTemplate(str(template))
    missing = sorted(tpl.get_undeclared_template_variables(context=context))
    if missing:
        raise TemplateError(f"模板 {template.name} 需要而未提供的变量：{', '.join(missing)}")
    try:
        tpl.render(context, autoescape=True)
    except Exception as e:  # jinja or XML errors; the template context goes into the message
        raise TemplateError(f"模板 {template.name} 渲染失败：{e}") from e
    if finish is not None:
        finish(tpl.docx)
    buf = io.BytesIO()
    tpl.save(buf)
    write_bytes(out, buf.getvalue())
    return Path(out)


def soffice() -> str | None:
    """The LibreOffice binary, or None when it is not installed."""
    return system.soffice()


def convert_to_pdf(docx: str | os.PathLike[str], timeout: float = 120) -> Path:
    """Convert a DOCX (or .doc) to PDF beside it with LibreOffice headless; raises TemplateError when unavailable."""
    binary = soffice()
    if binary is None:
        raise TemplateError("未安装 LibreOffice（apt-get install libreoffice-writer-nogui），无法转换为 PDF")
    docx = Path(docx).resolve()
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ]
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, text=True)
    pdf = docx.with_suffix(".pdf")
    if proc.returncode != 0 or not pdf.exists():
        raise TemplateError(f"LibreOffice 转换 {docx.name} 失败：{proc.stderr.strip() or proc.stdout.strip()}")
    return pdf


def set_east_asian_font(run: Any, name: str, size_pt: float | None = None) -> None:
    """Set a python-docx run's Chinese font (w:eastAsia) as well as its Latin font."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)
    if size_pt is not None:
        run.font.size = Pt(size_pt)


def add_field(paragraph: Any, instr: str, font: str, size_pt: float) -> None:
    """Append a Word field (e.g. PAGE, NUMPAGES) that Word and LibreOffice compute when they lay the page out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run()
        set_east_asian_font(run, font, size_pt)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = "1"  # shown until the field is updated
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


# 中文字号 in points
FONT_SIZES = {"二号": 22, "小二": 18, "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5}
