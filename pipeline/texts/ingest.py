"""Texts of ingest and validate: validation messages, quarantine reasons, the result table.

Danish first (the people who fix an export are STU staff), English on request. Every
row message names the file, sheet, row, column, the value as written (CPR-like numbers
masked) and what was expected.
"""

from __future__ import annotations

# key -> (Danish, English)
TEXTS: dict[str, tuple[str, str]] = {
    # --- where
    "ingest.where": ("{location} række {row}", "{location} row {row}"),
    "ingest.where_youth": (" (ung {youth})", " (youth {youth})"),
    "ingest.did_you_mean": (" (mente du '{value}'?)", " (did you mean '{value}'?)"),
    # --- cells
    "ingest.cpr_in_cell": (
        "{value} ligner et CPR-nummer; det gemmes aldrig, og rækken er sat i karantæne",
        "{value} looks like a CPR number; it is never stored, and the row is quarantined",
    ),
    "ingest.date_serial": (
        "{value} ligner et Excel-datotal gemt som tekst; formatér cellen som dato",
        "{value} looks like an Excel date number stored as text; format the cell as a date",
    ),
    "ingest.date_year": ("{value} har året {year}, som ikke kan passe",
                         "{value} has the year {year}, which cannot be right"),
    "ingest.date_day_first": (
        "{value} er ikke en gyldig dato: datoer læses med dagen først (DD-MM-ÅÅÅÅ), så {month} kan ikke være "
        "måneden; forventede en dato som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ (dagen først)",
        "{value} is not a valid date: dates are read day first (DD-MM-YYYY), so {month} cannot be the month; "
        "expected a date as YYYY-MM-DD or DD-MM-YYYY (day first)",
    ),
    "ingest.date_not_exists": ("{value} er en dato, der ikke findes", "{value} is not a date that exists"),
    "ingest.date_not_date": (
        "{value} er ikke en dato; forventede en dato som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ (dagen først)",
        "{value} is not a date; expected a date as YYYY-MM-DD or DD-MM-YYYY (day first)",
    ),
    "ingest.number_not_finite": (
        "{value} er ikke et endeligt tal; forventede et almindeligt tal",
        "{value} is not a finite number; expected an ordinary number",
    ),
    "ingest.number_not_number": ("{value} er ikke et tal", "{value} is not a number"),
    "ingest.required_empty": ("er tom, men {column} skal udfyldes", "is empty, but {column} is required"),
    "ingest.check_id_chars": (
        "{value} er ikke et gyldigt id (1–64 tegn blandt A–Z, a–z, 0–9, _ - .)",
        "{value} is not a valid id (1–64 characters of A–Z, a–z, 0–9, _ - .)",
    ),
    "ingest.unknown_municipality": (
        "{value} er ikke en af de 98 kommunekoder", "{value} is not one of the 98 municipality codes",
    ),
    "ingest.municipality_name_hint": (
        " (mente du {code}, koden for {name}?)", " (did you mean {code}, the code of {name}?)",
    ),
    "ingest.check_whole_year": ("{value} er ikke et helt årstal", "{value} is not a whole year"),
    "ingest.birth_year_range": (
        "{value} er ikke et troværdigt fødselsår (forventede 1950–{high})",
        "{value} is not a plausible birth year (expected 1950–{high})",
    ),
    "ingest.check_sex_code": (
        "{value} er ikke en kønskode (forventede F, M eller K, eller tom)",
        "{value} is not a sex code (expected F, M or K, or empty)",
    ),
    "ingest.after_export": ("{value} ligger efter udtrækkets dato {date}", "{value} is after the export date {date}"),
    "ingest.check_non_negative": (
        "{value} er negativ; forventede et beløb på 0 eller mere",
        "{value} is negative; expected an amount of 0 or more",
    ),
    "ingest.cost_range": (
        "{value} kr. er ikke en troværdig forløbsudgift for én ung (forventede 0 til {high} kr.)",
        "{value} DKK is not a believable programme cost for one youth (expected 0 to {high} DKK)",
    ),
    "ingest.unknown_status": ("{value} er ikke en kendt status", "{value} is not a known status"),
    "ingest.check_hours_range": (
        "{value} timer om ugen ligger uden for intervallet over 0 og højst 60",
        "{value} hours a week is outside the range above 0 and at most 60",
    ),
    "ingest.check_other": ("{value} bryder reglen {check}", "{value} breaks the rule {check}"),
    # --- rows
    "ingest.duplicate_youth": (
        "{value} står også i række {rows}; hver ung har én række",
        "{value} also appears in row {rows}; each youth has one row",
    ),
    "ingest.stu_end_before_start": (
        "STU slutter ({end}) før den begynder ({start})", "STU ends ({end}) before it starts ({start})",
    ),
    "ingest.phase_order": (
        "{phase} {date} ligger før {previous} {previous_date}; faserne begynder i rækkefølgen 1, 2, 3, 4",
        "{phase} {date} is before {previous} {previous_date}; phases start in the order 1, 2, 3, 4",
    ),
    "ingest.unknown_youth": (
        "{value} er ikke en ung i arket participants", "{value} is not a youth in the participants sheet",
    ),
    "ingest.end_after_export": (
        "{where}, end_date: {end} ligger efter udtrækkets dato {date}; forløbet læses som igangværende",
        "{where}, end_date: {end} is after the export date {date}; the spell is read as ongoing",
    ),
    "ingest.spell_end_before_start": (
        "forløbet slutter ({end}) før det begynder ({start})", "the spell ends ({end}) before it starts ({start})",
    ),
    "ingest.ongoing": ("igangværende", "ongoing"),
    "ingest.overlap": (
        "forløbet, der begynder {start}, overlapper forløbet i række {other} (som slutter {ends}); en ung har "
        "én status ad gangen",
        "the spell starting {start} overlaps the spell in row {other} (which ends {ends}); a youth is in one "
        "status at a time",
    ),
    "ingest.stray_row": (
        "rækken har kun indhold i kolonner uden for formatet ({columns}); intet af den er indlæst, og "
        "værdierne er ikke gemt",
        "the row has content only in columns outside the format ({columns}); nothing of it was loaded and "
        "the values were not stored",
    ),
    "ingest.unnamed_column": ("kolonne {n} uden navn", "column {n} without a name"),
    "ingest.culprit_participants": ("participants række {row}", "participants row {row}"),
    "ingest.culprit_spells": ("spells række {row}", "spells row {row}"),
    "ingest.dragged_youth": (
        "sat i karantæne sammen med sine forløb: {source} har en fejl",
        "quarantined together with its spells: {source} has an error",
    ),
    "ingest.dragged_spell": (
        "sat i karantæne sammen med sin unge: {source} har en fejl",
        "quarantined together with its youth: {source} has an error",
    ),
    "ingest.dragged_count": (
        "{n} række(r) mere sat i karantæne sammen med deres unge (en ung indlæses helt eller slet ikke)",
        "{n} more row(s) quarantined together with their youth (a youth is loaded whole or not at all)",
    ),
    # --- export level
    "ingest.meta_key_twice": ("{location} række {row}: nøglen {name} står to gange",
                              "{location} row {row}: the key {name} is given twice"),
    "ingest.meta_missing": ("{location}: nøglen '{name}' mangler eller er tom",
                            "{location}: the key '{name}' is missing or empty"),
    "ingest.meta_source_missing": (
        "{location}: et udtræk til sammenligningsgruppen (gruppe = sammenligning) skal have nøglen 'source' "
        "(kilde), der siger, hvor udtrækket kommer fra",
        "{location}: a comparison extract (group = comparison) needs the key 'source' saying where the "
        "extract comes from",
    ),
    "ingest.meta_unknown_partnership": (
        "{location}, partnership_id: {value} står ikke i data/reference/partnerships.csv{hint} (et nyt "
        "partnerskab tilføjes som en række i den fil)",
        "{location}, partnership_id: {value} is not in data/reference/partnerships.csv{hint} (a new "
        "partnership is added as a row of that file)",
    ),
    "ingest.meta_future": ("{location}, export_date: {date} ligger i fremtiden (i dag er {today})",
                           "{location}, export_date: {date} is in the future (today is {today})"),
    "ingest.meta_key_ignored": (
        "{location}: nøglen '{name}' er ikke en del af formatet og blev ignoreret",
        "{location}: the key '{name}' is not part of the format and was ignored",
    ),
    "ingest.cpr_without_key": (
        "{location} række {row}, {column}: {n} værdi(er) er eller indeholder CPR-numre ({mask}); sæt "
        "pseudonymiseringsnøglen JOBALLIANCE_PSEUDONYM_KEY, så de kan erstattes af pseudonymer, eller eksportér "
        "pseudonyme id'er",
        "{location} row {row}, {column}: {n} value(s) are or contain CPR numbers ({mask}); set the "
        "pseudonymisation key JOBALLIANCE_PSEUDONYM_KEY so they can be replaced by pseudonyms, or export "
        "pseudonymous ids",
    ),
    "ingest.no_youths": (
        "{location}: ingen unge; et udtræk er et fuldt øjebliksbillede af et partnerskabs unge, så et tomt "
        "udtræk kan ikke erstatte det forrige",
        "{location}: no youths; an export is a full snapshot of a partnership's youths, so an empty one "
        "cannot replace the previous export",
    ),
    "ingest.comparison_columns": (
        "{location}: et udtræk til sammenligningsgruppen skal have kolonnerne {columns}",
        "{location}: a comparison extract needs the columns {columns}",
    ),
    "ingest.column_dropped": (
        "{location}: kolonnen '{name}' er ikke en del af formatet; den blev fjernet og ikke gemt",
        "{location}: the column '{name}' is not part of the format; it was dropped and not stored",
    ),
    # --- the ingest as a whole
    "ingest.skipped_side_file": (
        "{path}: sprunget over (en macOS-ressourcefil eller en Excel-låsefil, ikke et udtræk)",
        "{path}: skipped (a macOS resource file or an Excel lock file, not an export)",
    ),
    "ingest.no_exports": (
        "ingen udtræk fundet under {paths} (et udtræk er en .xlsx-projektmappe eller en mappe med meta.csv)",
        "no exports found under {paths} (an export is an .xlsx workbook or a folder holding meta.csv)",
    ),
    "ingest.already": ("allerede indlæst (samme indhold); intet ændret",
                       "already ingested (same contents); nothing changed"),
    "ingest.fault": (
        "{name}: kunne ikke læses ({error}: {detail}); intet af det blev indlæst. Det er en fejl i joballiance, "
        "ikke i filen: meld den venligst",
        "{name}: could not be read ({error}: {detail}); nothing of it was loaded. This is a fault in joballiance, "
        "not in the file: please report it",
    ),
    "ingest.same_date_pair": (
        "{name}: {owner} har et andet udtræk med samme dato {date} men andet indhold i samme kørsel ({others}); "
        "ingen af dem blev indlæst, for hvilket der er rigtigt, kan ikke ses af filerne. Behold det rigtige og "
        "fjern det andet (senest ændret er {newest}), eller giv det nyeste en senere export_date",
        "{name}: {owner} has another export with the same date {date} but other contents in this call "
        "({others}); neither was loaded, since which one is right cannot be told from the files. Keep the right "
        "one and remove the other (modified last: {newest}), or give the newer one a later export_date",
    ),
    "ingest.write_failed": (
        "kunne ikke skrive til lageret {warehouse}: {error}; intet af denne indlæsning blev gemt",
        "could not write to the warehouse {warehouse}: {error}; nothing of this ingest was loaded",
    ),
    # --- reading files (pipeline/readers.py)
    "readers.too_many_columns": ("{location}: {n} kolonner; et udtræk har højst {most}",
                                 "{location}: {n} columns; an export has at most {most}"),
    "readers.column_twice": (
        "{location}: kolonnen '{column}' står to gange ('{first}' og '{second}'); behold den ene",
        "{location}: column '{column}' appears twice ('{first}' and '{second}'); keep one of them",
    ),
    "readers.required_missing": ("{location}: påkrævet kolonne mangler: {expected}",
                                 "{location}: required column missing: {expected}"),
    "readers.required_missing_tabs": (
        "{location}: påkrævet kolonne mangler: {expected} (værdierne ser ud til at være adskilt af tabulatorer; "
        "gem filen med ';' eller ',' mellem værdierne)",
        "{location}: required column missing: {expected} (the values seem to be separated by tabs; save the "
        "file with ';' or ',' between values)",
    ),
    "readers.not_text": ("{location}: dette er ikke en tekstfil (CSV)", "{location}: this is not a text (CSV) file"),
    "readers.encoding": ("{location}: teksten er hverken UTF-8 eller Windows-1252",
                         "{location}: the text is neither UTF-8 nor Windows-1252"),
    "readers.cannot_read": ("{location}: kan ikke læses ({error})", "{location}: cannot be read ({error})"),
    "readers.empty_file": ("{location}: filen er tom", "{location}: the file is empty"),
    "readers.open_quote": (
        "{location} række {row}: et anførselstegn (\") åbner en værdi, der aldrig slutter; resten af filen ville "
        "blive læst som én celle",
        "{location} row {row}: a quote (\") opens a value that never ends; the rest of the file would be read as "
        "one cell",
    ),
    "readers.not_csv": ("{location}: kan ikke læses som CSV ({error})", "{location}: cannot be read as CSV ({error})"),
    "readers.row_too_wide": (
        "{location} række {row}: {n} felter, men overskriften har {width} (bruges skilletegnet '{delimiter}' "
        "inde i en værdi uden anførselstegn?)",
        "{location} row {row}: {n} fields but the header has {width} (is the delimiter '{delimiter}' used inside "
        "a value without quotes?)",
    ),
    "readers.csv_missing": (
        "{folder}: filen {sheet}.csv mangler (en udtræksmappe indeholder meta.csv, participants.csv og spells.csv)",
        "{folder}: the file {sheet}.csv is missing (an export folder holds meta.csv, participants.csv and "
        "spells.csv)",
    ),
    "readers.not_xlsx": (
        "{name}: dette er ikke en Excel-projektmappe (.xlsx); gem den igen fra Excel som .xlsx",
        "{name}: this is not an Excel workbook (.xlsx); save it again from Excel as .xlsx",
    ),
    "readers.zip_bomb": (
        "{name}: projektmappen ville fylde {total} bytes udpakket ({ratio} gange sin størrelse); afvist som "
        "usikker",
        "{name}: the workbook would unpack to {total} bytes ({ratio} times its size); refused as unsafe",
    ),
    "readers.cannot_open": ("{name}: projektmappen kan ikke åbnes ({error})",
                            "{name}: the workbook cannot be opened ({error})"),
    "readers.sheet_missing": ("{name}: arket '{sheet}' mangler (fundet: {found})",
                              "{name}: the sheet '{sheet}' is missing (found: {found})"),
    "readers.empty_sheet": ("{location}: arket er tomt (ingen overskriftsrække)",
                            "{location}: the sheet is empty (no header row)"),
    "readers.old_xls": ("{name}: det gamle .xls-format understøttes ikke; gem den som .xlsx",
                        "{name}: the old .xls format is not supported; save it as .xlsx"),
    "readers.not_an_export": (
        "{name}: et udtræk er en .xlsx-projektmappe eller en mappe med meta.csv, participants.csv og spells.csv",
        "{name}: an export is an .xlsx workbook or a folder with meta.csv, participants.csv and spells.csv",
    ),
    # --- the command line (pipeline/cli.py)
    "cli.error": ("fejl:", "error:"),
    "cli.bad_lang": ("--lang skal være 'da' eller 'en', ikke '{value}'", "--lang must be 'da' or 'en', not '{value}'"),
    "cli.bad_monte_carlo": (
        "--monte-carlo skal være et antal træk på mindst 1, ikke {n}",
        "--monte-carlo must be a number of draws of at least 1, not {n}",
    ),
    "cli.title_ingested": ("Indlæste udtræk", "Exports ingested"),
    "cli.title_validated": ("Kontrollerede udtræk", "Exports validated"),
    "cli.col_export": ("udtræk", "export"),
    "cli.col_result": ("resultat", "result"),
    "cli.col_read": ("rækker læst", "rows read"),
    "cli.col_loaded": ("indlæst", "loaded"),
    "cli.col_quarantined": ("i karantæne", "quarantined"),
    "cli.state_ok": ("ok", "ok"),
    "cli.state_valid": ("gyldigt", "valid"),
    "cli.state_partly": ("delvis i karantæne", "partly quarantined"),
    "cli.state_rejected": ("afvist: intet indlæst", "rejected: nothing loaded"),
    "cli.state_unchanged": ("allerede indlæst", "already ingested"),
    "cli.more_messages": (
        "  ... og {n} mere (alle står i karantænetabellen og i datakvalitetsrapporten)",
        "  ... and {n} more (all are in the quarantine table and the data-quality report)",
    ),
    "cli.reading": ("Læser {name}", "Reading {name}"),
    "cli.loaded_build_next": (
        "Indlæste {n} udtræk i {warehouse}. Modellerne er nu forældede: kør `joballiance build` (eller "
        "`joballiance run`).",
        "Loaded {n} export(s) into {warehouse}. The models are now out of date: run `joballiance build` (or "
        "`joballiance run`).",
    ),
    "cli.loaded_then_build": ("Indlæste {n} udtræk i {warehouse}; modellerne bygges nu.",
                              "Loaded {n} export(s) into {warehouse}; the models are built next."),
    "cli.no_warehouse": (
        "lageret {warehouse} findes ikke endnu; kør `joballiance ingest` først",
        "the warehouse {warehouse} does not exist yet; run `joballiance ingest` first",
    ),
    "cli.no_exports_yet": (
        "lageret {warehouse} indeholder endnu ingen udtræk; kør `joballiance ingest` først",
        "the warehouse {warehouse} holds no exports yet; run `joballiance ingest` first",
    ),
    "cli.built_in": ("Byggede {n} modeller i {warehouse}.", "Built {n} models in {warehouse}."),
    "cli.built": ("Byggede {n} modeller.", "Built {n} models."),
    "cli.wrote": ("Skrev {path}", "Wrote {path}"),
    "cli.wrote_files": ("Skrev {n} filer under {out}/", "Wrote {n} files under {out}/"),
    "cli.no_workbook": (
        "Regnearket med besparelserne er ikke skrevet: {reason}",
        "The savings workbook was not written: {reason}",
    ),
    "cli.wrote_demo": ("Skrev {n} syntetiske udtræk under {path}", "Wrote {n} synthetic exports under {path}"),
    "cli.template_suffix": ("{path} skal ende på .xlsx", "{path} should end in .xlsx"),
}
