"""The system resources the product and its tests use — command-line tools, fonts, shared libraries — found in one
place, each with the Debian package that provides it. scripts/install.sh installs every package named here that is
not optional, and scripts/check_system_paths.py (run by .ci/run) fails when code names one it does not."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Need:
    """A Debian package a resource comes from; `optional` ones install.sh leaves out (their callers say so), `base`
    ones every Debian system has (essential packages)."""

    package: str
    optional: bool = False
    base: bool = False


# command -> its package (libreoffice-writer-nogui brings soffice through libreoffice-common)
TOOLS: dict[str, Need] = {
    "soffice": Need("libreoffice-writer-nogui"),
    "libreoffice": Need("libreoffice-writer-nogui"),
    "chromium": Need("chromium"),
    "pulseaudio": Need("pulseaudio"),
    "pactl": Need("pulseaudio-utils"),
    "paplay": Need("pulseaudio-utils"),
    "fc-list": Need("fontconfig"),
    "dpkg-query": Need("dpkg", base=True),
    "git": Need("git", optional=True),  # benchmarks/bench_hearing.py compares with an earlier commit (skips without)  # scripts/check_system_paths.py: what the packages install.sh lists provide
    "tesseract": Need("tesseract-ocr tesseract-ocr-chi-sim", optional=True),  # the other OCR engine (ocr = "tesseract")
}

# font use -> (fontconfig pattern it must match exactly, package). reportlab embeds only TrueType outlines, so the
# CJK fonts of fonts-noto-cjk (PostScript outlines) cannot serve the test PDFs
FONTS: dict[str, tuple[str, Need]] = {
    "cjk-truetype": ("WenQuanYi Zen Hei:fontformat=TrueType", Need("fonts-wqy-zenhei")),
}

# shared library use -> (glob of its path, package)
LIBRARIES: dict[str, tuple[str, Need]] = {
    "alsa-pulse": ("/usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so", Need("libasound2-plugins")),
}


def install_hint(need: Need) -> str:
    """How a clerk or developer gets a package: the command, in the words the product's messages use."""
    how = "可选，需自行安装" if need.optional else "bash scripts/install.sh --test 会安装"
    return f"Debian 软件包 {need.package}（{how}：apt-get install {need.package}）"


def tool(name: str) -> str | None:
    """The path of a command named in TOOLS, or None when it is not installed."""
    if name not in TOOLS:
        raise KeyError(f"{name}: not a tool of arbitration.system.TOOLS (name it there with its Debian package)")
    return shutil.which(name)


def soffice() -> str | None:
    """LibreOffice's binary (soffice, or the libreoffice wrapper), or None."""
    return tool("soffice") or tool("libreoffice")


def chromium() -> str | None:
    """Chromium for the browser tests: $ARBITRATION_CHROMIUM when set (an existing file), else the installed one."""
    own = os.environ.get("ARBITRATION_CHROMIUM")
    if own:
        return own if Path(own).is_file() else None
    return tool("chromium")


@cache
def font(use: str) -> tuple[Path, int] | None:
    """(font file, index in a collection) of a font in FONTS, found by fontconfig; None when not installed."""
    pattern, _need = FONTS[use]
    fc_list = tool("fc-list")
    if fc_list is None:
        return None
    out = subprocess.run([fc_list, "--format", "%{file}\t%{index}\n", pattern], capture_output=True, text=True,
                         check=False, timeout=60).stdout
    found = sorted(line.split("\t") for line in out.splitlines() if "\t" in line)
    if not found:
        return None
    path, index = found[0]
    return Path(path), int(index or 0)


def library(use: str) -> Path | None:
    """The file of a shared library in LIBRARIES, or None."""
    pattern, _need = LIBRARIES[use]
    hits = sorted(glob.glob(pattern))
    return Path(hits[0]) if hits else None


def missing(kind: str, name: str) -> str:
    """Why a "tool", "font" or "library" is unavailable, naming its package (a test's skip reason)."""
    need = TOOLS[name] if kind == "tool" else {"font": FONTS, "library": LIBRARIES}[kind][name][1]
    return f"未找到{ {'tool': '命令', 'font': '字体', 'library': '库'}[kind] } {name}：{install_hint(need)}"


def packages() -> set[str]:
    """Every package named here that install.sh must install (the optional ones left out)."""
    needs = list(TOOLS.values()) + [n for _, n in FONTS.values()] + [n for _, n in LIBRARIES.values()]
    return {n.package for n in needs if not (n.optional or n.base)}
