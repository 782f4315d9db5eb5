"""LocalAgreement-2 on scripted hypotheses: exact commits, no I/O."""

from arbitration.hearing.asr import Word
from arbitration.hearing.policy import HypothesisBuffer, LocalAgreement


def words(*spec):
    """("甚至", 0.0, 0.5), … → Words."""
    return [Word(s, e, t) for t, s, e in spec]


def text(ws):
    return "".join(w.text for w in ws)


def test_commits_longest_common_prefix_of_two_hypotheses():
    p = LocalAgreement()
    assert p.update(words(("申请人", 0.0, 0.6), ("入", 0.6, 0.8)), 0.0) == []  # first hypothesis: nothing agreed
    assert text(p.tentative()) == "申请人入"
    new = p.update(words(("申请人", 0.0, 0.6), ("入职", 0.6, 1.0), ("时间", 1.0, 1.4)), 0.0)
    assert text(new) == "申请人"  # 「入」≠「入职」: agreement stops there
    assert text(p.tentative()) == "入职时间"
    new = p.update(words(("申请人", 0.0, 0.6), ("入职", 0.6, 1.0), ("时间", 1.0, 1.4), ("是", 1.4, 1.6)), 0.0)
    assert text(new) == "入职时间"
    assert text(p.committed) == "申请人入职时间"
    assert text(p.finish()) == "是"
    assert text(p.committed) == "申请人入职时间是"
    assert p.tentative() == []


def test_disagreeing_hypotheses_commit_nothing():
    p = LocalAgreement()
    p.update(words(("经济", 0.0, 0.4), ("不长", 0.4, 0.9)), 0.0)
    assert p.update(words(("金鸡", 0.0, 0.4), ("补偿", 0.4, 0.9)), 0.0) == []
    assert p.committed == []


def test_buffer_offset_shifts_times_and_committed_words_are_not_repeated():
    p = LocalAgreement()
    p.update(words(("我", 0.0, 0.2), ("要求", 0.2, 0.6)), 0.0)
    p.update(words(("我", 0.0, 0.2), ("要求", 0.2, 0.6)), 0.0)
    assert text(p.committed) == "我要求"
    p.trimmed(0.6)  # the audio buffer was cut at 0.6 s: next hypotheses are relative to it
    p.update(words(("支付", 0.0, 0.4), ("加班费", 0.4, 1.0)), 0.6)
    new = p.update(words(("支付", 0.0, 0.4), ("加班费", 0.4, 1.0)), 0.6)
    assert text(new) == "支付加班费"
    assert (new[0].start, new[-1].end) == (0.6, 1.6)
    assert text(p.committed) == "我要求支付加班费"


def test_engine_repeating_the_committed_tail_is_dropped():
    b = HypothesisBuffer()
    b.insert(words(("二倍", 0.0, 0.5), ("工资", 0.5, 1.0)), 0.0)
    b.flush()
    b.insert(words(("二倍", 0.0, 0.5), ("工资", 0.5, 1.0)), 0.0)
    assert text(b.flush()) == "二倍工资"
    # the engine hears the committed tail again (times drifted past the commit) and then new words
    b.insert(words(("工资", 1.0, 1.2), ("差额", 1.2, 1.6)), 0.0)
    b.flush()
    b.insert(words(("工资", 1.0, 1.2), ("差额", 1.2, 1.6)), 0.0)
    assert text(b.flush()) == "差额"


def test_trim_point_at_sentence_end_or_when_buffer_is_long():
    p = LocalAgreement(trim_after_s=5.0)
    hyp = words(("我不同意。", 0.0, 1.0), ("因为", 1.0, 1.5))
    p.update(hyp, 0.0)
    p.update(hyp, 0.0)
    assert p.trim_point(0.0, 2.0) == 1.0  # committed sentence end
    q = LocalAgreement(trim_after_s=5.0)
    hyp = words(("没有", 0.0, 1.0), ("签订", 1.0, 2.0))
    q.update(hyp, 0.0)
    q.update(hyp, 0.0)
    assert q.trim_point(0.0, 3.0) is None  # short buffer, no sentence end: keep it
    assert q.trim_point(0.0, 6.0) == 2.0  # too long: cut after the last committed word


def test_prompt_is_the_committed_tail():
    p = LocalAgreement()
    hyp = words(("劳动", 0.0, 0.5), ("合同", 0.5, 1.0))
    p.update(hyp, 0.0)
    p.update(hyp, 0.0)
    assert p.prompt() == "劳动合同"
    assert p.prompt(max_chars=2) == "合同"


def test_hallucinated_loops_are_cut_keeping_one_copy():
    from arbitration.hearing.asr import drop_loops

    def ws(s):
        return [Word(i * 0.1, i * 0.1 + 0.1, t) for i, t in enumerate(s.split())]

    assert text(drop_loops(ws("我 要求 支付 " + "3 - 2 - " * 8))) == "我要求支付"
    assert text(drop_loops(ws("好 " * 9))) == "好"
    assert text(drop_loops(ws("换 一首 歌 1 - 2 - 3 - 4 - 4 - 4 - 4"))) == "换一首歌"
    assert text(drop_loops(ws("歌 。 1 - 2 - 我 有"))) == "歌。我有"
    assert text(drop_loops(ws("电话 138 - 1234 - 5678 ， 8000 元 ， 第 3 条"))) == "电话138-1234-5678，8000元，第3条"
    assert text(drop_loops(ws("是 是 是 团圆 是 温暖"))) == "是是是团圆是温暖"  # said, not a loop
    assert text(drop_loops(ws("哈哈 哈哈 哈哈 哈哈"))) == "哈哈哈哈哈哈哈哈"


def test_a_squeezed_closing_echo_is_dropped_but_a_said_repeat_stays():
    from arbitration.hearing.asr import drop_echo

    said = [Word(0.2 * i, 0.2 * i + 0.2, t) for i, t in enumerate(["各位", "观", "众", "晚上", "好"])]
    echo = [Word(4.1 + 0.02 * i, 4.12 + 0.02 * i, w.text) for i, w in enumerate(said)]
    assert text(drop_echo(said + echo)) == "各位观众晚上好"
    again = [Word(w.start + 1.2, w.end + 1.2, w.text) for w in said]  # said twice at the same pace
    assert text(drop_echo(said + again)) == "各位观众晚上好各位观众晚上好"


def test_an_echo_that_begins_in_the_forced_words_is_cut():
    """The committing pass on the mock hearing: forced 「第三支付…的经济」, new 「补偿19500元。」 and then the whole
    sentence again squeezed into the rest of the window; judged on the new words alone it was not an echo."""
    from arbitration.hearing.asr import after_forced, drop_loops

    said = [Word(0.3 * i, 0.3 * i + 0.3, t) for i, t in enumerate(["第三", "支付", "解除", "劳动合同", "的", "经济"])]
    new = [Word(1.8, 2.1, "补偿"), Word(2.1, 2.6, "19500"), Word(2.6, 2.8, "元。")]
    echo = [Word(2.9 + 0.03 * i, 2.93 + 0.03 * i, w.text) for i, w in enumerate(said + new)]
    assert text(drop_loops(new + echo)) == text(new + echo)  # the old rule: kept
    assert text(after_forced(said, new + echo)) == "补偿19500元。"
    assert text(after_forced(said, new)) == "补偿19500元。" and after_forced([], new) == new


def test_a_zero_length_loop_inside_a_window_is_cut_with_what_follows():
    """Whisper base on the mock hearing under load: a sentence, then the same sentence looped at zero length (with
    a word of 0.1 s among them), then a piece of it again; the record got the sentence three times."""
    from arbitration.hearing.asr import drop_echo

    said = [Word(0.2 * i, 0.2 * i + 0.2, t) for i, t in enumerate(["同意", "调解", "但是", "需要", "庭后", "商量。"])]
    loop = [Word(1.2, 1.2, w.text) for w in said[:-1]] + [Word(1.2, 1.3, "商量。")]
    tail = [Word(1.3, 1.3, w.text) for w in said[:3]]
    assert text(drop_echo(said + loop + loop + tail)) == "同意调解但是需要庭后商量。"


def test_first_pause_after_speech():
    import numpy as np

    from arbitration.hearing.online import first_pause

    voiced = np.array([3, 4, 5, 6, 30, 31, 32])
    assert first_pause(voiced, 40, 18) == 7  # the 23-window gap inside the buffer
    assert first_pause(voiced, 40, 25) is None  # no gap that long, and the buffer ends in speech + 7 windows
    assert first_pause(voiced, 60, 25) == 33  # the pause at the end of the buffer
    assert first_pause(np.array([], int), 40, 5) is None
