"""The empty export workbook an STU place fills in (`joballiance template PATH.xlsx`).

Why: most exports are typed by hand in Excel. Drop-down lists for status and
municipality, date formats and a Danish guide sheet prevent the typical errors (typos in
statuses, unknown municipality codes, month-first dates) before the file is ever sent.
The reader looks only at the sheets meta, participants and spells, so the guide sheet
and the hidden list sheet travel with the workbook harmlessly.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from pipeline import readers
from pipeline.reference import Reference, load_reference, normalise_status_label

META_COLUMNS = ("key", "value")
META_KEYS = ("partnership_id", "export_date")
PARTICIPANT_COLUMNS = tuple(readers.PARTICIPANT_COLUMNS)  # the format's columns, in order
SPELL_COLUMNS = tuple(readers.SPELL_COLUMNS)
PARTICIPANT_DATE_COLUMNS = (
    "stu_start_date",
    "stu_end_date",
    "phase1_start",
    "phase2_start",
    "phase3_start",
    "phase4_start",
)
SPELL_DATE_COLUMNS = ("start_date", "end_date")

DATE_FORMAT = "DD-MM-YYYY"
# Workbooks carry a creation and modification time and zip entry times; fixing them makes
# the same content give the same bytes (reproducible demo data, stable checksums).
FIXED_TIMESTAMP = datetime(2024, 10, 1, 12, 0, 0)
# Rows that get drop-downs and formats: far more youths than any partnership has.
LAST_INPUT_ROW = 5000

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TITLE_FONT = Font(bold=True, size=14)

# (column, Danish alias, required, meaning) per sheet, for the guide.
_PARTICIPANT_GUIDE = (
    ("participant_id", "deltager_id", "ja", "Pseudonymt id (1-64 tegn: bogstaver, tal, _ - .), fx MOU-0001. "
     "Unikt i eksporten og det samme i alle eksporter."),
    ("municipality_code", "kommunekode", "ja", "Handlekommunens kode (vælg fra listen, fx 851 = Aalborg)."),
    ("birth_year", "fødselsår", "nej", "Fødselsår, fx 2002."),
    ("sex", "køn", "nej", "F eller M (K accepteres som F). Må være tom."),
    ("stu_start_date", "stu_start", "ja", "Dato for STU-start."),
    ("stu_end_date", "stu_slut", "nej", "Dato for STU-afslutning; tom = STU ikke afsluttet."),
    ("phase1_start … phase4_start", "fase1_start … fase4_start", "nej",
     "Startdato for fase 1-4 (Afklaring og udvikling; Jobrettet indsats; Jobafklaring og træning; "
     "Bæredygtig tilknytning). Faserne kommer i rækkefølge; tom = ikke nået."),
    ("programme_cost_dkk", "forløbsudgift_kr", "nej", "Den unges faktiske ekstra forløbsudgift i kr. (≥ 0); "
     "tom = modellens standardbeløb."),
)
_SPELL_GUIDE = (
    ("participant_id", "deltager_id", "ja", "Samme id som på fanen participants."),
    ("status", "status", "ja", "Status i perioden (vælg fra listen: dansk betegnelse eller kode)."),
    ("start_date", "start", "ja", "Første dag i perioden."),
    ("end_date", "slut", "nej", "Sidste dag i perioden; tom = perioden er i gang."),
    ("hours_per_week", "timer_pr_uge", "nej", "Kun for job: timer pr. uge, over 0 og højst 60."),
    ("employer_id", "arbejdsgiver_id", "nej", "Pseudonym nøgle for arbejdsgiveren (ikke navn eller CVR)."),
)


def save_workbook_stable(workbook: Workbook, path: Path) -> Path:
    """Save with fixed document and zip timestamps, so equal content gives equal bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    workbook.properties.created = FIXED_TIMESTAMP
    workbook.properties.modified = FIXED_TIMESTAMP
    core_xml = tostring(workbook.properties.to_tree())
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = core_xml if entry.filename == "docProps/core.xml" else source.read(entry.filename)
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            info.external_attr = 0o600 << 16
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def status_choices(reference: Reference) -> list[str]:
    """The drop-down entries for status: one accepted Danish label per status, then the codes.

    The label is the reference's label_da where the reader accepts it, else the first
    accepted alias (label_da such as 'Andet/ukendt' is a display text, not an input value).
    """
    lookup = reference.status_lookup
    labels = []
    for row in reference.statuses.itertuples():
        if lookup.get(normalise_status_label(row.label_da)) == row.status:
            labels.append(row.label_da)
        else:
            first_alias = str(row.aliases_da).split("|")[0].strip()
            labels.append(first_alias[:1].upper() + first_alias[1:])
    return labels + list(reference.statuses["status"])


def _style_header(sheet: Worksheet, columns: tuple[str, ...], widths: dict[str, int]) -> None:
    sheet.append(list(columns))
    for index, name in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(name, 16)
    sheet.freeze_panes = "A2"


def _column_range(columns: tuple[str, ...], name: str) -> str:
    letter = get_column_letter(columns.index(name) + 1)
    return f"{letter}2:{letter}{LAST_INPUT_ROW}"


def _date_validation() -> DataValidation:
    validation = DataValidation(
        type="date",
        operator="between",
        formula1=str(int(to_excel(date(1990, 1, 1)))),
        formula2=str(int(to_excel(date(2100, 12, 31)))),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ugyldig dato",
        error="Skriv en dato, fx 30-06-2023 (dag-måned-år).",
    )
    return validation


def _list_validation(formula: str, title: str, message: str) -> DataValidation:
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showDropDown=False,  # False shows the in-cell arrow (the OOXML attribute is inverted)
        showErrorMessage=True,
        errorTitle=title,
        error=message,
    )


def _write_lists(sheet: Worksheet, reference: Reference) -> dict[str, str]:
    """Fill the hidden list sheet; returns the absolute range of each list."""
    statuses = status_choices(reference)
    codes = sorted(reference.municipalities["municipality_code"], key=int)
    names = dict(zip(reference.municipalities["municipality_code"], reference.municipalities["name"], strict=True))
    partnerships = list(reference.partnerships["partnership_id"])
    sheet.append(["status", "", "municipality_code", "municipality", "", "partnership_id"])
    for index in range(max(len(statuses), len(codes), len(partnerships))):
        sheet.append([
            statuses[index] if index < len(statuses) else None,
            None,
            int(codes[index]) if index < len(codes) else None,
            names[codes[index]] if index < len(codes) else None,
            None,
            partnerships[index] if index < len(partnerships) else None,
        ])
    return {
        "status": f"lists!$A$2:$A${len(statuses) + 1}",
        "municipality_code": f"lists!$C$2:$C${len(codes) + 1}",
        "partnership_id": f"lists!$F$2:$F${len(partnerships) + 1}",
    }


def _write_guide(sheet: Worksheet, reference: Reference) -> None:
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 26
    sheet.column_dimensions["C"].width = 10
    sheet.column_dimensions["D"].width = 100
    wrap = Alignment(wrap_text=True, vertical="top")

    def line(*values: str, bold: bool = False) -> None:
        sheet.append(list(values))
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
            if bold:
                cell.font = _HEADER_FONT

    sheet.append(["Vejledning: eksport af deltagerdata til Model Joballiancen"])
    sheet["A1"].font = _TITLE_FONT
    line("")
    line("Eksporten er et fuldt øjebliksbillede af partnerskabets deltagere på eksportdatoen "
         "(ikke kun ændringer). En nyere eksport fra samme partnerskab erstatter den ældre i beregningerne.")
    line("Udfyld fanerne meta, participants og spells. Kun de tre faner læses; denne vejledning og den "
         "skjulte fane med lister ignoreres.")
    line("")
    line("Fane", "Kolonne (dansk navn)", "Krævet", "Indhold", bold=True)
    line("meta", "key / value (nøgle / værdi)", "", "To kolonner med en nøgle pr. række.")
    line("meta", "partnership_id", "ja", "Partnerskabets id (vælg fra listen), fx mou-hotel-aalborg.")
    line("meta", "export_date", "ja", "Datoen for øjebliksbilledet: intet efter denne dato er registreret.")
    line("participants", "", "", "Én række pr. ung.")
    for column, alias, required, meaning in _PARTICIPANT_GUIDE:
        line("participants", f"{column} ({alias})", required, meaning)
    line("spells", "", "", "Én række pr. periode i én status (forløb, job, uddannelse, ydelse …). "
         "En ungs perioder må ikke overlappe: en ny periode starter tidligst dagen efter den forriges slut.")
    for column, alias, required, meaning in _SPELL_GUIDE:
        line("spells", f"{column} ({alias})", required, meaning)
    line("")
    line("Datoer", "", "", "Skriv datoer som Excel-datoer (formateret DD-MM-ÅÅÅÅ) eller som tekst ÅÅÅÅ-MM-DD, "
         "DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller DD/MM/ÅÅÅÅ. Dagen står altid først, aldrig måneden (12/31/2023 er "
         "ugyldig). Datoer gælder inklusive: en periode dækker både start- og slutdagen. "
         "Ingen dato må ligge efter eksportdatoen.")
    line("Status", "", "", "Gyldige statusser (dansk betegnelse eller kode): "
         + "; ".join(f"{label} ({code})" for label, code in zip(
             status_choices(reference)[: len(reference.statuses)], reference.statuses["status"], strict=True)))
    line("Ekstra kolonner", "", "", "Kolonner, der ikke står i formatet, fjernes ved indlæsningen, gemmes "
         "aldrig og nævnes i en advarsel. Skriv aldrig navne, diagnoser eller andre personoplysninger i "
         "filen.")
    line("CPR-numre", "", "", "Brug et pseudonymt deltager-id, ikke CPR-nummeret. Står der CPR-numre i "
         "deltager_id, kræver indlæsningen en pseudonymiseringsnøgle (miljøvariablen "
         "JOBALLIANCE_PSEUDONYM_KEY); uden nøgle afvises hele eksporten. Med nøgle erstattes CPR-numrene af "
         "pseudonymer, før noget gemmes.")
    line("Fejl", "", "", "Fejl i en række sætter den unge og alle den unges perioder i karantæne med en "
         "besked om fil, fane, række, kolonne og værdi. Mangler en fane, en krævet kolonne, partnership_id "
         "eller export_date, afvises hele eksporten.")


def template_workbook(reference: Reference | None = None) -> Workbook:
    """Build the empty export workbook (pure: no file I/O)."""
    reference = reference or load_reference()
    workbook = Workbook()
    guide = workbook.active
    guide.title = "Vejledning"
    meta = workbook.create_sheet("meta")
    participants = workbook.create_sheet("participants")
    spells = workbook.create_sheet("spells")
    lists = workbook.create_sheet("lists")
    lists.sheet_state = "hidden"

    _write_guide(guide, reference)
    # Named ranges: list validations that point into another sheet work in every Excel version.
    ranges = {}
    for name, formula in _write_lists(lists, reference).items():
        workbook.defined_names[f"list_{name}"] = DefinedName(f"list_{name}", attr_text=formula)
        ranges[name] = f"list_{name}"

    _style_header(meta, META_COLUMNS, {"key": 18, "value": 28})
    for key in META_KEYS:
        meta.append([key, None])
    meta["B3"].number_format = DATE_FORMAT
    partnership_choice = _list_validation(
        ranges["partnership_id"], "Ukendt partnerskab", "Vælg partnerskabets id fra listen."
    )
    partnership_choice.add("B2")
    export_date_check = _date_validation()
    export_date_check.add("B3")
    meta.add_data_validation(partnership_choice)
    meta.add_data_validation(export_date_check)

    _style_header(participants, PARTICIPANT_COLUMNS, {"participant_id": 18, "municipality_code": 18})
    municipality_choice = _list_validation(
        ranges["municipality_code"], "Ukendt kommunekode", "Vælg en af de 98 kommunekoder fra listen."
    )
    municipality_choice.add(_column_range(PARTICIPANT_COLUMNS, "municipality_code"))
    sex_choice = _list_validation('"F,M,K"', "Ugyldigt køn", "Skriv F, M eller K, eller lad feltet stå tomt.")
    sex_choice.add(_column_range(PARTICIPANT_COLUMNS, "sex"))
    birth_year_check = DataValidation(
        type="whole", operator="between", formula1="1950", formula2="2100", allow_blank=True,
        showErrorMessage=True, errorTitle="Ugyldigt fødselsår", error="Skriv et årstal, fx 2002.",
    )
    birth_year_check.add(_column_range(PARTICIPANT_COLUMNS, "birth_year"))
    cost_check = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle="Ugyldigt beløb", error="Forløbsudgiften er et beløb i kr. (0 eller mere).",
    )
    cost_check.add(_column_range(PARTICIPANT_COLUMNS, "programme_cost_dkk"))
    participant_dates = _date_validation()
    for column in PARTICIPANT_DATE_COLUMNS:
        participant_dates.add(_column_range(PARTICIPANT_COLUMNS, column))
        participants.column_dimensions[get_column_letter(PARTICIPANT_COLUMNS.index(column) + 1)].number_format = (
            DATE_FORMAT
        )
    for validation in (municipality_choice, sex_choice, birth_year_check, cost_check, participant_dates):
        participants.add_data_validation(validation)

    _style_header(spells, SPELL_COLUMNS, {"participant_id": 18, "status": 34, "employer_id": 18})
    status_choice = _list_validation(
        ranges["status"], "Ukendt status", "Vælg en status fra listen (dansk betegnelse eller kode)."
    )
    status_choice.add(_column_range(SPELL_COLUMNS, "status"))
    hours_check = DataValidation(
        type="decimal", operator="between", formula1="0.01", formula2="60", allow_blank=True,
        showErrorMessage=True, errorTitle="Ugyldigt timetal", error="Timer pr. uge skal være over 0 og højst 60.",
    )
    hours_check.add(_column_range(SPELL_COLUMNS, "hours_per_week"))
    spell_dates = _date_validation()
    for column in SPELL_DATE_COLUMNS:
        spell_dates.add(_column_range(SPELL_COLUMNS, column))
        spells.column_dimensions[get_column_letter(SPELL_COLUMNS.index(column) + 1)].number_format = DATE_FORMAT
    for validation in (status_choice, hours_check, spell_dates):
        spells.add_data_validation(validation)

    workbook.properties.creator = "joballiance-outcomes"
    workbook.properties.title = "Model Joballiancen: eksportskabelon"
    workbook.active = 0
    return workbook


def write_template(path: Path) -> Path:
    """Write the empty export workbook to `path` (an .xlsx file) and return the path."""
    return save_workbook_stable(template_workbook(), Path(path))
