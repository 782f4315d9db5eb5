"""`arbitration law …`: the law layer at the clerk's fingertips — claim types, statute articles, citations found in
a text, calculators by name (options mapped onto the calculator's parameters), 仲裁时效 and 终局 verdicts."""

from __future__ import annotations

import inspect
import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from arbitration.errors import ArbitrationError

console = Console()
err = Console(stderr=True)

law_app = typer.Typer(
    help="法律数据：请求类型、法条原文、法条引用识别、计算器、仲裁时效与终局裁决判断。",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# short option names clerks type → calculator parameter names, tried in order
OPTION_ALIASES: dict[str, tuple[str, ...]] = {
    "wage": ("monthly_wage", "wage", "previous_month_wage", "average_wage"),
    "hire": ("hire", "hire_date", "start"),
    "leave": ("leave", "leave_date", "end"),
    "city": ("city", "region"),
    "region": ("region", "city"),
    "average": ("average_wage",),
    "min": ("minimum", "standard"),
}


def _fail(message: str) -> None:
    err.print(f"[bold red]错误：[/]{escape(message)}", soft_wrap=True)
    raise typer.Exit(2)


def out(text: str) -> None:
    """Data text (statutes, steps, reasons) printed as is: no markup, no re-wrapping."""
    console.print(text, markup=False, highlight=False, soft_wrap=True)


# ------------------------------------------------------------------ parsing option values

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(text: str) -> date:
    """「2019-03-01」「2019/3/1」「2019年3月1日」 → date; ValueError otherwise."""
    m = _DATE.match(text)
    if not m:
        raise ValueError(f"日期格式应为 2019-03-01：{text}")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", "").replace("，", "").removesuffix("元"))
    except InvalidOperation:
        raise ValueError(f"应为数字：{text}") from None


def _mapping(text: str, key_is_int: bool) -> dict[Any, Decimal]:
    out: dict[Any, Decimal] = {}
    for part in re.split(r"[,，;；]", text):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(f"应写成 键=值，多个用逗号分隔：{text}")
        k, v = part.split("=", 1)
        out[int(k) if key_is_int else k.strip()] = _decimal(v.strip())
    return out


def convert(text: str | None, annotation: Any) -> Any:
    """One option value converted by the parameter's annotation (a string under postponed annotations)."""
    ann = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    if "bool" in ann.split("|")[0]:
        if text is None:
            return True
        if text.lower() in ("1", "true", "yes", "是", "y"):
            return True
        if text.lower() in ("0", "false", "no", "否", "n"):
            return False
        raise ValueError(f"应为 true 或 false：{text}")
    if text is None:
        raise ValueError("缺少取值")
    if ann.startswith("Mapping") or ("Mapping" in ann and "=" in text):
        return _mapping(text, key_is_int=ann.startswith("Mapping[int"))
    first = ann.split("|")[0].strip()
    if first == "date":
        return parse_date(text)
    if first == "Decimal":
        return _decimal(text)
    if first == "int":
        return int(text)
    if first == "float":
        return float(text)
    return text


def parse_options(args: list[str], fn: Any) -> dict[str, Any]:
    """`--hire 2019-03-01 --wage 8000 --city 青岛市` → keyword arguments of `fn` (by inspect.signature); a flag
    without a value is True. Unknown options and missing required parameters are errors naming them."""
    params = {
        p.name: p for p in inspect.signature(fn).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    }
    kwargs: dict[str, Any] = {}
    i = 0
    while i < len(args):
        raw = args[i]
        if not raw.startswith("--"):
            raise ValueError(f"无法识别的参数「{raw}」：参数应写成 --名称 值")
        name, _, inline = raw[2:].partition("=")
        key = name.replace("-", "_")
        candidates = (key, *OPTION_ALIASES.get(key, ()))
        target = next((c for c in candidates if c in params), None)
        if target is None:
            known = "、".join("--" + n.replace("_", "-") for n in params)
            raise ValueError(f"计算器没有参数 --{name}；可用参数：{known}")
        if inline:
            value: str | None = inline
            i += 1
        elif i + 1 < len(args) and not args[i + 1].startswith("--"):
            value = args[i + 1]
            i += 2
        else:
            value, i = None, i + 1
        try:
            kwargs[target] = convert(value, params[target].annotation)
        except ValueError as e:
            raise ValueError(f"--{name}：{e}") from None
    missing = [n for n, p in params.items() if p.default is p.empty and n not in kwargs]
    if missing:
        raise ValueError("缺少必需参数：" + "、".join("--" + n.replace("_", "-") for n in missing))
    return kwargs


# ------------------------------------------------------------------ commands


def types(
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
) -> None:
    """列出全部请求类型：标识、名称、类别、计算器、终局类别和法律依据。"""
    from arbitration.law import format_citation, taxonomy

    tax = taxonomy()
    if as_json:
        rows = [
            {"id": t.id, "name": t.name, "category": t.category, "calculator": t.calculator,
             "finality": t.finality, "remuneration": t.remuneration, "aliases": list(t.aliases),
             "articles": [format_citation(c) for c in t.articles]}
            for t in tax.all()
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table(title="请求类型", show_lines=False)
    for col in ("标识", "名称", "类别", "计算器", "终局", "法律依据"):
        table.add_column(col, overflow="fold")
    finality_names = {"amount": "小额（第47条第1项）", "standard": "标准争议（第47条第2项）", "": "否"}
    for t in tax.all():
        arts = "、".join(f"{c.law}第{c.article}条" for c in t.articles)
        table.add_row(t.id, t.name, t.category, t.calculator or "—", finality_names.get(t.finality, t.finality), arts)
    console.print(table)


def show_type(type_id: str = typer.Argument(..., help="请求类型标识，如 severance")) -> None:
    """显示一个请求类型的要件、所需事实、常用证据、询问提纲和法律依据。"""
    from arbitration.law import format_citations, taxonomy
    from arbitration.model import FACT_NAMES

    try:
        t = taxonomy().get(type_id)
    except ArbitrationError as e:
        _fail(str(e))
    console.print(f"[bold]{t.name}[/]（{t.id}，{t.category}）")
    out("常见表述：" + "、".join(t.aliases))
    out("要件：")
    for n, el in enumerate(t.elements, start=1):
        facts = "、".join(FACT_NAMES.get(f, f) for f in el.facts) or "—"
        out(f"  {n}. {el.name}（事实：{facts}；证据：{'、'.join(el.evidence)}）")
    out("问申请人：" + " ".join(t.questions_applicant))
    out("问被申请人：" + " ".join(t.questions_respondent))
    out("法律依据：" + format_citations(list(t.articles)))


def article(
    law: str = typer.Argument(..., help="法规名称或简称，如 劳动合同法、调解仲裁法"),
    number: str = typer.Argument(..., help="条号，如 47 或 四十七"),
    clause: int = typer.Option(None, "--clause", "-k", help="款"),
    item: int = typer.Option(None, "--item", "-x", help="项"),
) -> None:
    """显示法条原文，如：arbitration law article 劳动合同法 47。"""
    from arbitration.law import format_citation, from_chinese, statutes
    from arbitration.model import Citation

    try:
        n = from_chinese(number.strip().removeprefix("第").removesuffix("条"))
    except ValueError:
        _fail(f"条号无法识别：{number}")
    c = Citation(law=law, article=n, clause=clause, item=item)
    try:
        text = statutes().text(c)
        title = format_citation(c)
        where = statutes().resolve(c).chapter
    except ArbitrationError as e:
        _fail(str(e))
    console.print(f"[bold]{escape(title)}[/]" + (f"（{escape(where)}）" if where else ""))
    print(text)


def find(text: str = typer.Argument(..., help="一段文字，或文本文件路径")) -> None:
    """找出一段文字中引用的法条，并逐条核对能否在法规数据中找到。"""
    from pathlib import Path

    from arbitration.law import find_citations, format_citation, statutes

    p = Path(text)
    if len(text) < 255 and p.is_file():
        text = p.read_text(encoding="utf-8")
    found = find_citations(text)
    if not found:
        out("未发现法条引用。")
        return
    bad = 0
    for c in found:
        if statutes().exists(c):
            console.print(f"[green]✓[/] {format_citation(c)}")
        else:
            bad += 1
            console.print(f"[red]✗[/] {escape(str(c))}（法规数据中不存在，请核对）")
    if bad:
        raise typer.Exit(1)


def match(text: str = typer.Argument(..., help="一项仲裁请求，如「支付违法解除劳动合同赔偿金48000元」")) -> None:
    """判断一项仲裁请求属于哪种请求类型（含合并请求中的各类型）。"""
    from arbitration.law import taxonomy

    tax = taxonomy()
    type_id, confidence = tax.match(text)
    out(f"{tax.name(type_id)}（{type_id}，置信度 {confidence:.2f}）")
    also = [t for t in tax.match_all(text) if t != type_id]
    if also:
        out("同一句中还有：" + "、".join(f"{tax.name(t)}（{t}）" for t in also))


def calculators_cmd() -> None:
    """列出全部计算器及其参数（参数名中的下划线写作连字符，如 --monthly-wage）。"""
    from arbitration.law import calculators

    table = Table(title="计算器")
    table.add_column("名称")
    table.add_column("参数（* 为必需）", overflow="fold")
    table.add_column("说明", overflow="fold")
    for name, fn in calculators.CALCULATORS.items():
        params = []
        for p in inspect.signature(fn).parameters.values():
            flag = "--" + p.name.replace("_", "-")
            params.append(flag + ("*" if p.default is p.empty else ""))
        doc = (inspect.getdoc(fn) or "").splitlines()[0] if inspect.getdoc(fn) else ""
        table.add_row(name, " ".join(params), doc)
    console.print(table)


def calc(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="计算器名称，如 severance、overtime（arbitration law calculators 列出全部）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出计算结果"),
) -> None:
    """按名称运行计算器，输出金额、公式、计算步骤和法律依据。其余参数按计算器的参数名给出，如：
    arbitration law calc severance --hire 2019-03-01 --leave 2023-06-30 --wage 8000 --city 青岛市"""
    from arbitration.law import calculators, format_citations

    try:
        fn = calculators.get(name)
    except KeyError as e:
        _fail(e.args[0])
    try:
        kwargs = parse_options(list(ctx.args), fn)
    except ValueError as e:
        _fail(f"{name}：{e}")
    try:
        result = fn(**kwargs)
    except ArbitrationError as e:
        _fail(str(e))
    if as_json:
        print(result.model_dump_json(indent=1))
        return
    console.print(f"[bold]{name}[/]：[bold green]{result.amount:.2f}元[/]")
    out(f"公式：{result.formula}")
    out("计算步骤：")
    for n, step in enumerate(result.steps, start=1):
        out(f"  {n}. {step}")
    if result.notes:
        out("说明：")
        for note in result.notes:
            out(f"  - {note}")
    out("法律依据：" + format_citations(list(result.articles)))


def limitation_cmd(
    claim_type: str = typer.Argument(..., help="请求类型标识，如 overtime、severance"),
    applied: str = typer.Option(..., "--applied", help="申请仲裁日期，如 2023-06-30"),
    leave: str = typer.Option(None, "--leave", help="劳动关系终止日期"),
    ongoing: bool = typer.Option(False, "--ongoing", help="劳动关系仍存续"),
    known: str = typer.Option(None, "--known", help="知道或者应当知道权利被侵害之日（默认取终止日期）"),
    interruption: list[str] = typer.Option(None, "--interruption", help="时效中断之日（可多次给出）"),  # noqa: B008
) -> None:
    """判断一项请求是否超过仲裁时效（劳动争议调解仲裁法第二十七条）。"""
    from arbitration.law import format_citations, limitation

    try:
        r = limitation(
            claim_type,
            parse_date(leave) if leave else None,
            parse_date(applied),
            employment_ongoing=ongoing,
            interruptions=[parse_date(d) for d in interruption or []],
            known_date=parse_date(known) if known else None,
        )
    except (ArbitrationError, ValueError) as e:
        _fail(str(e))
    console.print(f"[bold]{r.verdict}[/]")
    out(r.reason)
    for note in (*r.notes, *r.general_notes):
        out(f"  - {note}")
    out("法律依据：" + format_citations(list(r.articles)))


def finality_cmd(
    claim_type: str = typer.Argument(..., help="请求类型标识"),
    amount: str = typer.Argument(None, help="裁决确定的数额（元）"),
    city: str = typer.Option(None, "--city", help="城市（默认取配置中的 region）"),
    on: str = typer.Option(None, "--on", help="裁决日期（默认今天）"),
    standard: bool = typer.Option(False, "--standard", help="属于执行国家劳动标准的争议（第四十七条第二项）"),
) -> None:
    """判断一项裁决事项是否为终局裁决（劳动争议调解仲裁法第四十七条），并给出救济告知。"""
    from arbitration.config import settings
    from arbitration.law import finality, format_citations, notice

    try:
        r = finality(
            claim_type,
            _decimal(amount) if amount else None,
            city or settings().region,
            parse_date(on) if on else None,
            standard_dispute=standard,
        )
    except (ArbitrationError, ValueError) as e:
        _fail(str(e))
    console.print(f"[bold]{r.verdict}[/]")
    out(r.reason)
    for note in r.notes:
        out(f"  - {note}")
    out("法律依据：" + format_citations(list(r.articles)))
    out("救济告知：" + notice(r.final))


region_app = typer.Typer(
    help="地区参数（月最低工资标准、上年度职工月平均工资）：本机构录入一次，各环节通用。",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@region_app.command(name="set")
def region_set(
    city: str = typer.Argument(..., help="城市（设区的市），如 青岛市"),
    source: str = typer.Option(..., "--source", help="来源：发布机关、文件名称或文号（必填）"),
    year: int = typer.Option(None, "--year", help="职工月平均工资的统计年度（即“上年度”），与 --average-wage 同用"),
    average_wage: str = typer.Option(None, "--average-wage", help="职工月平均工资（元）"),
    minimum_wage: str = typer.Option(None, "--minimum-wage", help="月最低工资标准（元），与 --effective 同用"),
    effective: str = typer.Option(None, "--effective", help="月最低工资标准的生效日期，如 2021-10-01"),
    verified: bool = typer.Option(False, "--verified", help="已与官方文件核对（未核对的数字在计算和文书中标【未经核对】）"),
    tier: str = typer.Option("", "--tier", help="最低工资档次（可不填）"),
) -> None:
    """录入（或更正）本机构的地区参数，保存在数据目录的 regions.toml 中，计算、提纲、裁决书起草和网页工作台通用。例：
    arbitration law region set 青岛市 --year 2023 --average-wage 9000 --source "青岛市统计局《2023年统计公报》" --verified"""
    from arbitration.law.regions import office_file, set_figure

    if (average_wage is None) == (minimum_wage is None):
        _fail("请给出 --average-wage（同时给出 --year）或 --minimum-wage（同时给出 --effective）之一")
    try:
        if average_wage is not None:
            fig = set_figure("average_wage", city, _decimal(average_wage), source, year=year, verified=verified)
            what = f"{fig.city}{fig.year}年度职工月平均工资{fig.monthly}元"
        else:
            if not effective:
                _fail("月最低工资标准须写明 --effective 生效日期，如 2021-10-01")
            fig = set_figure("minimum_wage", city, _decimal(minimum_wage), source, effective=parse_date(effective),
                             verified=verified, tier=tier)
            what = f"{fig.city}自{fig.effective}起月最低工资标准{fig.monthly}元"
    except (ArbitrationError, ValueError) as e:
        _fail(str(e))
    out(f"已录入：{what}（来源：{fig.source}）")
    out(f"保存在：{office_file()}")


@region_app.command(name="list")
def region_list(city: str = typer.Argument(None, help="只列出该城市")) -> None:
    """列出已有的地区参数及其来源（内置的与本机构录入的）。"""
    from arbitration.law.regions import regions

    data = regions()
    want = data.city(city) if city else None
    for f in sorted(data.figures, key=lambda f: (f.city, f.kind, f.effective or date.min, f.year or 0)):
        if want and f.city != want:
            continue
        what = (f"{f.effective}起月最低工资标准" if f.kind == "minimum_wage" else f"{f.year}年度职工月平均工资")
        out(f"{f.city}{what}{f.monthly}元（{'已核对' if f.verified else '未核对'}；来源：{f.source}）")
    out("已读取：" + "、".join(str(p) for p in data.files))


def register(app: typer.Typer) -> None:
    law_app.command(name="types")(types)
    law_app.command(name="type")(show_type)
    law_app.command(name="article")(article)
    law_app.command(name="find")(find)
    law_app.command(name="match")(match)
    law_app.command(name="calculators")(calculators_cmd)
    law_app.command(
        name="calc", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
    )(calc)
    law_app.command(name="limitation")(limitation_cmd)
    law_app.command(name="finality")(finality_cmd)
    law_app.add_typer(region_app, name="region")
    app.add_typer(law_app, name="law")
