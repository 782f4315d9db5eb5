"""地区参数 in the web workspace: an admin sees every regional figure with its source and enters the office's own
once (arbitration.law.regions.set_figure — the same data_dir/regions.toml `arbitration law region set` writes, read
by every stage)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from arbitration.errors import ArbitrationError
from arbitration.web.api import audit, ws_of
from arbitration.web.app import require_roles
from arbitration.web.store import User

router = APIRouter(include_in_schema=False)
KINDS = {"average_wage": "上年度职工月平均工资", "minimum_wage": "月最低工资标准"}


def _page(request: Request, status_code: int = 200, **ctx) -> HTMLResponse:
    from arbitration.law.regions import office_file, regions
    from arbitration.web.pages import render

    data = regions()
    rows = [{"city": f.city, "kind": KINDS[f.kind], "monthly": f.monthly, "verified": f.verified, "source": f.source,
             "when": str(f.effective) if f.kind == "minimum_wage" else f"{f.year}年度"}
            for f in sorted(data.figures, key=lambda f: (f.city, f.kind, f.effective or date.min, f.year or 0))]
    return render(request, "regions.html", status_code=status_code, rows=rows, kinds=KINDS,
                  office_file=str(office_file(ws_of(request).data_dir)), **ctx)


@router.get("/admin/regions")
def regions_page(request: Request, saved: str = Query("", max_length=120),
                 user: User = Depends(require_roles("admin"))) -> HTMLResponse:
    audit(request, user, "view", "regions")
    return _page(request, saved=saved)


@router.post("/admin/regions")
def regions_set(request: Request, kind: Annotated[str, Form(max_length=20)] = "",
                city: Annotated[str, Form(max_length=40)] = "", monthly: Annotated[str, Form(max_length=20)] = "",
                source: Annotated[str, Form(max_length=300)] = "", year: Annotated[str, Form(max_length=4)] = "",
                effective: Annotated[str, Form(max_length=10)] = "", verified: Annotated[str, Form(max_length=5)] = "",
                user: User = Depends(require_roles("admin"))) -> Response:
    """Enter one figure; a figure without source, year or effective date is refused with the reason."""
    from arbitration.law.regions import set_figure

    if kind not in KINDS:
        return _page(request, 400, error="请选择参数种类")
    try:
        fig = set_figure(kind, city, monthly.strip(), source, verified=verified == "on",
                         year=int(year) if kind == "average_wage" and year.strip().isdigit() else None,
                         effective=date.fromisoformat(effective) if kind == "minimum_wage" and effective else None,
                         data_dir=ws_of(request).data_dir)
    except (ArbitrationError, ValueError) as e:
        return _page(request, 400, error=str(e)[:300])
    what = f"{fig.city}{fig.year}年度" if fig.year else f"{fig.city}{fig.effective}起"
    what += f"{KINDS[kind]}{fig.monthly}元"
    audit(request, user, "edit", "regions", what)
    return RedirectResponse(f"/admin/regions?saved={what}", status_code=303)
