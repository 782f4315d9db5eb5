"""Names the machine a benchmark ran on, the same way for every script in benchmarks/.

Figures are only comparable within one run: this machine is shared with other jobs (the load average says how
busy it was), so read the ratios a benchmark measures in one run, not absolute times across runs.
Scripts import it as `from machine import machine, machine_line` with benchmarks/ on sys.path.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _cpu() -> str:
    """The CPU model from /proc/cpuinfo, else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else []


def machine() -> dict:
    """node, cpu, cores, python and the 1/5/15-min load average now; only comparable within one run (shared machine)."""
    return {
        "node": platform.node(),
        "cpu": _cpu(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_at_start": _load(),
    }


def machine_line(*, load: bool = True) -> str:
    """One line for Markdown and string fields: "node · cpu · N cores · Python X · load Y at start"."""
    m = machine()
    line = f"{m['node']} · {m['cpu']} · {m['cores']} cores · Python {m['python']}"
    if load and m["load_average_at_start"]:
        line += f" · load {m['load_average_at_start'][0]:.1f} at start"
    return line
