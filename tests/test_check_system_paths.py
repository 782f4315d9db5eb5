"""The CI check that every system path, tool and font the code names comes from a package scripts/install.sh
installs (scripts/check_system_paths.py): planted paths and tools are caught, provided ones pass."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from arbitration import system

ROOT = Path(__file__).resolve().parents[1]


def check():
    if "check_system_paths" not in sys.modules:
        spec = importlib.util.spec_from_file_location("check_system_paths", ROOT / "scripts" / "check_system_paths.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["check_system_paths"] = module
        spec.loader.exec_module(module)
    return sys.modules["check_system_paths"]


NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"  # system-path: planted
LIB = "/usr/lib/x86_64-linux-gnu/alsa-lib/x.so"  # system-path: planted
PLANTED = f'''
import shutil
import subprocess
from pathlib import Path

FONT = Path("{WQY}")  # not from a listed package
NOTO = "{NOTO}"  # provided


def test_planted():
    assert shutil.which("tesseract")
    subprocess.run(["espeak-ng", "你好"])
    subprocess.run(["pactl", "info"])
'''


def planted(tmp_path: Path, text: str) -> Path:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_planted.py").write_text(text, encoding="utf-8")
    return tmp_path


def test_planted_path_and_tools_are_caught(tmp_path):
    c = check()
    have = c.Provided({"fonts-noto-cjk", "pulseaudio-utils"}, {NOTO, "/usr/bin/pactl"})
    tools = {"pactl": system.Need("pulseaudio-utils"), "tesseract": system.Need("tesseract-ocr", optional=True)}
    bad = c.violations(planted(tmp_path, PLANTED), have, tools=tools, fonts={}, libraries={})
    assert len(bad) == 3, bad
    assert f"tests/test_planted.py:6: {WQY} is not installed" in bad[0]
    assert "shutil.which('tesseract')" in bad[1]  # an optional tool, but looked up past arbitration.system
    assert "'espeak-ng' is not declared" in bad[2]


def test_provided_paths_and_declared_tools_pass(tmp_path):
    c = check()
    glob = LIB.replace("x86_64-linux-gnu", "*")
    text = f'import subprocess\nFONT = "{NOTO}"\nLIB = "{glob}"\nsubprocess.run(["pactl", "info"])\n'
    have = c.Provided({"fonts-noto-cjk", "pulseaudio-utils"}, {NOTO, "/usr/bin/pactl", LIB})
    tools = {"pactl": system.Need("pulseaudio-utils")}
    assert c.violations(planted(tmp_path, text), have, tools=tools, fonts={}, libraries={}) == []


def test_a_font_or_library_from_a_package_install_sh_leaves_out_is_caught(tmp_path):
    c = check()
    have = c.Provided({"fonts-noto-cjk"}, {NOTO})
    fonts = {"cjk-truetype": ("WenQuanYi Zen Hei", system.Need("fonts-wqy-zenhei"))}
    libraries = {"alsa-pulse": ("/usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so", system.Need("libasound2-plugins"))}
    bad = c.violations(planted(tmp_path, "x = 1\n"), have, tools={}, fonts=fonts, libraries=libraries)
    assert [b.split(":")[1].split()[:2] for b in bad] == [["font", "cjk-truetype"], ["library", "alsa-pulse"]]


def test_install_sh_lists_every_package_the_system_helper_names():
    listed = check().install_packages(ROOT / "scripts" / "install.sh")
    assert system.packages() <= listed, system.packages() - listed
    assert {"fonts-wqy-zenhei", "fontconfig", "fonts-noto-cjk", "chromium"} <= listed


def test_this_tree_passes_on_a_machine_install_sh_has_set_up():
    c = check()
    if system.tool("dpkg-query") is None:
        pytest.skip("not a Debian system (no dpkg-query)")
    listed = c.install_packages(ROOT / "scripts" / "install.sh")
    try:
        have = c.provided(listed)
    except SystemExit as e:
        pytest.skip(str(e))
    assert c.violations(ROOT, have) == []
