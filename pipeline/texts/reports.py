"""The texts of the reports (titles, headings, paragraphs, column names), Danish and English."""

from __future__ import annotations

# key -> (Danish, English)
TEXTS: dict[str, tuple[str, str]] = {
    # --- report titles and title page
    "title.programme": (
        "Model Joballiancen – resultater for programmet",
        "Model Joballiancen – programme results",
    ),
    "title.partnership": (
        "Model Joballiancen – halvårlig opfølgning",
        "Model Joballiancen – half-year follow-up",
    ),
    "title.economics": (
        "Model Joballiancen – budgetøkonomisk beregning",
        "Model Joballiancen – public-budget calculation",
    ),
    "title.data_quality": ("Model Joballiancen – datakvalitet", "Model Joballiancen – data quality"),
    "subtitle.programme": ("Til bevillingsgivere og Ligeværd", "For funders and Ligeværd"),
    "subtitle.partnership": ("Til partnerskabets styregruppe", "For the partnership's steering group"),
    "subtitle.economics": (
        "Til økonomer: forudsætninger, formler og følsomhed",
        "For economists: assumptions, formulas and sensitivity",
    ),
    "subtitle.data_quality": ("Intern rapport til dataansvarlige", "Internal report for data managers"),
    "title.exports": ("Udtræk bag rapporten", "Exports behind the report"),
    "title.rendered": ("Dannet {date}", "Rendered {date}"),
    "title.params": ("Parameterfil: {path}", "Parameter file: {path}"),
    "title.min_cell": (
        "Små tal: antal under {n} vises som «<{n}»",
        "Small numbers: counts below {n} show as '<{n}'",
    ),
    "title.synthetic": (
        "Rapporten bygger på syntetiske demodata – ikke rigtige unge.",
        "This report is built on synthetic demo data – not real youths.",
    ),
    "title.partly_synthetic": (
        "Nogle udtræk er syntetiske demodata (markeret nedenfor).",
        "Some exports are synthetic demo data (marked below).",
    ),
    "title.built": ("Lageret er bygget {date}", "Warehouse built {date}"),
    "title.no_exports": ("Der er ingen indlæste udtræk.", "No exports are loaded."),
    "synthetic.yes": ("syntetiske demodata", "synthetic demo data"),
    "synthetic.no": ("rigtige data", "real data"),
    # --- common column names
    "col.partnership": ("Partnerskab", "Partnership"),
    "col.export_date": ("Udtræksdato", "Export date"),
    "col.data": ("Data", "Data"),
    "col.category": ("Status", "Status"),
    "col.status": ("Status", "Status"),
    "col.n": ("Antal", "Number"),
    "col.share": ("Andel", "Share"),
    "col.youths": ("Unge", "Youths"),
    "col.published_pilot": ("Pilot 2019–23 (publiceret)", "Pilot 2019–23 (published)"),
    "col.programme_avg": ("Hele programmet", "Whole programme"),
    "col.cohort": ("Årgang (STU-slut)", "Cohort (STU end)"),
    "col.n_observable": ("Kan opgøres", "Observable"),
    "col.n_job": ("I job", "In a job"),
    "col.rate": ("Jobandel", "Job-rate"),
    "col.ci_low": ("95 %-interval, fra", "95% interval, from"),
    "col.ci_high": ("95 %-interval, til", "95% interval, to"),
    "col.share_job": ("Andel i job", "Share in a job"),
    "col.month": ("Måneder efter STU", "Months after STU"),
    "col.phase": ("Fase", "Phase"),
    "col.n_reached": ("Nået", "Reached"),
    "col.share_reached": ("Andel nået", "Share reached"),
    "col.median_days": ("Median dage fra forrige fase", "Median days from previous phase"),
    "col.year": ("År", "Year"),
    "col.source": ("Kilde", "Source"),
    "col.n_youth": ("Unge", "Youths"),
    "col.npv_total": ("Nutidsværdi, offentlig netto", "NPV, public net"),
    "col.npv_municipal": ("Nutidsværdi, kommunal netto", "NPV, municipal net"),
    "col.break_even": ("Tjent hjem i år", "Break-even year"),
    "col.fte_per_youth": ("Årsværk pr. ung", "FTE per youth"),
    "col.gross_municipal": ("Brutto, kommune", "Gross, municipality"),
    "col.gross_state": ("Brutto, stat", "Gross, state"),
    "col.cost_municipal": ("Udgift, kommune", "Cost, municipality"),
    "col.cost_state": ("Udgift, stat", "Cost, state"),
    "col.net_municipal": ("Netto, kommune", "Net, municipality"),
    "col.net_state": ("Netto, stat", "Net, state"),
    "col.net_total": ("Netto, i alt", "Net, total"),
    "col.net_municipal_per_youth": ("Kommunal netto pr. ung", "Municipal net per youth"),
    "col.net_total_per_youth": ("Netto i alt pr. ung", "Total net per youth"),
    "col.discount_factor": ("Diskonteringsfaktor", "Discount factor"),
    "col.cumulative_net": ("Akkumuleret netto", "Cumulative net"),
    "col.cumulative_npv": ("Akkumuleret nutidsværdi", "Cumulative NPV"),
    "col.figure": ("Tal", "Figure"),
    "col.published": ("Publiceret", "Published"),
    "col.computed": ("Beregnet her", "Computed here"),
    "col.parameter": ("Parameter", "Parameter"),
    "col.value": ("Værdi", "Value"),
    "col.npv_low": ("Nutidsværdi ved lav", "NPV at low"),
    "col.npv_high": ("Nutidsværdi ved høj", "NPV at high"),
    "col.mean_npv": ("Middel", "Mean"),
    "col.p5": ("5 %-fraktil", "5th percentile"),
    "col.p50": ("Median", "Median"),
    "col.p95": ("95 %-fraktil", "95th percentile"),
    "col.prob_positive": ("Sandsynlighed for gevinst", "Probability of a gain"),
    "col.file": ("Fil", "File"),
    "col.sha256": ("SHA-256", "SHA-256"),
    "col.package": ("Pakke", "Package"),
    "col.version": ("Version", "Version"),
    "col.rows_read": ("Rækker læst", "Rows read"),
    "col.rows_loaded": ("Indlæst", "Loaded"),
    "col.rows_quarantined": ("I karantæne", "Quarantined"),
    "col.superseded": ("Afløst", "Superseded"),
    "col.sheet": ("Ark", "Sheet"),
    "col.row": ("Række", "Row"),
    "col.column": ("Kolonne", "Column"),
    "col.reason": ("Besked", "Message"),
    "col.message": ("Besked", "Message"),
    "col.dropped_columns": ("Fjernede kolonner", "Dropped columns"),
    "col.attempted_at": ("Forsøgt", "Attempted"),
    "col.superseded_by": ("Afløst af", "Superseded by"),
    # --- common values
    "value.all": ("Hele programmet", "Whole programme"),
    "value.total": ("I alt", "Total"),
    "value.yes": ("ja", "yes"),
    "value.no": ("nej", "no"),
    "value.observed": ("observeret", "observed"),
    "value.projected": ("fremskrevet", "projected"),
    "value.assumed": ("antaget", "assumed"),
    "value.year_n": ("År {n}", "Year {n}"),
    "value.month_n": ("{n} mdr.", "{n} mo."),
    "value.suppressed_segment": ("Skjult (små tal)", "Suppressed (small numbers)"),
    "value.as_above": ("som ovenfor", "as above"),
    "phase.1": ("Afklaring og udvikling", "Assessment and development"),
    "phase.2": ("Jobrettet indsats", "Job-oriented effort"),
    "phase.3": ("Jobafklaring og træning", "Job assessment and training"),
    "phase.4": ("Bæredygtig tilknytning", "Sustainable attachment"),
    # --- section headings
    "h.headline": ("Status 12 måneder efter STU", "Status 12 months after STU"),
    "h.employment_rate": (
        "Jobandel blandt unge, der kan følges i 12 måneder, pr. partnerskab",
        "Job-rate among youths followed for 12 months, by partnership",
    ),
    "h.employment_rate_cohort": (
        "Jobandel blandt unge, der kan følges i 12 måneder, pr. årgang",
        "Job-rate among youths followed for 12 months, by cohort",
    ),
    "h.status_profile": ("Status 1–36 måneder efter STU", "Status 1–36 months after STU"),
    "h.retention": ("Fastholdelse i job", "Retention in work"),
    "h.funnel": ("Forløbet gennem de fire faser", "Progress through the four phases"),
    "h.trend": ("Udvikling over udtræk", "Trend over exports"),
    "h.savings": ("Budgetøkonomiske besparelser", "Budget-economic savings"),
    "h.savings_by_year": (
        "Budgetøkonomisk besparelse år for år (kommune og stat)",
        "Budget-economic savings year by year (municipal and state)",
    ),
    "h.national": (
        "Landsdækkende udrulning sammenholdt med HBS Economics",
        "National roll-out set against HBS Economics",
    ),
    "h.methods": ("Metode og forbehold", "Methods and caveats"),
    "h.dq_summary": ("Datakvalitet i korte træk", "Data quality in brief"),
    "h.parameters": ("Forudsætninger", "Assumptions"),
    "h.formulas": ("Beregningens trin", "Steps of the calculation"),
    "h.year_table": ("Resultat år for år (hele programmet)", "Result year by year (whole programme)"),
    "h.sensitivity": ("Følsomhed: én forudsætning ad gangen", "Sensitivity: one assumption at a time"),
    "h.monte_carlo": ("Usikkerhed: Monte Carlo-simulering", "Uncertainty: Monte Carlo simulation"),
    "h.hbs": ("Sammenligning med HBS Economics", "Comparison with HBS Economics"),
    "h.limits": ("Modellens begrænsninger", "Limits of the model"),
    "h.reproducibility": ("Reproducerbarhed", "Reproducibility"),
    "h.exports": ("Udtræk", "Exports"),
    "h.quarantine": ("Rækker i karantæne", "Quarantined rows"),
    "h.dropped": ("Fjernede kolonner", "Dropped columns"),
    "h.warnings": ("Advarsler", "Warnings"),
    "h.rejected": ("Afviste udtræk", "Rejected exports"),
    "h.superseded": ("Afløste udtræk", "Superseded exports"),
    # --- paragraphs
    "p.headline": (
        "Tabellen viser, hvor de unge var 12 måneder efter afsluttet STU, for alle unge i det nyeste udtræk "
        "fra hvert partnerskab. Unge, der endnu ikke har været ude af STU i 12 måneder, tælles som «stadig i "
        "forløb», præcis som i de publicerede pilottal. På landsplan er kun {baseline} af de unge i job "
        "eller "
        "uddannelse det første år efter STU.",
        "The table shows where the youths were 12 months after finishing STU, for every youth in the newest "
        "export of each partnership. Youths who have not yet been out of STU for 12 months count as 'still "
        "in "
        "the course', exactly as in the published pilot figures. Nationally, only {baseline} of the youths "
        "are "
        "in a job or education in the first year after STU.",
    ),
    "p.employment_rate": (
        "Jobandelen blandt unge, der kan følges i 12 måneder, er et andet tal end overskriften: den "
        "regnes kun blandt de unge, hvis 12 måneder efter STU er gået, og vises med 95 %-konfidensinterval "
        "(Wilson). Pilotens 81 % er regnet over alle unge og sammenholdes derfor kun med overskriftens "
        "andel i job. Tal om færre end {min_cell} unge vises ikke.",
        "The job-rate among youths followed for 12 months is a different figure from the headline: it counts "
        "only the youths whose 12 months after STU have passed, and is shown with a 95% confidence interval "
        "(Wilson). The pilot's 81% is computed over all youths, so it is set only against the headline's "
        "share in a job. Figures about fewer than {min_cell} youths are not shown.",
    ),
    "p.status_profile": (
        "Andel af de unge i hver status et givet antal måneder efter STU, blandt de unge, der er nået så "
        "langt. "
        "Små grupper er slået sammen i den skraverede del.",
        "Share of the youths in each status a given number of months after STU, among the youths who have "
        "reached that month. Small groups are combined in the hatched part.",
    ),
    "p.retention": (
        "Andelen, der stadig er i sit første job (Kaplan–Meier), regnet fra jobstart. Job adskilt af højst "
        "{gap_days} dage regnes som ét forløb. Kurven stopper, hvor færre end {min_cell} unge er i risiko.",
        "The share still in their first job (Kaplan–Meier), counted from the job start. Jobs separated by at "
        "most {gap_days} days count as one episode. The curve stops where fewer than {min_cell} youths are "
        "at "
        "risk.",
    ),
    "p.funnel": (
        "Hvor mange unge der er nået hver fase, og hvor lang tid der typisk går fra forrige fase.",
        "How many youths have reached each phase, and the typical time since the previous phase.",
    ),
    "p.trend": (
        "Status 12 måneder efter STU, som hvert udtræk viste den. Tallene ændrer sig, efterhånden som flere "
        "unge kan opgøres.",
        "Status 12 months after STU as each export showed it. The figures change as more youths become "
        "observable.",
    ),
    "p.savings": (
        "Budgetøkonomisk resultat (SØM-metoden): forskellen mellem de unges faktiske status og en "
        "sammenligningsgruppe uden modellen, ganget med de offentlige udgifter pr. helårsperson, fratrukket "
        "forløbsudgiften. Nutidsværdi over {horizon} år med diskonteringsrate {rate}.",
        "Budget-economic result (the SØM method): the difference between the youths' actual status and a "
        "comparison group without the model, times the public cost per person-year, less the programme cost. "
        "Net present value over {horizon} years at a discount rate of {rate}.",
    ),
    "p.national": (
        "Hvis {youths} unge om året fulgte programmets gennemsnitlige forløb: én årgangs effekt år for år, "
        "og bestanden af alle årgange, der er aktive i et år (op til {horizon} årgange). HBS Economics' skøn "
        "(januar 2024) er én årgangs årlige effekt.",
        "If {youths} youths a year followed the programme's average path: one cohort's effect year by year, "
        "and the stock of all cohorts active in a year (up to {horizon} cohorts). HBS Economics' estimate "
        "(January 2024) is one cohort's yearly effect.",
    ),
    "p.savings_by_year": (
        "År, hvor for få ungemåneder kan opgøres, er fremskrevet fra året før (markeret «fremskrevet»).",
        "Years with too few observable youth-months are projected from the year before (marked 'projected').",
    ),
    "p.dq_summary": (
        "{exports} udtræk er indlæst ({current} i brug), {rows_read} rækker læst, {rows_loaded} indlæst og "
        "{rows_quarantined} sat i karantæne; {rejected} udtræk er afvist. Detaljer står i rapporten om "
        "datakvalitet.",
        "{exports} exports are loaded ({current} in use), {rows_read} rows read, {rows_loaded} loaded and "
        "{rows_quarantined} quarantined; {rejected} exports were rejected. Details are in the data-quality "
        "report.",
    ),
    "p.methods": (
        "- **Data:** det nyeste udtræk fra hvert partnerskab; et udtræk er et fuldt øjebliksbillede, og "
        "intet "
        "efter udtræksdatoen er kendt.\n"
        "- **12-måneders-status:** status på dagen 12 kalendermåneder efter STU-slut. Unge uden STU-slut, "
        "eller hvis dag ligger efter udtræksdatoen, tælles som «stadig i forløb».\n"
        "- **Job** omfatter ordinær ansættelse, fleksjob, job med løntilskud for førtidspensionister og "
        "beskyttet beskæftigelse.\n"
        "- **Overskriften** er status 12 måneder efter STU blandt alle unge (n), som i pilotens tal.\n"
        "- **Jobandel blandt unge, der kan følges i 12 måneder:** andel i job blandt de unge, hvis 12 måneder "
        "er gået; 95 %-interval efter Wilson. Et andet tal end overskriften.\n"
        "- **Fastholdelse:** Kaplan–Meier på første jobforløb; huller på højst {gap_days} dage lukkes; "
        "igangværende job er censureret på udtræksdatoen.\n"
        "- **Budgetøkonomiske besparelser:** SØM-princippet med satser og kilder fra de parametre, lageret er "
        "bygget med; år uden nok observationer (under {min_months} ungemåneder) fremskrives.\n"
        "- **Små tal:** antal under {min_cell} vises som «<{min_cell}», andre skjulte tal som «–». Hvilke tal "
        "der skjules, afgøres én gang for alle rapporter, tabeller og downloads tilsammen, så et skjult tal "
        "ikke kan regnes ud af tal, der vises et andet sted.",
        "- **Data:** the newest export of each partnership; an export is a full snapshot, and nothing after "
        "the export date is known.\n"
        "- **12-month status:** the status on the day 12 calendar months after STU end. Youths without an "
        "STU "
        "end, or whose day lies after the export date, count as 'still in the course'.\n"
        "- **Job** covers ordinary employment, flexjob, jobs with wage subsidy for disability pensioners and "
        "protected employment.\n"
        "- **The headline** is the status 12 months after STU among all youths (n), as in the pilot's figures.\n"
        "- **Job-rate among youths followed for 12 months:** the share in a job among the youths whose 12 "
        "months have passed; 95% Wilson interval. A different figure from the headline.\n"
        "- **Retention:** Kaplan–Meier on the first job episode; gaps of at most {gap_days} days are closed; "
        "ongoing jobs are censored at the export date.\n"
        "- **Budget-economic savings:** the SØM principle with the rates and sources the warehouse was built "
        "with; years without enough observations (under {min_months} youth-months) are projected.\n"
        "- **Small numbers:** counts below {min_cell} show as '<{min_cell}', other hidden figures as '–'. "
        "Which figures are hidden is decided once for all reports, tables and downloads together, so a hidden "
        "figure cannot be worked out from figures shown elsewhere.",
    ),
    "p.parameters": (
        "Alle forudsætninger, som lageret er bygget med (parameterfil {path}, SHA-256 {sha}), med værdi og "
        "kilde.",
        "Every assumption the warehouse was built with (parameter file {path}, SHA-256 {sha}), with its value "
        "and source.",
    ),
    "p.formulas": (
        "1. **Observeret fordeling:** D(s) = ungemåneder i status s i år k / opgjorte ungemåneder i år k. "
        "Året er observeret, når der er mindst {min_months} opgjorte ungemåneder.\n"
        "2. **Fremskrivning:** ellers fremskrives året fra året før: jobandelen ganges med {retention}, og "
        "det tabte går til «{loss_to}».\n"
        "3. **Sammenligningsgruppe:** B(s), den antagne fordeling uden programmet, fra parameterfilen; "
        "sidste år gentages.\n"
        "4. **Bruttobesparelse** pr. budget b: antal unge · Σ<sub>s</sub> (B(s) − D(s)) · helårsudgift(s) · "
        "andel<sub>b</sub>(s).\n"
        "5. **Forløbsudgift:** faktisk udgift pr. ung (ellers {cost}) bogført i år {cost_year}.\n"
        "6. **Netto** = brutto − udgift; **nutidsværdi** = Σ<sub>k</sub> netto<sub>k</sub> · "
        "(1 + {rate})<sup>−(k−1)</sup>.",
        "1. **Observed distribution:** D(s) = youth-months in status s in year k / observed youth-months in "
        "year k. The year is observed when at least {min_months} youth-months are observed.\n"
        "2. **Projection:** otherwise the year is projected from the year before: the job share is "
        "multiplied "
        "by {retention}, and the loss goes to '{loss_to}'.\n"
        "3. **Comparison group:** B(s), the assumed distribution without the programme, from the parameter "
        "file; the last year repeats.\n"
        "4. **Gross saving** per budget b: number of youths · Σ<sub>s</sub> (B(s) − D(s)) · annual cost(s) · "
        "share<sub>b</sub>(s).\n"
        "5. **Programme cost:** actual cost per youth (else {cost}) booked in year {cost_year}.\n"
        "6. **Net** = gross − cost; **NPV** = Σ<sub>k</sub> net<sub>k</sub> · "
        "(1 + {rate})<sup>−(k−1)</sup>.",
    ),
    "p.sensitivity": (
        "Nutidsværdien for hele programmet, når én forudsætning sættes til sin lave og høje værdi. "
        "Den lodrette linje er hovedberegningen ({base}).",
        "The whole programme's NPV when one assumption is set to its low and high value. The vertical line "
        "is the main calculation ({base}).",
    ),
    "p.monte_carlo": (
        "Alle usikre forudsætninger trækkes samtidig fra deres fordelinger i parameterfilen.",
        "Every uncertain assumption is drawn at once from its distribution in the parameter file.",
    ),
    "p.limits": (
        "- Sammenligningsgruppen er ikke en kontrolgruppe: den bygger på landstal for unge efter STU, ikke "
        "på "
        "de samme unge uden modellen. Forskellen er derfor ikke en målt effekt.\n"
        "- Få unge pr. partnerskab giver brede intervaller; senere år er fremskrevet, ikke målt.\n"
        "- Satserne er gennemsnit pr. helårsperson; skat af løn og de unges egne indkomster indgår kun, "
        "som parameterfilen angiver.\n"
        "- Forløbsudgiften er den ekstra udgift til forløbet; STU'en selv indgår ikke.\n"
        "- Fremskrivningen antager, at jobandelen falder med en fast rate hvert år.",
        "- The comparison group is not a control group: it rests on national figures for youths after STU, "
        "not "
        "on the same youths without the model. The difference is therefore not a measured effect.\n"
        "- Few youths per partnership give wide intervals; later years are projected, not measured.\n"
        "- The rates are averages per person-year; tax on wages and the youths' own incomes count only as "
        "the "
        "parameter file states.\n"
        "- The programme cost is the extra cost of the course; STU itself is not included.\n"
        "- The projection assumes that the job share falls by a fixed rate every year.",
    ),
    "p.reproducibility": (
        "Rapporten kan dannes igen med præcis de samme tal fra disse udtræk, denne parameterfil og disse "
        "pakkeversioner.",
        "The report can be rendered again with exactly the same figures from these exports, this parameter "
        "file and these package versions.",
    ),
    "p.dq_intro": (
        "Alle udtræk, der er forsøgt indlæst, og hvad der skete med hver række. Rækker læst = indlæst + "
        "i karantæne for hvert udtræk. Rapporten er til internt brug og viser ikke personoplysninger "
        "(CPR-numre er maskeret).",
        "Every export that was offered for loading and what happened to each row. Rows read = loaded + "
        "quarantined for each export. The report is for internal use and shows no personal data (CPR numbers "
        "are masked).",
    ),
    "p.none_quarantined": ("Ingen rækker er sat i karantæne.", "No rows are quarantined."),
    "p.none_dropped": ("Ingen kolonner er fjernet.", "No columns were dropped."),
    "p.none_warnings": ("Ingen advarsler.", "No warnings."),
    "p.none_rejected": ("Ingen udtræk er afvist.", "No exports were rejected."),
    "p.none_superseded": ("Ingen udtræk er afløst.", "No exports are superseded."),
    "p.no_data": ("Ingen data til denne del endnu.", "No data for this part yet."),
    "p.suppressed_chart": ("Ikke vist: for få unge.", "Not shown: too few youths."),
    "p.dropped_note": (
        "Kolonnernes navne vises; deres indhold er aldrig gemt.",
        "The columns' names are shown; their contents were never stored.",
    ),
    "p.partnership_beside": (
        "{name}: partnerskabets tal side om side med hele programmet.",
        "{name}: the partnership's figures beside the whole programme.",
    ),
    "table.note": (
        "«{small}»: et antal, der ikke vises – færre end {n} unge, eller skjult, så et andet lille tal ikke kan "
        "regnes ud. «{hidden}»: en andel eller et beløb, der ikke vises af samme grund, eller ikke er opgjort.",
        "'{small}': a count not shown – fewer than {n} youths, or hidden so that another small number cannot be "
        "worked out. '{hidden}': a share or amount not shown for the same reason, or not computed.",
    ),
    # --- chart texts
    "chart.rate_title": (
        "Jobandel blandt unge, der kan følges i 12 måneder",
        "Job-rate among youths followed for 12 months",
    ),
    "chart.rate_x": ("Jobandel (95 %-interval)", "Job-rate (95% interval)"),
    "chart.profile_title": ("Status efter STU", "Status after STU"),
    "chart.profile_x": ("Måneder efter STU", "Months after STU"),
    "chart.share_y": ("Andel af de unge", "Share of the youths"),
    "chart.retention_title": ("Stadig i første job", "Still in the first job"),
    "chart.retention_x": ("Måneder siden jobstart", "Months since job start"),
    "chart.retention_y": ("Andel stadig i job", "Share still in a job"),
    "chart.funnel_title": ("Andel, der har nået hver fase", "Share who have reached each phase"),
    "chart.funnel_x": ("Andel af de unge", "Share of the youths"),
    "chart.trend_title": (
        "Andel i job 12 måneder efter STU, pr. udtræk",
        "Share in a job 12 months after STU, by export",
    ),
    "chart.trend_x": ("Udtræksdato", "Export date"),
    "chart.trend_y": ("Andel i job", "Share in a job"),
    "chart.savings_title": ("Akkumuleret budgetøkonomisk nettobesparelse", "Cumulative budget-economic net saving"),
    "chart.savings_x": ("År efter STU", "Year after STU"),
    "chart.savings_y": ("Mio. kr.", "DKK million"),
    "chart.npv_title": ("Budgetøkonomisk nutidsværdi pr. partnerskab", "Budget-economic NPV by partnership"),
    "chart.npv_x": ("Nutidsværdi, mio. kr.", "NPV, DKK million"),
    "chart.tornado_title": (
        "Nutidsværdi ved lav og høj værdi af hver forudsætning",
        "NPV at the low and high value of each assumption",
    ),
    "chart.tornado_x": ("Nutidsværdi, mio. kr.", "NPV, DKK million"),
    "chart.mc_title": ("Fordeling af nutidsværdien", "Distribution of the NPV"),
    "chart.mc_x": ("Nutidsværdi, mio. kr.", "NPV, DKK million"),
    "chart.low": ("lav værdi", "low value"),
    "chart.high": ("høj værdi", "high value"),
    "chart.pilot": ("Pilot (publiceret)", "Pilot (published)"),
    "chart.baseline": ("Landsplan uden modellen", "Nationally without the model"),
    # --- data-quality summary labels
    "dq.exports": ("Udtræk indlæst", "Exports loaded"),
    "dq.current": ("Udtræk i brug", "Exports in use"),
    "dq.rows_read": ("Rækker læst", "Rows read"),
    "dq.rows_loaded": ("Rækker indlæst", "Rows loaded"),
    "dq.rows_quarantined": ("Rækker i karantæne", "Rows quarantined"),
    "dq.rejected": ("Afviste udtræk", "Rejected exports"),
    "dq.warnings": ("Advarsler", "Warnings"),
    # --- published comparison figure names
    "fig.pilot_share_job_12m": (
        "Andel i job efter 12 mdr. (pilot)",
        "Share in a job after 12 months (pilot)",
    ),
    "fig.pilot_share_education_12m": (
        "Andel i uddannelse efter 12 mdr. (pilot)",
        "Share in education after 12 months (pilot)",
    ),
    "fig.pilot_share_in_course_12m": (
        "Andel stadig i forløb efter 12 mdr. (pilot)",
        "Share still in the course after 12 months (pilot)",
    ),
    "fig.pilot_share_public_support_12m": (
        "Andel på offentlig forsørgelse efter 12 mdr. (pilot)",
        "Share on public support after 12 months (pilot)",
    ),
    "fig.hbs_national_annual_saving": (
        "Årlig budgetøkonomisk besparelse, én årgang i dens år {year}",
        "Annual budget-economic saving, one cohort in its year {year}",
    ),
    "fig.hbs_national_extra_full_time_employed": (
        "Ekstra fuldtidsbeskæftigede, én årgang i dens år {year}",
        "Extra full-time employed, one cohort in its year {year}",
    ),
    "fig.hbs_year2_net_saving_per_participant_total": (
        "Nettobesparelse pr. deltager i år 2, offentligt",
        "Net saving per participant in year 2, public",
    ),
    "fig.hbs_year2_net_saving_per_participant_municipal": (
        "Nettobesparelse pr. deltager i år 2, kommune",
        "Net saving per participant in year 2, municipal",
    ),
    "fig.hbs_break_even_share_job_or_education": (
        "Skæringsværdi: andel i job eller uddannelse",
        "Switching value: share in a job or education",
    ),
    "fig.baseline_share_job_or_education_year1": (
        "Andel i job eller uddannelse år 1 uden modellen",
        "Share in a job or education in year 1 without the model",
    ),
    "fig.hbs_assumed_share_job_or_education": (
        "HBS' antagne andel i job eller uddannelse med modellen",
        "HBS' assumed share in a job or education with the model",
    ),
    "fig.hbs_year1": ("År 1", "Year 1"),
    "fig.pilot_youths": ("Unge i piloten", "Youths in the pilot"),
}
