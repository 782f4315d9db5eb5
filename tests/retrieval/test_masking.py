from arbitration.masking import mask_org, mask_person, mask_text


def test_mask_person_single_and_compound_surnames():
    assert mask_person("张三") == "张某"
    assert mask_person("王小明") == "王某"
    assert mask_person("欧阳娜娜") == "欧阳某"
    assert mask_person("司马光") == "司马某"
    assert mask_person("张某") == "张某"  # already masked


def test_mask_org_keeps_city_and_form():
    assert mask_org("青岛某某科技有限公司") == "青岛某某公司"
    assert mask_org("青岛海信电器股份有限公司") == "青岛某某公司"
    assert mask_org("山东省青岛市黄岛区鑫源机械厂") == "青岛某某厂"
    assert mask_org("北京字节跳动科技有限公司") == "北京某某公司"
    assert mask_org("上海市好运餐饮管理有限公司第一分公司") == "上海某某分公司"


def test_mask_text_removes_identifiers():
    text = (
        "申请人张三，男，身份证号370202199001011234，住址青岛市市南区香港中路10号2单元301室，"
        "电话13812345678，座机0532-88889999，工资卡账号6222 0216 0201 2345 678。"
        "被申请人青岛鑫源科技有限公司，法定代表人李四。张三于2019年3月1日入职，月工资8000元。"
    )
    out = mask_text(text, persons=["张三", "李四"], orgs=["青岛鑫源科技有限公司"])
    for secret in ("张三", "李四", "199001011234", "13812345678", "88889999", "香港中路", "0201 2345", "鑫源"):
        assert secret not in out, secret
    assert "张某" in out and "李某" in out and "青岛某某公司" in out
    assert "370202" in out  # the region code part of the ID number stays
    assert "2019年3月1日" in out and "8000元" in out  # dates and amounts are not personal data
    assert out.count("5678") == 1  # last four digits of the account kept, as published awards do


def test_mask_text_keep_orgs():
    out = mask_text("被申请人青岛鑫源科技有限公司", orgs=["青岛鑫源科技有限公司"], keep_orgs=True)
    assert "青岛鑫源科技有限公司" in out
