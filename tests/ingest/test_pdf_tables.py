"""Wage slips and bank statements: ruled tables come out as model.Table, cell text joined the Chinese way,
and are not repeated in the body text; a statement over several pages keeps every row once per page."""

from __future__ import annotations

import re
from decimal import Decimal

from ingest_paths import SAMPLE, fixture_builder

from arbitration.ingest import read_document
from arbitration.model import DocType, Method


def test_wage_slip_table():
    doc = read_document(SAMPLE / "工资条.pdf")
    assert doc.doc_type == DocType.WAGE_RECORD
    (table,) = doc.pages[0].tables
    assert table.page == 1
    assert table.rows[0] == ["月份", "基本工资", "岗位津贴", "绩效提成", "应发工资", "社保个人部分", "个税", "实发工资"]
    assert [r[0] for r in table.rows[1:]] == ["2023年10月", "2023年11月", "2023年12月", "2024年1月", "2024年2月", "2024年3月"]
    for row in table.rows[1:]:  # the slip adds up: gross = parts, net = gross - deductions
        base, allowance, bonus, gross, insurance, tax, net = (Decimal(c) for c in row[1:])
        assert base + allowance + bonus == gross
        assert gross - insurance - tax == net
    text = doc.pages[0].text
    assert text.count("2023年10月") == 1  # the table is in the text once, as tab-separated rows
    assert "2023年10月\t5500.00\t1000.00\t1000.00\t7500.00\t786.00\t34.20\t6679.80" in text


def test_multipage_bank_statement(tmp_path):
    builder = fixture_builder(font=True)
    rows = [["交易日期", "摘要", "交易金额", "余额", "对方户名"]]
    balance = Decimal("1000.00")
    for i in range(60):
        amount = Decimal("6500.00") if i % 3 == 0 else Decimal("-128.50")
        balance += amount
        rows.append([f"2023-{1 + i // 6:02d}-{1 + (i % 6) * 4:02d}", "工资" if amount > 0 else "消费", f"{amount:.2f}", f"{balance:.2f}", "青岛海润物流有限公司" if amount > 0 else "青岛市某某超市"])
    path = tmp_path / "银行流水.pdf"
    builder.write_pdf(
        path,
        ["#中国工商银行个人账户交易明细", "=户名：王丽华　　账号：6222 0216 0300 1234 567", rows],
        header="中国工商银行　个人客户交易明细",
        page_numbers=True,
    )
    doc = read_document(path)
    assert len(doc.pages) >= 2 and all(p.method == Method.TEXT_LAYER for p in doc.pages)
    assert doc.doc_type == DocType.WAGE_RECORD
    tables = [t for p in doc.pages for t in p.tables]
    assert len(tables) == len(doc.pages)
    assert all(t.rows[0] == rows[0] for t in tables)  # the header row repeats on each page
    body = [r for t in tables for r in t.rows[1:]]
    assert body == rows[1:]  # every transaction once, in order, numbers intact
    for page in doc.pages:
        assert "个人客户交易明细" not in page.text  # running header removed
        assert not re.search(r"第\s*\d+\s*页", page.text)  # page numbers removed
    assert doc.pages[0].text.split("\n")[1] == "户名：王丽华 账号：6222 0216 0300 1234 567"  # the field gap stays
