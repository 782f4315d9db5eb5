"""The spaCy pipeline: jieba tokens, Baidu LAC entities (real ONNX model), rule components with exact offsets."""

from __future__ import annotations

from decimal import Decimal

import pytest

TEXT = (
    "2021年3月1日，申请人王丽华入职青岛海润物流有限公司，月工资8000元，联系电话13912345678，"
    "公民身份号码370203198807161826。请求裁决被申请人支付经济补偿2.4万元。"
)


@pytest.fixture(scope="module")
def doc():
    from arbitration.extract import nlp

    return nlp()(TEXT)


@pytest.mark.slow
def test_pipeline_components_in_order():
    from arbitration.extract import nlp

    names = nlp().pipe_names
    assert names[0] == "arbitration_lac_ner"
    assert names.index("arbitration_dates") < names.index("arbitration_ranges")
    assert nlp() is nlp()  # built once per process


@pytest.mark.slow
def test_lac_entities_with_exact_offsets(doc):
    ents = {(e.text, e.label) for e in doc._.entities}
    assert ("王丽华", "PER") in ents and ("青岛海润物流有限公司", "ORG") in ents
    for e in doc._.entities:
        assert TEXT[e.start : e.end] == e.text
    assert {(s.text, s.label_) for s in doc.ents} >= {("王丽华", "PER"), ("青岛海润物流有限公司", "ORG")}


@pytest.mark.slow
def test_rule_components(doc):
    assert [m.amount for m in doc._.money] == [Decimal("8000.00"), Decimal("24000.00")]
    assert [d.text for d in doc._.dates] == ["2021年3月1日"]
    assert [p.number for p in doc._.phones] == ["13912345678"]
    assert [(c.kind, c.valid) for c in doc._.codes] == [("id_number", True)]
    [claim] = doc._.claims
    assert (claim.type, claim.amount) == ("severance", Decimal("24000.00"))
    assert doc.spans["money"][0].text.startswith("8000")  # span groups for spaCy tooling, aligned to tokens


def test_pipeline_without_ner_needs_no_model():
    from arbitration.extract.pipeline import build_pipeline

    d = build_pipeline(ner=False)("自2023年1月1日起至2023年6月30日止，月工资人民币伍仟元整。")
    assert d._.entities is None
    assert [(r.first_day.isoformat(), r.last_day.isoformat()) for r in d._.ranges] == [("2023-01-01", "2023-06-30")]
    assert [m.amount for m in d._.money] == [Decimal("5000.00")]
