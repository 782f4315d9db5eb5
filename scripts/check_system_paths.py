"""Fail when a test or module names a system resource that scripts/install.sh does not provide.

    .venv/bin/python scripts/check_system_paths.py      # after `bash scripts/install.sh --test` (.ci/run)

What counts as provided: the files (`dpkg -L`) of the Debian packages install.sh lists, of the packages they depend
on, and of the essential base system. What is checked, in every source, script and config file of the project:
- an absolute system path (/usr/…, /opt/…, /etc/…, /lib/…; a glob too) must be one of those files;
- a command run or looked up by name must be declared in arbitration.system.TOOLS, with a package install.sh lists
  (or marked optional there), and tools are looked up through arbitration.system, never shutil.which directly;
- every font and library of arbitration.system must come from a package install.sh lists.
A machine where CI passes can have more installed than install.sh gives a fresh one; this check sees that.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("arbitration", "tests", "benchmarks", "pipelines", "scripts", "templates", ".ci")
SUFFIXES = {".py", ".sh", ".toml", ".cfg", ".ini", ".yml", ".yaml", ".txt", ".md", ""}
SKIPPED = {".venv", ".git", "__pycache__", "node_modules", "cases", "results"}  # tests/fixtures/cases: generated
PLANTED = "# system-path: planted"  # a line the check's own tests plant on purpose
SYSTEM_PATH = re.compile(r"(?<![\w.~$/-])(/(?:usr|opt|etc|lib|lib32|lib64|bin|sbin|snap|var/lib)(?:/[\w.*?+@%-]+)+)")
RUNNERS = {"run", "Popen", "call", "check_call", "check_output"}


@dataclass
class Provided:
    """What install.sh gives a fresh machine: the packages it installs (those it lists, their dependencies, the
    essential base) and every file they bring."""

    packages: set[str]
    files: set[str] = field(default_factory=set)

    def has(self, path: str) -> bool:
        path = path.rstrip("/")
        if any(ch in path for ch in "*?["):
            return any(fnmatch.fnmatch(f, path) for f in self.files)
        return path in self.files


def install_packages(install_sh: Path) -> set[str]:
    """The Debian packages install.sh installs: every `apt_pkgs=(…)` and `apt_pkgs+=(…)` list, comments dropped."""
    text = "\n".join(line.split("#", 1)[0] for line in install_sh.read_text(encoding="utf-8").splitlines())
    return {p for m in re.finditer(r"apt_pkgs\+?=\(([^)]*)\)", text) for p in m.group(1).split()}


def _installed() -> dict[str, tuple[list[list[str]], bool, list[str]]]:
    """Installed packages: name -> (dependency alternatives, essential, virtual names it provides)."""
    fmt = "${Package}\t${db:Status-Abbrev}\t${Essential}\t${Pre-Depends}, ${Depends}\t${Provides}\n"
    out = subprocess.run(["dpkg-query", "-W", "-f", fmt], capture_output=True, text=True, check=True).stdout
    table = {}
    names = lambda s: [re.sub(r"[\s(:].*", "", x.strip()) for x in s.split("|")]  # noqa: E731
    for line in out.splitlines():
        name, status, essential, depends, provides = (line.split("\t") + [""] * 5)[:5]
        if status.startswith("ii"):
            deps = [names(d) for d in depends.split(",") if d.strip()]
            table[name] = (deps, essential == "yes", [n for p in provides.split(",") if (n := names(p)[0])])
    return table


def provided(packages: set[str]) -> Provided:
    """The files of `packages`, of everything they depend on and of the essential base, from dpkg."""
    table = _installed()
    virtual = {v: name for name, (_, _, provides) in table.items() for v in provides}
    todo = [p for p in packages if p in table] + [p for p, (_, essential, _) in table.items() if essential]
    seen: set[str] = set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        for alternatives in table[p][0]:
            hit = next((a for a in alternatives if a in table), None) or next(
                (virtual[a] for a in alternatives if a in virtual), None)
            if hit:
                todo.append(hit)
    missing = packages - set(table)
    if missing:
        raise SystemExit(f"install.sh lists packages this machine lacks (run it first): {', '.join(sorted(missing))}")
    out = subprocess.run(["dpkg-query", "-L", *sorted(seen)], capture_output=True, text=True, check=False).stdout
    files = {line.strip() for line in out.splitlines() if line.startswith("/")}
    # a usrmerged system lists a command under /bin that lives under /usr/bin too
    files |= {"/usr" + f for f in files if f.startswith(("/bin/", "/sbin/", "/lib/", "/lib64/"))}
    return Provided(seen, files)


def sources(root: Path) -> list[Path]:
    out = []
    for top in SCANNED:
        base = root / top
        paths = [base] if base.is_file() else sorted(base.rglob("*")) if base.is_dir() else []
        for p in paths:
            rel = p.relative_to(root).parts
            if p.is_file() and p.suffix in SUFFIXES and not SKIPPED & set(rel[:-1]):
                out.append(p)
    return out


def named_paths(path: Path) -> list[tuple[int, str]]:
    """(line, path) of every absolute system path a file names; a shebang's interpreter is not counted."""
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    return [(i, m.group(1)) for i, line in enumerate(text.splitlines(), 1)
            if not line.startswith("#!") and not line.rstrip().endswith(PLANTED) for m in SYSTEM_PATH.finditer(line)]


def named_tools(path: Path) -> list[tuple[int, str, str]]:
    """(line, command, how) of every command a Python file runs by name or looks up: how is "which" for
    shutil.which, "run" for a subprocess call whose argv starts with a literal name, "tool" for system.tool."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, OSError):
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        first = node.args[0]
        if name == "which" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((node.lineno, first.value, "which"))
        elif name == "tool" and owner in ("system", "") and isinstance(first, ast.Constant):
            found.append((node.lineno, str(first.value), "tool"))
        elif name in RUNNERS and owner == "subprocess" and isinstance(first, ast.List | ast.Tuple) and first.elts:
            cmd = first.elts[0]
            if isinstance(cmd, ast.Constant) and isinstance(cmd.value, str) and not cmd.value.startswith("/"):
                found.append((node.lineno, cmd.value, "run"))
    return found


def violations(root: Path, have: Provided, tools=None, fonts=None, libraries=None) -> list[str]:
    """Everything the project names that `have` does not provide, one line each (file:line: what, why)."""
    from arbitration import system

    tools = system.TOOLS if tools is None else tools
    fonts = system.FONTS if fonts is None else fonts
    libraries = system.LIBRARIES if libraries is None else libraries
    bad = []
    for path in sources(root):
        rel = path.relative_to(root).as_posix()
        for line, named in named_paths(path):
            if not have.has(named):
                bad.append(f"{rel}:{line}: {named} is not installed by scripts/install.sh (no listed package has it)")
        for line, cmd, how in named_tools(path):
            if how == "which" and rel != "arbitration/system.py":
                bad.append(f"{rel}:{line}: shutil.which({cmd!r}): look tools up through arbitration.system.tool")
            need = tools.get(cmd)
            if need is None:
                bad.append(f"{rel}:{line}: command {cmd!r} is not declared in arbitration.system.TOOLS")
            elif not need.optional and need.package not in have.packages:
                bad.append(f"{rel}:{line}: command {cmd!r} needs {need.package}, which scripts/install.sh does not install")
    for use, (_pattern, need) in fonts.items():
        if not need.optional and need.package not in have.packages:
            bad.append(f"arbitration/system.py: font {use} needs {need.package}, which scripts/install.sh does not install")
    for use, (pattern, need) in libraries.items():
        if not need.optional and not (need.package in have.packages and have.has(pattern)):
            bad.append(f"arbitration/system.py: library {use} ({pattern}) is not provided by scripts/install.sh")
    for cmd, need in tools.items():
        if not need.optional and need.package in have.packages and not have.has(f"/usr/bin/{cmd}"):
            bad.append(f"arbitration/system.py: {need.package} has no /usr/bin/{cmd}")
    return bad


def main() -> int:
    sys.path.insert(0, str(ROOT))
    have = provided(install_packages(ROOT / "scripts" / "install.sh"))
    bad = violations(ROOT, have)
    from arbitration import system

    for use in system.FONTS:
        found = system.font(use)
        if found is None or not have.has(str(found[0])):
            bad.append(f"arbitration/system.py: font {use} is not installed from a package install.sh lists")
    for line in bad:
        print(line)
    print(f"check_system_paths: {len(bad)} problem(s); {len(have.packages)} packages installed, "
          f"{len(have.files)} files provided", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
