"""地区参数 page (issue 15 item 8): an admin enters the office's figure once in the web workspace, with its source
and verified flag; every stage reads it; other roles cannot."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest


@pytest.fixture
def fresh_regions():
    from arbitration.law import regions

    regions.regions.cache_clear()
    yield regions
    regions.regions.cache_clear()


def test_admin_enters_qingdao_average_wage_once_for_every_stage(web, fresh_regions):
    """No 青岛市 average wage ships; the admin enters 2023 = 9000 (source required) and the severance calculator
    uses it: 2019-03-01 to 2024-06-30 → 5.5 months; wage 30000 capped at 3 × 9000 → 27000 × 5.5 = 148500."""
    from arbitration.law import calculators

    admin = web.login("admin")
    page = admin.get("/admin/regions")
    assert page.status_code == 200 and "地区参数" in page.text and "青岛市" in page.text
    form = {"csrf_token": admin.csrf, "kind": "average_wage", "city": "青岛", "monthly": "9000", "year": "2023",
            "source": "青岛市统计局统计公报（测试）", "verified": "on"}
    r = admin.post("/admin/regions", data={**form, "source": ""})
    assert r.status_code == 400 and "来源" in r.text
    r = admin.post("/admin/regions", data=form)
    assert r.status_code == 303
    assert "青岛市统计局统计公报（测试）" in admin.get(r.headers["location"]).text
    assert (web.data_dir / "regions.toml").is_file()
    fig = fresh_regions.regions().average_wage("青岛市", 2023)
    assert fig.monthly == Decimal(9000) and fig.verified
    amount = calculators.severance(date(2019, 3, 1), date(2024, 6, 30), 30000, city="青岛市").amount
    assert amount == Decimal("148500.00")


def test_only_admins_and_only_with_csrf(web, fresh_regions):
    arb = web.login("arb")
    assert arb.get("/admin/regions").status_code == 403
    admin = web.login("admin")
    del admin.headers["X-CSRF-Token"]
    r = admin.post("/admin/regions", data={"kind": "average_wage", "city": "青岛市", "monthly": "9000", "year": "2023",
                                           "source": "x"})
    assert r.status_code == 403 and not (web.data_dir / "regions.toml").exists()
