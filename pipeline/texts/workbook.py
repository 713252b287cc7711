"""Texts of the savings workbook (reports/savings.xlsx): sheet names, headers, notes."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # sheet names (at most 31 characters, no []:*?/\)
    "wb.sheet.about": ("Om regnearket", "About"),
    "wb.sheet.input": ("Input", "Inputs"),
    "wb.sheet.distribution": ("Fordeling", "Distribution"),
    "wb.sheet.baseline": ("Basislinje", "Baseline"),
    "wb.sheet.gross": ("Brutto pr. status", "Gross by status"),
    "wb.sheet.result": ("Resultat", "Results"),
    "wb.sheet.national": ("National årgang", "National cohort"),
    "wb.sheet.check": ("Kontrol", "Check"),
    # first sheet
    "wb.title": (
        "Budgetøkonomisk beregning af Model Joballiancen (SØM-lignende)",
        "Public-budget calculation of Model Joballiancen (SØM-style)",
    ),
    "wb.about.what": (
        "Regnearket regner besparelsen for kommune og stat år for år efter STU: de unges statusfordeling "
        "sammenlignet med en basislinje uden Joballiancen, ganget med den årlige offentlige udgift pr. status, "
        "minus forløbsudgiften, diskonteret til nutidsværdi. Alle tal på beregningsarkene er formler.",
        "The workbook computes the saving for municipalities and the state year by year after STU: the youths' "
        "status distribution against a baseline without Joballiancen, times the annual public cost per status, "
        "minus the programme cost, discounted to a present value. Every figure on the calculation sheets is a "
        "formula.",
    ),
    "wb.about.how": (
        "Sådan bruges det: ret de gule felter på arket »Input« (og basislinjen på arket »Basislinje«); "
        "alle beregningsark regner om med det samme i Excel og LibreOffice. Blå felter er data fra "
        "den offentliggjorte frigivelse; dem bør man ikke ændre. Arket »Kontrol« viser forskellen til de "
        "offentliggjorte tal: 0 med de oprindelige input.",
        "How to use it: change the yellow cells on the sheet 'Inputs' (and the baseline on the sheet "
        "'Baseline'); every calculation sheet recomputes at once in Excel and LibreOffice. Blue cells are data "
        "from the published release; do not change them. The sheet 'Check' shows the difference from the "
        "published figures: 0 with the original inputs.",
    ),
    "wb.about.exact": (
        "Præcision: med de oprindelige input giver regnearket de offentliggjorte tal på kronen. Ændres "
        "diskonteringsrente, satser, kommunale andele, FTE, forløbsudgift, basislinje eller antal unge om året, "
        "er resultatet det samme som modellens med samme ændring. Ændres jobfastholdelsen eller statussen ved "
        "tabt job, regnes de fremskrevne år om ud fra jobandelene pr. fremskrivningsår (arket »Fordeling«): "
        "eksakt, når frigivelsen indeholder dem, ellers et skøn, der er eksakt, når alle partnerskaber "
        "fremskrives fra samme år. Observerede år er data og ændres ikke.",
        "Precision: with the original inputs the workbook gives the published figures to the krone. When the "
        "discount rate, rates, municipal shares, FTE, programme cost, baseline or youths a year are changed, the "
        "result equals the model's with the same change. When the job retention or the status after a lost job "
        "is changed, the projected years are recomputed from the job shares by the year they are projected from "
        "(sheet 'Distribution'): exactly when the release holds them, otherwise from an estimate that is exact "
        "when every partnership is projected from the same year. Observed years are data and do not change.",
    ),
    "wb.about.limits": (
        "Modellen tæller kun offentlige kasser (kommune og stat). Der er ingen kontrolgruppe: basislinjen er et "
        "skøn, så forskellen er en antaget, ikke en målt, effekt. Antal år (horisont) og hvilke år der er "
        "observeret, ligger fast i regnearket; kør modellen igen for at ændre dem.",
        "The model counts public budgets only (municipality and state). There is no control group: the baseline "
        "is an estimate, so the difference is an assumed, not a measured, effect. The number of years (horizon) "
        "and which years are observed are fixed in the workbook; rerun the model to change them.",
    ),
    "wb.about.synthetic": (
        "SYNTETISKE DATA: tallene bygger på opdigtede demodata, ikke på rigtige unge.",
        "SYNTHETIC DATA: the figures rest on made-up demo data, not on real youths.",
    ),
    "wb.about.params": ("Parameterfil", "Parameter file"),
    "wb.about.sha": ("Kontrolsum (SHA-256)", "Checksum (SHA-256)"),
    "wb.about.overrides": ("Ændret ved kørslen", "Changed for this run"),
    "wb.about.youths": ("Unge i beregningen", "Youths in the calculation"),
    "wb.about.sheets": ("Arkene", "The sheets"),
    "wb.about.sheet.input": (
        "alle forudsætninger, der kan ændres, med enhed og kilde; sekundære kilder er markeret",
        "every assumption that may be changed, with unit and source; secondary sources are marked",
    ),
    "wb.about.sheet.distribution": (
        "de unges statusfordeling år for år (observeret, fremskrevet eller antaget)",
        "the youths' status distribution year by year (observed, projected or assumed)",
    ),
    "wb.about.sheet.baseline": (
        "fordelingen uden Joballiancen (basislinjen), kan ændres",
        "the distribution without Joballiancen (the baseline), may be changed",
    ),
    "wb.about.sheet.gross": (
        "bruttobesparelsen pr. status for kommune og stat",
        "the gross saving by status for municipalities and the state",
    ),
    "wb.about.sheet.result": (
        "brutto, forløbsudgift, netto, diskontering, nutidsværdi og break-even",
        "gross, programme cost, net, discounting, present value and break-even",
    ),
    "wb.about.sheet.national": (
        "én årlig årgang på landsplan (HBS Economics' »pr. år«) og alle årgange i gang",
        "one annual national intake (HBS Economics' 'per year') and every cohort under way",
    ),
    "wb.about.sheet.check": (
        "regnearkets tal sat over for de offentliggjorte",
        "the workbook's figures against the published ones",
    ),
    # common headers
    "wb.col.year": ("År efter STU", "Year after STU"),
    "wb.col.source": ("Fordelingen er", "Distribution is"),
    "wb.col.total": ("I alt", "Total"),
    "wb.col.sum": ("Sum (skal være 100 %)", "Sum (must be 100 %)"),
    "wb.col.share_job": ("Andel i job", "Share in a job"),
    "wb.col.share_job_edu": ("Andel i job eller uddannelse", "Share in a job or education"),
    "wb.col.fte": ("Fuldtidsbeskæftigede pr. ung", "Full-time employed per youth"),
    "wb.source.observed": ("observeret", "observed"),
    "wb.source.projected": ("fremskrevet", "projected"),
    "wb.source.assumed": ("antaget", "assumed"),
    "wb.legend": (
        "Gule felter kan ændres; blå felter er data fra frigivelsen; øvrige tal er formler.",
        "Yellow cells may be changed; blue cells are data from the release; every other figure is a formula.",
    ),
    # input sheet
    "wb.input.title": ("Forudsætninger", "Assumptions"),
    "wb.input.col.parameter": ("Forudsætning", "Assumption"),
    "wb.input.col.value": ("Værdi", "Value"),
    "wb.input.col.unit": ("Enhed", "Unit"),
    "wb.input.col.key": ("Nøgle (til --set)", "Key (for --set)"),
    "wb.input.col.source": ("Kilde", "Source"),
    "wb.input.col.kind": ("Kildetype", "Kind of source"),
    "wb.input.data": (
        "Data fra den offentliggjorte frigivelse (ændres ikke)", "Data from the published release (do not change)",
    ),
    "wb.input.status_table": ("Satser pr. status (kan ændres)", "Rates by status (may be changed)"),
    "wb.input.status_sources": ("Kilder pr. status", "Sources by status"),
    "wb.input.other": (
        "Øvrige forudsætninger (virker ikke i regnearket; kør modellen igen for at ændre dem)",
        "Other assumptions (not live in the workbook; rerun the model to change them)",
    ),
    "wb.p.discount_rate": ("Diskonteringsrente", "Discount rate"),
    "wb.p.per_youth": ("Forløbsudgift pr. ung uden oplyst udgift", "Programme cost per youth without a known cost"),
    "wb.p.cost_share": ("Kommunens andel af forløbsudgiften", "Municipal share of the programme cost"),
    "wb.p.cost_year": (
        "År efter STU, hvor forløbsudgiften bogføres", "Year after STU in which the programme cost falls",
    ),
    "wb.p.retention": ("Jobfastholdelse pr. år (fremskrevne år)", "Job retention a year (projected years)"),
    "wb.p.loss_to": ("Status ved tabt job (statuskode)", "Status after a lost job (status code)"),
    "wb.p.youths_per_year": ("Unge pr. år ved national udrulning", "Youths a year in a national roll-out"),
    "wb.p.n_youths": ("Unge i beregningen", "Youths in the calculation"),
    "wb.p.known_cost": ("Oplyst forløbsudgift i alt", "Known programme cost, total"),
    "wb.p.default_youths": ("Unge uden oplyst forløbsudgift", "Youths without a known programme cost"),
    "wb.p.release_loss_to": (
        "Status ved tabt job, som de offentliggjorte tal er regnet med",
        "Status after a lost job the published figures were computed with",
    ),
    "wb.p.release_retention": (
        "Jobfastholdelse, som de offentliggjorte tal er regnet med",
        "Job retention the published figures were computed with",
    ),
    "wb.s.code": ("Statuskode", "Status code"),
    "wb.s.category": ("Kategori", "Category"),
    "wb.s.job": ("Job (1 = ja)", "Job (1 = yes)"),
    "wb.s.job_edu": ("Job eller uddannelse (1 = ja)", "Job or education (1 = yes)"),
    "wb.s.cost": ("Årlig offentlig nettoudgift", "Annual net public cost"),
    "wb.s.municipal_share": ("Kommunens andel", "Municipal share"),
    "wb.s.fte": ("Fuldtidsbeskæftiget (FTE)", "Full-time employed (FTE)"),
    "wb.unit.share": ("andel", "share"),
    "wb.unit.dkk": ("kr.", "DKK"),
    "wb.unit.dkk_year": ("kr. pr. år", "DKK a year"),
    "wb.unit.dkk_person_year": ("kr. pr. personår", "DKK per person-year"),
    "wb.unit.year": ("år", "year"),
    "wb.unit.youths": ("unge", "youths"),
    "wb.unit.youths_year": ("unge pr. år", "youths a year"),
    "wb.unit.fte": ("FTE pr. personår", "FTE per person-year"),
    "wb.unit.code": ("kode", "code"),
    "wb.unit.none": ("", ""),
    "wb.kind.primary": ("primær", "primary"),
    "wb.kind.secondary": ("sekundær", "secondary"),
    "wb.kind.derived": ("afledt", "derived"),
    "wb.kind.assumption": ("antagelse", "assumption"),
    "wb.kind.override": ("ændret ved kørslen", "changed for this run"),
    "wb.kind.none": ("ingen kilde", "no source"),
    # distribution / baseline
    "wb.dist.title": (
        "De unges statusfordeling pr. år efter STU (andel af ungemåneder)",
        "The youths' status distribution by year after STU (share of youth-months)",
    ),
    "wb.dist.note": (
        "Observerede og antagne år er de offentliggjorte andele. Fremskrevne år er de offentliggjorte andele plus "
        "virkningen af en ændret jobfastholdelse r: jobandelen fremskrevet fra år L ganges med r^(k−L) i stedet "
        "for den oprindelige; den tabte jobandel står på statussen ved tabt job.",
        "Observed and assumed years are the published shares. Projected years are the published shares plus the "
        "effect of a changed job retention r: the job share projected from year L is multiplied by r^(k−L) "
        "instead of the original; the lost job share sits on the status after a lost job.",
    ),
    "wb.dist.published": (
        "Den offentliggjorte fordeling (data fra frigivelsen)",
        "The published distribution (data from the release)",
    ),
    "wb.dist.base_exact": (
        "Jobandele, der fremskrives fra år L: partnerskaber hvis sidste observerede år er L (data fra frigivelsen)",
        "Job shares projected from year L: partnerships whose last observed year is L (data from the release)",
    ),
    "wb.dist.base_estimated": (
        "Jobandele, der fremskrives fra år L — skønnet: hele programmets jobandele i det sidste år, der er "
        "observeret for alle partnerskaber (eksakt, når alle fremskrives fra det år)",
        "Job shares projected from year L — estimated: the whole programme's job shares in the last year observed "
        "for every partnership (exact when every partnership is projected from that year)",
    ),
    "wb.base.title": (
        "Basislinje: statusfordeling uden Joballiancen (kan ændres)",
        "Baseline: status distribution without Joballiancen (may be changed)",
    ),
    "wb.base.fte": ("Fuldtidsbeskæftigede pr. ung", "Full-time employed per youth"),
    # gross
    "wb.gross.title": (
        "Bruttobesparelse pr. status: unge × (basislinje − fordeling) × årlig udgift × budgettets andel, kr.",
        "Gross saving by status: youths × (baseline − distribution) × annual cost × the budget's share, DKK",
    ),
    "wb.gross.municipal": ("Kommunerne", "Municipalities"),
    "wb.gross.state": ("Staten", "The state"),
    # result
    "wb.res.title": ("Resultat år for år, hele programmet, kr.", "Result year by year, whole programme, DKK"),
    "wb.res.gross_m": ("Brutto kommune", "Gross municipal"),
    "wb.res.gross_s": ("Brutto stat", "Gross state"),
    "wb.res.cost_m": ("Forløbsudgift kommune", "Programme cost municipal"),
    "wb.res.cost_s": ("Forløbsudgift stat", "Programme cost state"),
    "wb.res.net_m": ("Netto kommune", "Net municipal"),
    "wb.res.net_s": ("Netto stat", "Net state"),
    "wb.res.net": ("Netto i alt", "Net total"),
    "wb.res.net_m_youth": ("Netto kommune pr. ung", "Net municipal per youth"),
    "wb.res.net_youth": ("Netto i alt pr. ung", "Net total per youth"),
    "wb.res.discount": ("Diskonteringsfaktor", "Discount factor"),
    "wb.res.pv": ("Nutidsværdi af netto i alt", "Present value of net total"),
    "wb.res.cum": ("Akkumuleret netto i alt (ikke diskonteret)", "Cumulative net total (undiscounted)"),
    "wb.res.cum_pv": ("Akkumuleret nutidsværdi", "Cumulative present value"),
    "wb.res.paid": ("Tilbagebetalt (år)", "Paid back (year)"),
    "wb.res.base_fte": ("Basislinjens FTE pr. ung", "Baseline FTE per youth"),
    "wb.res.extra_fte": ("Ekstra FTE pr. ung", "Extra FTE per youth"),
    "wb.res.summary": ("Nøgletal", "Key figures"),
    "wb.res.npv": ("Nutidsværdi (NPV) netto i alt", "Net present value (NPV), total"),
    "wb.res.npv_m": ("Nutidsværdi (NPV) netto kommune", "Net present value (NPV), municipal"),
    "wb.res.npv_s": ("Nutidsværdi (NPV) netto stat", "Net present value (NPV), state"),
    "wb.res.break_even": (
        "Break-even-år (første år med akkumuleret netto i alt ≥ 0, ikke diskonteret)",
        "Break-even year (first year with cumulative net total ≥ 0, undiscounted)",
    ),
    "wb.res.never": ("ikke inden for horisonten", "not within the horizon"),
    "wb.res.lambda": (
        "λ*: den andel af effekten, der skal til, før nutidsværdien er 0 (nutidsværdi af forløbsudgift / af brutto)",
        "λ*: the share of the effect needed for a present value of 0 (present value of programme cost / of gross)",
    ),
    "wb.res.switching": (
        "Skifteværdi: andel i job eller uddannelse i år 1 ved λ*",
        "Switching value: share in a job or education in year 1 at λ*",
    ),
    # national
    "wb.nat.title": (
        "National udrulning: én årgang pr. år på den gennemsnitlige vej pr. ung, kr.",
        "National roll-out: one intake a year on the average path per youth, DKK",
    ),
    "wb.nat.youths": ("Unge pr. år", "Youths a year"),
    "wb.nat.cohort_net": ("Én årgang: netto i alt", "One intake: net total"),
    "wb.nat.cohort_net_m": ("Én årgang: netto kommune", "One intake: net municipal"),
    "wb.nat.cohort_fte": ("Én årgang: ekstra fuldtidsbeskæftigede", "One intake: extra full-time employed"),
    "wb.nat.stock_net": ("Alle årgange i gang: netto i alt", "Every cohort under way: net total"),
    "wb.nat.stock_net_m": ("Alle årgange i gang: netto kommune", "Every cohort under way: net municipal"),
    "wb.nat.stock_fte": (
        "Alle årgange i gang: ekstra fuldtidsbeskæftigede", "Every cohort under way: extra full-time employed",
    ),
    "wb.nat.note": (
        "»Én årgang« er HBS Economics' »pr. år«: en årlig optagelse i sit år k efter STU. »Alle årgange i gang« "
        "lægger år 1 … t sammen (år t med t årgange).",
        "'One intake' is HBS Economics' 'per year': one annual intake in its year k after STU. 'Every cohort "
        "under way' adds years 1 … t (year t with t cohorts).",
    ),
    # check
    "wb.chk.title": (
        "Kontrol: regnearkets tal mod de offentliggjorte (forskel 0 med de oprindelige input)",
        "Check: the workbook's figures against the published ones (difference 0 with the original inputs)",
    ),
    "wb.chk.figure": ("Tal", "Figure"),
    "wb.chk.key": ("Nøgle i de offentliggjorte tal", "Key in the published figures"),
    "wb.chk.published": ("Offentliggjort", "Published"),
    "wb.chk.workbook": ("Regnearket", "Workbook"),
    "wb.chk.difference": ("Forskel", "Difference"),
    "wb.chk.programme": ("hele programmet", "whole programme"),
    "wb.chk.extra_fte": ("Én årgang: ekstra fuldtidsbeskæftigede", "One intake: extra full-time employed"),
    "wb.error.hidden": (
        "Regnearket kan ikke laves: programmets besparelsestal er skjult (for få unge) eller mangler i "
        "frigivelsen ({what}).",
        "The workbook cannot be made: the programme's savings figures are hidden (too few youths) or missing "
        "from the release ({what}).",
    ),
}
