"""The commission and the case's city read from the division names before 「…仲裁委员会」 (arbitration/data/places.toml):
a name or 「原告向」 before the place never joins it, and a county-level unit gives the city whose figures apply."""

from __future__ import annotations

import pytest

from arbitration.extract import build_case
from arbitration.extract.places import (
    city_named,
    commission_place,
    loose_commission,
    place_before,
)
from arbitration.ingest import classify
from arbitration.model import Document, Method, Page


@pytest.mark.parametrize("text, commission, city", [
    ("谢冬香向乌鲁木齐市劳动人事争议仲裁委员会申请仲裁", "乌鲁木齐市劳动人事争议仲裁委员会", "乌鲁木齐市"),
    ("原告向新沂市劳动争议仲裁委员会申请仲裁", "新沂市劳动争议仲裁委员会", "徐州市"),  # 县级市 → its 地级市
    ("被告向天津市滨海新区劳动人事争议仲裁委员会申请", "天津市滨海新区劳动人事争议仲裁委员会", "天津市"),
    ("新疆乌鲁木齐市劳动人事争议仲裁委员会", "新疆乌鲁木齐市劳动人事争议仲裁委员会", "乌鲁木齐市"),
    ("山东省青岛市崂山区劳动人事争议仲裁委员会", "山东省青岛市崂山区劳动人事争议仲裁委员会", "青岛市"),
    ("朝阳区劳动人事争议仲裁委员会", "朝阳区劳动人事争议仲裁委员会", None),  # 北京 or 朝阳市: the text does not say
])
def test_the_place_read_back_from_the_commission(text, commission, city):
    name, place = commission_place(text)
    assert (name, place.city) == (commission, city)


def test_no_division_name_no_place():
    assert commission_place("某某劳动仲裁委") is None
    assert place_before("王某向本委", 5) is None


def test_a_commission_whose_place_is_no_division_name():
    """A development zone's commission keeps its own name and the city it begins with; 「本市」 or a bare verb phrase
    before the commission names no place (the old reading made 「被告向本市」 the region)."""
    assert loose_commission("原告向青岛经济技术开发区劳动人事争议仲裁委员会申请仲裁") == (
        "青岛经济技术开发区劳动人事争议仲裁委员会", "青岛市")
    assert loose_commission("被告向本市劳动人事争议仲裁委员会申请仲裁") is None
    assert loose_commission("原告不服劳动人事争议仲裁委员会的裁决") is None


@pytest.mark.parametrize("name, city", [
    ("甘肃省兰州市城关区", "兰州市"),
    ("内蒙古自治区呼和浩特市劳动人事争议仲裁委员会", "呼和浩特市"),
    ("青岛劳动人事争议仲裁委员会", "青岛市"),  # a city's short name before the commission
    ("山东省青岛市中级人民法院", "青岛市"),
    ("济南中级人民法院", "济南市"),
    ("山东省劳动人事争议仲裁委员会", None),  # a province's own commission names no city
    ("恩施土家族苗族自治州", None),
    ("朝阳区", None),
])
def test_the_city_a_name_begins_with(name, city):
    assert city_named(name) == city


def test_a_worker_named_just_before_the_place_is_not_part_of_the_region():
    text = ("原告谢冬香诉称：原告于2016年3月入职被告乌鲁木齐某某物业服务有限公司。2019年5月，谢冬香向乌鲁木齐市劳动人事争议"
            "仲裁委员会申请仲裁，请求裁决被告支付工资8000元。\n被告某某物业公司辩称：不同意原告的诉讼请求。\n")
    doc = Document(file="起诉状及答辩.txt", sha256="0" * 64, pages=[Page(number=1, text=text, method=Method.TXT)])
    doc.doc_type, doc.type_confidence = classify(doc)
    case = build_case([doc])
    assert case.region == "乌鲁木齐市"
    assert case.commission == "乌鲁木齐市劳动人事争议仲裁委员会"
