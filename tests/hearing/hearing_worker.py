"""A live clerk in its own process, for the SIGKILL test: records the given audio files as one hearing and prints
each segment as it is committed (after the fsync), so the test can kill it mid-hearing.

    python hearing_worker.py DATA_DIR HEARING_ID AUDIO [AUDIO ...]
"""

from __future__ import annotations

import json
import sys

import numpy as np


def main(data_dir: str, hearing_id: str, *audio_files: str) -> None:
    from arbitration.config import load_settings
    from arbitration.hearing import Hearing
    from arbitration.hearing.audio import file_frames, read_audio

    cfg = load_settings(data_dir=data_dir)

    def shown(seg) -> None:
        print("COMMIT " + json.dumps({"id": seg.id, "text": seg.text, "start": seg.start}, ensure_ascii=False),
              flush=True)

    h = Hearing.start(None, hearing_id, cfg=cfg, on_commit=shown)
    gap = np.zeros((int(0.8 * 16000), 1), np.float32)
    audio = np.concatenate([part for f in audio_files for part in (read_audio(f), gap)])
    print("READY", flush=True)
    for chunk in file_frames(audio, chunk_s=0.5, realtime=True, speed=4.0):
        h.feed(chunk)
    h.finish()
    h.close()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
