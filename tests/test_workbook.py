"""The savings workbook: built from the release, recalculated by LibreOffice, equal to the model.

A small warehouse (three partnerships whose years are observed for different lengths, so
one year is projected for some partnerships and observed for others) is built with the
real build (models, economics, release). The workbook made from its 'workbook' cells is
recalculated by LibreOffice headless and must give the warehouse's figures to 1 kr.,
before and after changing inputs (against the model run with the same `--set` overrides).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from pipeline.build import build_models
from pipeline.economics import savings_report
from pipeline.economics.engine import cohorts_from_frames, scalars_from_values, status_paths, structure_from_values
from pipeline.parameters import load_parameters
from pipeline.privacy import contains_cpr
from pipeline.workbook import (
    WorkbookError,
    WorkbookInputs,
    inputs_from_warehouse,
    source_kind,
    write_workbook,
    write_workbook_from_warehouse,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "params" / "default.toml"
EXPORT_DATE = dt.date(2024, 6, 30)
# three changed inputs: (dotted key, new value); all live cells of the input sheet
CHANGES = (("model.discount_rate", 0.05), ("status.cash_benefit.annual_public_cost_dkk", 100000.0),
           ("programme_cost.per_youth_dkk", 90000.0))
RETENTION = 0.80
MONEY_TOLERANCE = 1.0  # kroner
SHARE_TOLERANCE = 1e-9


def _insert_export(con: duckdb.DuckDBPyConnection, partnership: str, first_end: dt.date, n: int) -> None:
    """n youths whose STU ended a month apart from first_end; some in jobs, some with a known cost."""
    export_id = f"{partnership}-x"
    con.execute("insert into exports_loaded (export_id, partnership_id, export_date, source_path, sha256, "
                "ingested_at, rows_read, rows_loaded, rows_quarantined, synthetic) "
                "values (?, ?, ?, 't', 's', now(), 0, 0, 0, true)", [export_id, partnership, EXPORT_DATE])
    for i in range(n):
        end = first_end + dt.timedelta(days=30 * i)
        pid = f"{partnership[:3]}{i}"
        cost = None if i % 3 == 0 else 50000.0 + 1000 * i
        con.execute("insert into participants_all (participant_id, partnership_id, municipality_code, "
                    "stu_start_date, stu_end_date, export_id, programme_cost_dkk) "
                    "values (?, ?, '851', date '2015-08-01', ?, ?, ?)", [pid, partnership, end, export_id, cost])
        status, category = [("ordinary_job", "job"), ("flexjob", "job"), ("education", "education"),
                             ("cash_benefit", "public_support"), ("protected_employment", "job")][i % 5]
        start = end + dt.timedelta(days=45 + 20 * i)
        stop = None if i % 4 else start + dt.timedelta(days=500)
        con.execute("insert into spells_all (participant_id, status, category, start_date, end_date, export_id) "
                    "values (?, ?, ?, ?, ?, ?)", [pid, status, category, start, stop, export_id])


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute((ROOT / "pipeline" / "warehouse_schema.sql").read_text())
    _insert_export(con, "mou-hotel-aalborg", dt.date(2019, 1, 31), 15)  # years 1–5 observed
    _insert_export(con, "pmu-morsoe", dt.date(2020, 3, 31), 14)  # years 1–4 observed, 5 projected
    _insert_export(con, "castberggaard-hedensted", dt.date(2019, 11, 30), 12)  # years 1–4 observed
    build_models(con, load_parameters(DEFAULT))
    return con


def _cells(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("select * from published_cells where report = 'workbook'").df()


def _parameters(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("select key, value, source from savings_parameters").df()


@pytest.fixture(scope="module")
def inputs(warehouse: duckdb.DuckDBPyConnection) -> WorkbookInputs:
    return WorkbookInputs.from_release(_cells(warehouse), _parameters(warehouse), synthetic=True,
                                       parameter_file=str(DEFAULT), parameter_sha256="ab" * 32)


def _projection_base(con: duckdb.DuckDBPyConnection) -> np.ndarray:
    """J_L(s): the job shares of the partnerships whose last observed year is L, weighted by youths
    over all partnerships with a result (the engine's own paths; what the release would publish)."""
    values = load_parameters(DEFAULT).values
    structure = structure_from_values(values)
    cohorts = cohorts_from_frames(con.execute("select * from savings_cohort").df(),
                                  con.execute("select * from savings_distribution").df(), structure.horizon)
    paths = status_paths(cohorts, structure, scalars_from_values(values).job_retention)
    base = np.zeros((structure.horizon, len(structure.statuses)))
    weights = np.where(paths.valid, cohorts.n_youth, 0.0)
    for p in np.flatnonzero(paths.valid):
        observed = [k for k in range(structure.horizon) if paths.source[p, k] == "observed"]
        if observed[-1] < structure.horizon - 1:
            base[observed[-1]] += weights[p] * np.where(structure.is_job, paths.share[0, p, observed[-1]], 0.0)
    return base / weights.sum()


def _with_projection_base(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The release's 'workbook' cells plus savings_projection_base_share (12 decimals, as the release rounds)."""
    cells = _cells(con)
    base = _projection_base(con)
    statuses = WorkbookInputs.from_release(cells, _parameters(con)).statuses
    extra = pd.DataFrame([
        {"report": "workbook", "table_name": "distribution", "quantity": "savings_projection_base_share",
         "partnership_id": "ALL", "year": k + 1, "category": status, "unit": "share",
         "value": round(float(base[k, j]), 12), "decimals": 12, "hidden": False}
        for k in range(base.shape[0]) for j, status in enumerate(statuses)])
    return pd.concat([cells, extra], ignore_index=True)


def _recalculate(paths: list[Path], out: Path, profile: Path) -> dict[str, Path]:
    """LibreOffice headless opens, recalculates and saves every workbook (one process)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed: apt-get install libreoffice-calc-nogui (make test does it)"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--calc",
                    "--convert-to", "xlsx", "--outdir", str(out), *map(str, paths)],
                   check=True, capture_output=True, timeout=120)
    return {path.stem: out / path.name for path in paths}


def _set_input(path: Path, key: str, value: float | str) -> None:
    """Change one input cell as an economist would: find the key on the input sheet."""
    book = openpyxl.load_workbook(path)
    sheet = book[book.sheetnames[1]]
    if key.startswith("status."):
        _, status, field = key.split(".")
        codes = next(row for row in sheet.iter_rows() if row[0].value in ("Statuskode", "Status code"))
        column = next(cell.column for cell in codes if cell.value == status)
        label = {"annual_public_cost_dkk": ("Årlig offentlig nettoudgift", "Annual net public cost"),
                 "municipal_share": ("Kommunens andel", "Municipal share"),
                 "fte": ("Fuldtidsbeskæftiget (FTE)", "Full-time employed (FTE)")}[field]
        row = next(row[0].row for row in sheet.iter_rows() if row[0].value in label)
        sheet.cell(row=row, column=column, value=value)
    else:
        row = next(row[0].row for row in sheet.iter_rows() if row[3].value == key)
        sheet.cell(row=row, column=2, value=value)
    book.save(path)


@pytest.fixture(scope="module")
def recalculated(inputs: WorkbookInputs, warehouse: duckdb.DuckDBPyConnection,
                 tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("workbook")
    written = [write_workbook(inputs, folder / "da.xlsx")]  # the English file holds the same formulas
    changed = write_workbook(inputs, folder / "changed.xlsx")
    for key, value in CHANGES:
        _set_input(changed, key, value)
    retention = write_workbook(inputs, folder / "retention.xlsx")
    _set_input(retention, "projection.job_retention", RETENTION)
    exact = WorkbookInputs.from_release(_with_projection_base(warehouse), _parameters(warehouse))
    assert exact.projection_base_or_estimate()[1]
    exact_retention = write_workbook(exact, folder / "exact_retention.xlsx")
    _set_input(exact_retention, "projection.job_retention", RETENTION)
    _set_input(exact_retention, "projection.job_loss_to", "resource_programme")
    return _recalculate([*written, changed, retention, exact_retention], folder / "out", folder / "profile")


def _result_frame(path: Path) -> pd.DataFrame:
    """The result sheet's year rows (recalculated values), by the header's column order."""
    book = openpyxl.load_workbook(path, data_only=True)
    sheet = book[book.sheetnames[5]]
    rows = [row for row in sheet.iter_rows(min_row=5, values_only=True) if isinstance(row[0], int)]
    columns = ["year", "source", "gross_municipal_dkk", "gross_state_dkk", "cost_municipal_dkk", "cost_state_dkk",
               "net_municipal_dkk", "net_state_dkk", "net_total_dkk", "net_municipal_per_youth_dkk",
               "net_total_per_youth_dkk", "discount_factor", "pv", "cumulative_net_total_dkk",
               "cumulative_npv_total_dkk", "paid", "share_job", "share_job_or_education", "fte_per_youth",
               "baseline_fte_per_youth", "extra_fte"]
    return pd.DataFrame([row[:len(columns)] for row in rows], columns=columns)


def _key_figures(path: Path) -> dict[str, object]:
    book = openpyxl.load_workbook(path, data_only=True)
    sheet = book[book.sheetnames[5]]
    found = {}
    for row in sheet.iter_rows(values_only=True):
        label = str(row[0] or "")
        for key, start in (("npv", "Nutidsværdi (NPV) netto i alt"), ("npv_m", "Nutidsværdi (NPV) netto kommune"),
                           ("npv_s", "Nutidsværdi (NPV) netto stat"), ("break_even", "Break-even-år"),
                           ("lambda", "λ*"), ("switching", "Skifteværdi")):
            if label.startswith(start):
                found[key] = row[2]
    return found


def _national(path: Path) -> pd.DataFrame:
    book = openpyxl.load_workbook(path, data_only=True)
    sheet = book[book.sheetnames[6]]
    rows = [row[:8] for row in sheet.iter_rows(min_row=5, values_only=True) if isinstance(row[0], int)]
    return pd.DataFrame(rows, columns=["year", "youths", "net_total_dkk", "net_municipal_dkk", "extra_fte",
                                       "stock_net_total_dkk", "stock_net_municipal_dkk", "stock_extra_fte"])


def _assert_equals_model(path: Path, con: duckdb.DuckDBPyConnection, overrides: list[str]) -> None:
    """The recalculated workbook against the model run with the same overrides, to 1 kr."""
    result = savings_report(con, load_parameters(DEFAULT, overrides))
    model = result.by_year[result.by_year["partnership_id"] == "ALL"].reset_index(drop=True)
    workbook = _result_frame(path)
    assert len(workbook) == len(model)
    for column in ("gross_municipal_dkk", "gross_state_dkk", "cost_municipal_dkk", "cost_state_dkk",
                   "net_municipal_dkk", "net_state_dkk", "net_total_dkk", "net_municipal_per_youth_dkk",
                   "net_total_per_youth_dkk", "cumulative_net_total_dkk", "cumulative_npv_total_dkk"):
        assert (workbook[column] - model[column]).abs().max() <= MONEY_TOLERANCE, column
    for column in ("discount_factor", "share_job", "share_job_or_education", "fte_per_youth",
                   "baseline_fte_per_youth"):
        assert (workbook[column] - model[column]).abs().max() <= SHARE_TOLERANCE, column
    summary = result.summary.set_index("partnership_id").loc["ALL"]
    figures = _key_figures(path)
    assert abs(figures["npv"] - summary["npv_net_total_dkk"]) <= MONEY_TOLERANCE
    assert abs(figures["npv_m"] - summary["npv_net_municipal_dkk"]) <= MONEY_TOLERANCE
    assert abs(figures["npv_s"] - summary["npv_net_state_dkk"]) <= MONEY_TOLERANCE
    assert figures["break_even"] == summary["break_even_year"]
    assert abs(figures["lambda"] - result.switching["lambda_star"]) <= SHARE_TOLERANCE
    assert abs(figures["switching"] - result.switching["switching_share"]) <= SHARE_TOLERANCE
    national = _national(path)
    cohort = result.national_cohort.reset_index(drop=True)
    stock = result.national.reset_index(drop=True)
    for column in ("net_total_dkk", "net_municipal_dkk"):
        assert (national[column] - cohort[column]).abs().max() <= MONEY_TOLERANCE, column
        assert (national[f"stock_{column}"] - stock[column]).abs().max() <= MONEY_TOLERANCE, column
    assert (national["extra_fte"] - cohort["extra_fte"]).abs().max() <= SHARE_TOLERANCE
    assert (national["stock_extra_fte"] - stock["extra_fte"]).abs().max() <= 1e-6


def test_the_fixture_has_a_year_projected_for_some_partnerships_only(warehouse, inputs):
    sources = warehouse.execute("select partnership_id, year, source from savings_by_year").df()
    year5 = sources[sources["year"] == 5].set_index("partnership_id")["source"]
    assert year5["ALL"] == "projected" and "observed" in set(year5) and "projected" in set(year5.drop("ALL"))
    assert inputs.year_source[:4] == ("observed",) * 4 and inputs.year_source[4] == "projected"
    estimate, exact = inputs.projection_base_or_estimate()
    truth = _projection_base(warehouse)
    assert not exact and truth[3].sum() > 0 and truth[4].sum() > 0  # projected from year 4 and from year 5
    assert estimate[3].sum() > 0 and estimate[4:].sum() == 0  # the estimate: everything from year 4
    assert abs(truth.sum() - estimate.sum()) > 1e-6


def test_inputs_come_from_the_release(warehouse, inputs):
    summary = warehouse.execute("select n_youth from savings_summary where partnership_id = 'ALL'").fetchone()
    assert inputs.n_youths == summary[0] == 41
    cohort = warehouse.execute(
        "select sum(known_programme_cost_dkk), sum(n_cost_missing) from savings_cohort").fetchone()
    assert inputs.known_cost_dkk == pytest.approx(cohort[0]) and inputs.default_cost_youths == cohort[1]
    assert abs(inputs.distribution.sum(axis=1) - 1).max() < 1e-9
    assert abs(inputs.baseline.sum(axis=1) - 1).max() < 1e-9
    assert inputs.parameter_file == "default.toml"  # a file name, never the machine path


@pytest.mark.slow
def test_recalculated_workbook_equals_the_release_to_the_krone(recalculated, inputs, warehouse):
    for name in ("da",):
        book = openpyxl.load_workbook(recalculated[name], data_only=True)
        check = book[book.sheetnames[7]]
        rows = [row for row in check.iter_rows(min_row=5, values_only=True) if row[2]]
        assert len(rows) == len(inputs.results) > 200
        for _, year, key, published, computed, difference in (row[:6] for row in rows):
            tolerance = MONEY_TOLERANCE if key.endswith("_dkk") else 1e-6 if "fte" in key else SHARE_TOLERANCE
            assert isinstance(computed, int | float), (key, year, computed)
            assert abs(computed - published) <= tolerance, (key, year, published, computed)
            assert abs(difference) <= tolerance
    _assert_equals_model(recalculated["da"], warehouse, [])


@pytest.mark.slow
def test_three_changed_inputs_recompute_like_the_model(recalculated, warehouse):
    overrides = [f"{key}={value}" for key, value in CHANGES]
    _assert_equals_model(recalculated["changed"], warehouse, overrides)
    before, after = _key_figures(recalculated["da"]), _key_figures(recalculated["changed"])
    assert after["npv"] < before["npv"] - 1_000_000  # the change is not lost on the way


@pytest.mark.slow
def test_a_changed_retention_and_lost_job_status_are_exact_with_the_projection_base(recalculated, warehouse):
    """With the job shares by the year they are projected from, a year projected for some
    partnerships and observed for others (year 5) is exact too."""
    _assert_equals_model(recalculated["exact_retention"], warehouse,
                         [f"projection.job_retention={RETENTION}", "projection.job_loss_to=resource_programme"])


@pytest.mark.slow
def test_a_changed_job_retention_without_the_projection_base_is_an_estimate(recalculated, warehouse):
    """Years 1–4 (observed) do not move; from the mixed year 5 on the change is estimated (every
    partnership treated as projected from year 4), so the check is on direction and size."""
    workbook = _result_frame(recalculated["retention"])
    original = _result_frame(recalculated["da"])
    model = savings_report(warehouse, load_parameters(DEFAULT, [f"projection.job_retention={RETENTION}"]))
    model = model.by_year[model.by_year["partnership_id"] == "ALL"].reset_index(drop=True)
    assert (workbook["net_total_dkk"][:4] - model["net_total_dkk"][:4]).abs().max() <= MONEY_TOLERANCE
    assert (workbook["net_total_dkk"][:4] - original["net_total_dkk"][:4]).abs().max() <= MONEY_TOLERANCE
    # projected years move in the model's direction
    assert (workbook["share_job"][4:] < original["share_job"][4:] - 1e-6).all()
    # the approximation of the mixed year stays small against the change itself
    change = (model["net_total_dkk"] - original["net_total_dkk"]).abs().sum()
    error = (workbook["net_total_dkk"] - model["net_total_dkk"]).abs().sum()
    assert change > 100_000 and error < 0.5 * change


@pytest.mark.slow
def test_shown_values_use_number_formats_not_exponents(recalculated, tmp_path):
    """LibreOffice's own printout of every sheet: no '1.03E+08', no '###' (a column too narrow for
    its figures), no machine path; calculation sheets in landscape."""
    soffice = shutil.which("soffice")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(recalculated["da"])],
                   check=True, capture_output=True, timeout=120)
    pages = PdfReader(tmp_path / "da.pdf").pages
    shown = "\n".join(page.extract_text() for page in pages)
    assert 8 <= len(pages) <= 30
    for title in ("Forudsætninger", "Bruttobesparelse pr. status", "Resultat år for år", "Kontrol"):
        assert title in shown
    assert re.search(r"\d{1,3}([.,]\d{3}){2,}", shown)  # thousands separators, e.g. 8,911,556
    assert not re.search(r"\d[.,]?\d*E[+-]\d", shown)
    assert "###" not in shown
    assert "/work" not in shown and "/tmp" not in shown and not contains_cpr(shown)
    assert all(page.mediabox.width > page.mediabox.height for page in pages[1:])


def _code(formula: str) -> str:
    """A formula without its text literals (the texts a cell shows differ by language)."""
    return re.sub(r'"[^"]*"', '""', formula)


def test_format_for_people(inputs, tmp_path):
    path = write_workbook(inputs, tmp_path / "savings.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Om regnearket", "Input", "Fordeling", "Basislinje", "Brutto pr. status",
                               "Resultat", "National årgang", "Kontrol"]
    assert "SYNTETISKE DATA" in str(book["Om regnearket"]["A3"].value)
    about = [str(cell.value) for row in book["Om regnearket"].iter_rows() for cell in row if cell.value]
    assert "default.toml" in about and "ab" * 32 in about
    for sheet in book.worksheets[2:]:
        assert sheet.freeze_panes is not None and sheet.print_area
        assert sheet.column_dimensions["C"].width >= 12
        formulas = numbers = 0
        for row in sheet.iter_rows(min_row=5):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    formulas += 1
                    assert cell.number_format != "General", (sheet.title, cell.coordinate)
                elif isinstance(cell.value, float):
                    numbers += 1
                    assert cell.number_format != "General", (sheet.title, cell.coordinate)
        assert formulas > 0
    result = book["Resultat"]
    assert result["C5"].number_format == "#,##0;-#,##0" and result["A4"].value == "År efter STU"
    assert str(result["C5"].value).startswith("='Brutto pr. status'!")
    names = set(book.defined_names)
    assert {"discount_rate", "job_retention", "per_youth_cost", "n_youths", "status_cost"} <= names
    english = openpyxl.load_workbook(write_workbook(inputs, tmp_path / "en.xlsx", "en"))
    assert english["Results"]["A4"].value == "Year after STU"
    assert "SYNTHETIC DATA" in str(english["About"]["A3"].value)
    # the English workbook computes with the same formulas (only sheet names and shown texts differ)
    renames = dict(zip(book.sheetnames, english.sheetnames, strict=True))
    for da_sheet, en_sheet in zip(book.worksheets[2:], english.worksheets[2:], strict=True):
        for da_row, en_row in zip(da_sheet.iter_rows(), en_sheet.iter_rows(), strict=True):
            for da_cell, en_cell in zip(da_row, en_row, strict=True):
                if isinstance(da_cell.value, str) and da_cell.value.startswith("="):
                    translated = da_cell.value
                    for da_name, en_name in renames.items():
                        translated = translated.replace(f"'{da_name}'!", f"'{en_name}'!")
                    assert _code(translated) == _code(en_cell.value), (da_sheet.title, da_cell.coordinate)


def test_no_cell_holds_a_path_or_anything_cpr_like(inputs, tmp_path):
    for lang in ("da", "en"):
        book = openpyxl.load_workbook(write_workbook(inputs, tmp_path / f"{lang}.xlsx", lang))
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    text = str(value or "")
                    assert not re.search(r"(^|[\s(])(/[\w.-]+){2,}|[A-Za-z]:\\", text), (sheet.title, text)
                    assert str(ROOT) not in text
                    assert not (isinstance(value, str) and contains_cpr(value)), (sheet.title, text)


def test_synthetic_notice_only_when_synthetic(warehouse, tmp_path):
    real = WorkbookInputs.from_release(_cells(warehouse), _parameters(warehouse))
    book = openpyxl.load_workbook(write_workbook(real, tmp_path / "real.xlsx"))
    assert not any("SYNTETISKE" in str(cell.value) for row in book["Om regnearket"].iter_rows() for cell in row)


REQUIRED = ("savings_status_share", "savings_baseline_share", "savings_year_source", "savings_youths",
            "programme_cost_known_dkk", "programme_cost_default_youths")


@settings(max_examples=15, deadline=None)
@given(quantity=st.sampled_from(REQUIRED), how=st.sampled_from(["hide", "drop", "null"]), pick=st.integers(0, 10**6))
def test_hidden_or_missing_cells_are_refused(warehouse, quantity, how, pick):
    cells = _cells(warehouse)
    table = {"savings_baseline_share": "baseline", "savings_status_share": "distribution",
             "savings_year_source": "distribution"}.get(quantity, "cohort")
    rows = cells.index[(cells["quantity"] == quantity) & (cells["table_name"] == table)]
    target = rows[pick % len(rows)]
    if how == "hide":
        cells.loc[target, "hidden"] = True
        cells.loc[target, "value"] = None
    elif how == "null":
        cells.loc[target, "value"] = None
    else:
        cells = cells.drop(index=target)
    with pytest.raises(WorkbookError):
        WorkbookInputs.from_release(cells, _parameters(warehouse))


def test_secondary_sources_are_marked_on_the_input_sheet(inputs, tmp_path):
    """Every status whose rate rests on a secondary web page shows 'sekundær' beside its source."""
    book = openpyxl.load_workbook(write_workbook(inputs, tmp_path / "savings.xlsx"))
    rows = {row[0]: row for row in book["Input"].iter_rows(values_only=True) if row[0]}
    assert rows["Førtidspension"][1] == "sekundær" and rows["Ressourceforløb"][1] == "afledt"
    assert rows["Diskonteringsrente"][5] == "primær" and rows["suppression.min_cell"][5] == "primær"


def test_source_kind_by_hand():
    assert source_kind("https://bm.dk/satser/satser-for-2024/ (2024)") == "primary"
    assert source_kind("sekundær kilde: https://seniorhaandbogen.dk/ (2024)") == "secondary"
    assert source_kind("sekundær kilde: derived: 20,370 × 12 (https://seniorhaandbogen.dk/, 2024)") == "secondary"
    assert source_kind("https://stats.oecd.org/ (2005) … (sekundær kilde: https://x.wixsite.com/)") == "primary"
    assert source_kind("derived: 9,200,000 / 140") == "derived"
    assert source_kind("assumption: one month") == "assumption"
    assert source_kind("override --set model.discount_rate=0.05 (file: x)") == "override"
    assert source_kind("") == "none"


def test_inputs_from_a_built_warehouse(warehouse, tmp_path):
    inputs = inputs_from_warehouse(warehouse)
    assert inputs.parameter_file == "default.toml" and len(inputs.parameter_sha256) == 64
    assert inputs.synthetic  # the fixture's exports are marked synthetic
    path = write_workbook_from_warehouse(warehouse, tmp_path / "reports" / "savings.xlsx", "en")
    assert openpyxl.load_workbook(path).sheetnames[0] == "About"
