"""Texts of the report tables added with the release: CSV downloads, the HBS comparison, small programmes."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "p.download_csv": ("Hent tabellen som CSV", "Download the table as CSV"),
    "col.npv_state": ("Nutidsværdi, stat", "NPV, state"),
    "col.share_job_or_education": ("Andel i job eller uddannelse", "Share in a job or education"),
    "col.municipality": ("Handlekommune", "Home municipality"),
    "col.cohort_net_total_dkk": ("Én årgang: nettobesparelse", "One cohort: net saving"),
    "col.cohort_extra_fte": ("Én årgang: ekstra fuldtidsbeskæftigede", "One cohort: extra full-time employed"),
    "col.stock_net_total_dkk": ("Alle aktive årgange: nettobesparelse", "All active cohorts: net saving"),
    "col.stock_net_municipal_dkk": ("Alle aktive årgange: kommunal nettobesparelse",
                                    "All active cohorts: municipal net saving"),
    "col.stock_extra_fte": ("Alle aktive årgange: ekstra fuldtidsbeskæftigede",
                            "All active cohorts: extra full-time employed"),
    "fig.national_stock_net_total_dkk": (
        "Bestanden: årlig nettobesparelse af alle årgange, der er aktive i år {year} (ikke sammenlignelig med HBS)",
        "The stock: yearly net saving of all cohorts active in year {year} (not comparable with HBS)",
    ),
    "fig.national_stock_extra_fte": (
        "Bestanden: ekstra fuldtidsbeskæftigede af alle årgange, der er aktive i år {year}",
        "The stock: extra full-time employed of all cohorts active in year {year}",
    ),
    "fig.break_even_npv": (
        "Skæringsværdi: andel i job eller uddannelse, hvor nutidsværdien over 10 år er 0",
        "Break-even: share in a job or education at which the 10-year NPV is 0",
    ),
    "fig.break_even_steady_year": (
        "Skæringsværdi: andel i job eller uddannelse, hvor nettoet i år {year} er 0",
        "Break-even: share in a job or education at which the net in year {year} is 0",
    ),
    "p.hbs_caveat": (
        "Sammenlign kun tal af samme slags: HBS Economics' ca. 150 mio. kr. og ca. 700 fuldtidsbeskæftigede "
        "er én årgangs årlige effekt. De stilles derfor over for én årgang i dens år {year}, ikke over for "
        "bestanden af alle aktive årgange, som vises for sig. Skæringsværdien vises på begge grundlag.",
        "Compare only figures of the same kind: HBS Economics' about DKK 150 million and about 700 full-time "
        "employed are one annual cohort's yearly effect. They are therefore set against one cohort in its year "
        "{year}, not against the stock of all active cohorts, which is shown on its own. The break-even share "
        "is shown on both bases.",
    ),
    "p.small_programme": (
        "Programmet har kun {n} unge i dette udtræk. Tal om færre end {min_cell} unge vises ikke af hensyn til "
        "de unges anonymitet, så de fleste tabeller og figurer er tomme eller viser «<{min_cell}» og «–».",
        "The programme has only {n} youths in this export. Figures about fewer than {min_cell} youths are not "
        "shown to protect the youths' anonymity, so most tables and charts are empty or show '<{min_cell}' and "
        "'–'.",
    ),
    "h.job_types": ("Hvilke job", "Which jobs"),
    "p.job_types": (
        "«I job» 12 måneder efter STU fordelt på ordinært job, fleksjob, job med løntilskud til "
        "førtidspensionister og beskyttet beskæftigelse.",
        "'In a job' 12 months after STU split into ordinary job, flexjob, wage-subsidised job for disability "
        "pensioners and sheltered employment.",
    ),
    "h.municipalities": ("Status 12 måneder efter STU pr. handlekommune",
                         "Status 12 months after STU by home municipality"),
    "p.synthetic_footer": ("Syntetiske data – ikke rigtige unge", "Synthetic data – not real youths"),
    "csv.partnership_id": ("Partnerskab", "Partnership"),
    "csv.municipality_code": ("Handlekommune", "Home municipality"),
    "csv.cohort": ("Årgang", "Cohort"),
    "csv.month": ("Måned efter STU", "Month after STU"),
    "csv.year": ("År efter STU", "Year after STU"),
    "csv.export_date": ("Udtræksdato", "Export date"),
    "csv.category": ("Kategori", "Category"),
    "csv.item": ("Post", "Item"),
    "csv.quantity": ("Størrelse", "Quantity"),
    "csv.value": ("Værdi", "Value"),
    "csv.shown": ("Vist som", "Shown as"),
    "csv.unit": ("Enhed", "Unit"),
    "csv.hidden": ("Skjult", "Hidden"),
    "h.summary": ("Sammenfatning", "Summary"),
    "p.summary": (
        "- **Status 12 måneder efter STU (overskriften):** {share_job} af alle {n} unge var i job – pilotens "
        "publicerede tal var {pilot}, regnet på samme måde.\n"
        "- **Jobandel blandt unge, der kan følges i 12 måneder:** {rate} af de {observable} unge, hvis 12 "
        "måneder er gået (et andet tal end overskriften).\n"
        "- **Budgetøkonomisk nutidsværdi over 10 år:** {npv} for hele programmet.\n"
        "- **Én årgang ved national udrulning, år {year}:** {cohort} om året (HBS Economics: {hbs})",
        "- **Status 12 months after STU (the headline):** {share_job} of all {n} youths were in a job – the "
        "pilot's published figure, computed the same way, was {pilot}.\n"
        "- **Job-rate among youths followed for 12 months:** {rate} of the {observable} youths whose 12 months "
        "have passed (a different figure from the headline).\n"
        "- **Budget-economic net present value over 10 years:** {npv} for the whole programme.\n"
        "- **One cohort in a national roll-out, year {year}:** {cohort} a year (HBS Economics: {hbs})",
    ),
    "p.small_programme_hidden": (
        "Antallet af unge vises ikke her, fordi det er lille eller ville afsløre et andet lille tal. Tal om færre "
        "end {min_cell} unge vises ikke af hensyn til de unges anonymitet, så de fleste tabeller og figurer "
        "viser «<{min_cell}» og «–».",
        "The number of youths is not shown here, because it is small or would reveal another small number. "
        "Figures about fewer than {min_cell} youths are not shown to protect the youths' anonymity, so most "
        "tables and charts show '<{min_cell}' and '–'.",
    ),
    "value.baseline_pct": ("12–15 %", "12–15%"),
    "value.other_municipalities": ("Øvrige kommuner", "Other municipalities"),
    # --- quantity names (CSV downloads)
    "q.outcome_12m_count": ("Antal unge 12 måneder efter STU", "Youths 12 months after STU"),
    "q.outcome_12m_share": ("Andel af alle unge 12 måneder efter STU", "Share of all youths 12 months after STU"),
    "q.employment_rate_observable": ("Unge, der kan følges i 12 måneder", "Youths followed for 12 months"),
    "q.employment_rate_job": ("Heraf i job", "Of these in a job"),
    "q.employment_rate": (
        "Jobandel blandt unge, der kan følges i 12 måneder",
        "Job-rate among youths followed for 12 months",
    ),
    "q.employment_rate_ci_low": ("Jobandel, 95 %-interval fra", "Job-rate, 95% interval from"),
    "q.employment_rate_ci_high": ("Jobandel, 95 %-interval til", "Job-rate, 95% interval to"),
    "q.status_profile_count": ("Antal unge m måneder efter STU", "Youths m months after STU"),
    "q.status_profile_share": ("Andel m måneder efter STU", "Share m months after STU"),
    "q.retention_at_risk": ("Unge stadig i første job (i risiko)", "Youths still in the first job (at risk)"),
    "q.retention_survival": ("Andel stadig i første job", "Share still in the first job"),
    "q.retention_ci_low": (
        "Andel stadig i første job, 95 %-interval fra",
        "Share still in the first job, 95% interval from",
    ),
    "q.retention_ci_high": (
        "Andel stadig i første job, 95 %-interval til",
        "Share still in the first job, 95% interval to",
    ),
    "q.funnel_count": ("Unge, der nåede fasen", "Youths who reached the phase"),
    "q.funnel_share": ("Andel, der nåede fasen", "Share who reached the phase"),
    "q.funnel_median_days": ("Median dage fra forrige fase", "Median days from the previous phase"),
    "q.trend_count": ("Antal unge pr. udtræk", "Youths by export"),
    "q.trend_share": ("Andel pr. udtræk", "Share by export"),
    "q.savings_youths": ("Unge i besparelsesberegningen", "Youths in the savings calculation"),
    "q.savings_status_share": ("Andel af ungemåneder i status", "Share of youth-months in the status"),
    "q.savings_baseline_share": ("Andel uden modellen (basislinje)", "Share without the model (baseline)"),
    "q.savings_year_source": ("Årets grundlag", "Source of the year"),
    "q.share_job": ("Andel i job", "Share in a job"),
    "q.share_job_or_education": ("Andel i job eller uddannelse", "Share in a job or education"),
    "q.fte_per_youth": ("Fuldtidsbeskæftigede pr. ung", "Full-time employed per youth"),
    "q.gross_municipal_dkk": ("Brutto, kommune", "Gross, municipal"),
    "q.gross_state_dkk": ("Brutto, stat", "Gross, state"),
    "q.cost_municipal_dkk": ("Udgift, kommune", "Cost, municipal"),
    "q.cost_state_dkk": ("Udgift, stat", "Cost, state"),
    "q.net_municipal_dkk": ("Netto, kommune", "Net, municipal"),
    "q.net_state_dkk": ("Netto, stat", "Net, state"),
    "q.net_total_dkk": ("Netto, i alt", "Net, total"),
    "q.net_municipal_per_youth_dkk": ("Kommunal netto pr. ung", "Municipal net per youth"),
    "q.net_total_per_youth_dkk": ("Netto i alt pr. ung", "Net total per youth"),
    "q.cumulative_net_total_dkk": ("Akkumuleret netto, udiskonteret", "Cumulative net, undiscounted"),
    "q.cumulative_npv_total_dkk": (
        "Akkumuleret netto, diskonteret (nutidsværdi)",
        "Cumulative net, discounted (present value)",
    ),
    "q.discount_factor": ("Diskonteringsfaktor", "Discount factor"),
    "q.npv_net_total_dkk": ("Nutidsværdi, netto i alt", "NPV, net total"),
    "q.npv_net_municipal_dkk": ("Nutidsværdi, kommune", "NPV, municipal"),
    "q.npv_net_state_dkk": ("Nutidsværdi, stat", "NPV, state"),
    "q.break_even_year": (
        "Tilbagebetalt i år (stat + kommune, udiskonteret)",
        "Paid back in year (state + municipality, undiscounted)",
    ),
    "q.national_cohort_net_total_dkk": ("Én årgang: nettobesparelse", "One cohort: net saving"),
    "q.national_cohort_net_municipal_dkk": (
        "Én årgang: kommunal nettobesparelse",
        "One cohort: municipal net saving",
    ),
    "q.national_cohort_extra_fte": ("Én årgang: ekstra fuldtidsbeskæftigede", "One cohort: extra full-time employed"),
    "q.national_stock_net_total_dkk": ("Alle aktive årgange: nettobesparelse", "All active cohorts: net saving"),
    "q.national_stock_net_municipal_dkk": (
        "Alle aktive årgange: kommunal nettobesparelse",
        "All active cohorts: municipal net saving",
    ),
    "q.national_stock_extra_fte": (
        "Alle aktive årgange: ekstra fuldtidsbeskæftigede",
        "All active cohorts: extra full-time employed",
    ),
    "q.mc_mean_npv_dkk": ("Monte Carlo: middel af nutidsværdien", "Monte Carlo: mean NPV"),
    "q.mc_p5_npv_dkk": ("Monte Carlo: 5 %-fraktil", "Monte Carlo: 5th percentile"),
    "q.mc_p50_npv_dkk": ("Monte Carlo: median", "Monte Carlo: median"),
    "q.mc_p95_npv_dkk": ("Monte Carlo: 95 %-fraktil", "Monte Carlo: 95th percentile"),
    "q.mc_prob_npv_positive": (
        "Monte Carlo: andel af trækningerne med positiv nutidsværdi",
        "Monte Carlo: share of the draws with a positive NPV",
    ),
    "q.sensitivity_npv_low_dkk": ("Nutidsværdi ved lav værdi", "NPV at the low value"),
    "q.sensitivity_npv_high_dkk": ("Nutidsværdi ved høj værdi", "NPV at the high value"),
    "q.published_value": ("Publiceret", "Published"),
    "q.computed_value": ("Beregnet her", "Computed here"),
    "q.break_even_share": ("Skæringsværdi", "Break-even share"),
    "q.programme_cost_known_dkk": ("Kendt forløbsudgift", "Known programme cost"),
    "q.programme_cost_default_youths": ("Unge med standardudgift", "Youths with the default cost"),
    "q.balance_mean_comparison": (
        "Balance: gennemsnit i sammenligningsgruppen",
        "Balance: mean of the comparison group",
    ),
    "q.balance_mean_comparison_weighted": (
        "Balance: vægtet gennemsnit i sammenligningsgruppen",
        "Balance: weighted mean of the comparison group",
    ),
    "q.balance_mean_programme": ("Balance: gennemsnit i programmet", "Balance: mean of the programme"),
    "q.balance_programme_count": ("Balance: antal i programmet", "Balance: count in the programme"),
    "q.balance_programme_youths": ("Balance: unge i programmet", "Balance: youths in the programme"),
    "q.balance_smd_raw": (
        "Balance: standardiseret forskel før vægtning",
        "Balance: standardised difference before weighting",
    ),
    "q.balance_smd_weighted": (
        "Balance: standardiseret forskel efter vægtning",
        "Balance: standardised difference after weighting",
    ),
    "q.comparison_effective_n": ("Sammenligningsgruppens effektive antal", "Effective size of the comparison group"),
    "q.comparison_youths": ("Unge i sammenligningsgruppen", "Youths in the comparison group"),
    "q.counterfactual_share": ("Andel i sammenligningsgruppen", "Share in the comparison group"),
    "q.counterfactual_ci_low": (
        "Andel i sammenligningsgruppen, 95 %-interval fra",
        "Share in the comparison group, 95% interval from",
    ),
    "q.counterfactual_ci_high": (
        "Andel i sammenligningsgruppen, 95 %-interval til",
        "Share in the comparison group, 95% interval to",
    ),
    "q.effect": ("Effekt (forskel i andel)", "Effect (difference in share)"),
    "q.effect_ci_low": ("Effekt, 95 %-interval fra", "Effect, 95% interval from"),
    "q.effect_ci_high": ("Effekt, 95 %-interval til", "Effect, 95% interval to"),
    "q.effect_counterfactual_share": (
        "Andel i job eller uddannelse, sammenligningsgruppen",
        "Share in a job or education, comparison group",
    ),
    "q.effect_programme_share": (
        "Andel i job eller uddannelse, programmet",
        "Share in a job or education, programme",
    ),
    "q.estimated_baseline_npv_net_total_dkk": (
        "Nutidsværdi med estimeret basislinje, i alt",
        "NPV with the estimated baseline, total",
    ),
    "q.estimated_baseline_npv_net_municipal_dkk": (
        "Nutidsværdi med estimeret basislinje, kommune",
        "NPV with the estimated baseline, municipal",
    ),
    # --- parameter names (pipeline.texts.parameter_label): every key of params/*.toml
    "param.model.horizon_years": ("Tidshorisont", "Time horizon"),
    "param.model.discount_rate": ("Diskonteringsrente", "Discount rate"),
    "param.model.min_observed_youth_months": ("Mindste antal opgjorte ungemåneder i et observeret år",
                                              "Fewest observed youth-months in an observed year"),
    "param.model.price_year": ("Prisår", "Price year"),
    "param.programme_cost.per_youth_dkk": ("Forløbsudgift pr. ung", "Programme cost per youth"),
    "param.programme_cost.municipal_share": ("Kommunens andel af forløbsudgiften",
                                             "Municipal share of the programme cost"),
    "param.programme_cost.year": ("År efter STU, hvor forløbsudgiften bogføres",
                                  "Year after STU the programme cost is booked in"),
    "param.projection.job_retention": ("Andel, der bliver i job, pr. år", "Share staying in a job a year"),
    "param.projection.job_loss_to": ("Status efter tabt job", "Status after losing a job"),
    "param.national.youths_per_year": ("STU-afgængere pr. år på landsplan", "STU completers a year nationally"),
    "param.retention.gap_days": ("Længste pause, der ikke afbryder et forløb",
                                 "Longest gap that does not end a spell"),
    "param.suppression.min_cell": ("Mindste antal unge, der vises", "Fewest youths shown"),
    "param.annual_public_cost_dkk": ("offentlig udgift pr. helårsperson", "public cost per full-year person"),
    "param.municipal_share": ("kommunal andel", "municipal share"),
    "param.fte": ("fuldtidsbeskæftigelse", "full-time employment"),
    "param.year_share": ("{table} år {n}: {status}", "{table} year {n}: {status}"),
    "param.table.baseline": ("Uden programmet", "Without the programme"),
    "param.table.programme": ("Med programmet", "With the programme"),
    "param.baseline.from": ("Fordelingen uden programmet hentes fra", "The distribution without the programme is"),
    "param.sensitivity": ("Følsomhed, lav og høj værdi: {name}", "Sensitivity, low and high value: {name}"),
    "param.uncertainty": ("Usikkerhed: {name} – {field}", "Uncertainty: {name} – {field}"),
    "param.uncertainty.draws": ("Antal lodtrækninger (Monte Carlo)", "Number of draws (Monte Carlo)"),
    "param.uncertainty.seed": ("Startværdi for lodtrækningerne", "Seed of the draws"),
    "param.field.dist": ("fordeling", "distribution"),
    "param.field.low": ("laveste værdi", "lowest value"),
    "param.field.mode": ("typiske værdi", "most likely value"),
    "param.field.high": ("højeste værdi", "highest value"),
    "param.field.mean": ("middelværdi", "mean"),
    "param.field.sd": ("spredning", "standard deviation"),
    "param.scenario.name": ("Scenariets navn", "Name of the scenario"),
    "param.scenario.description": ("Scenariets beskrivelse", "Description of the scenario"),
    "param.comparison.bootstrap_replicates": ("Antal bootstrap-gentagelser", "Number of bootstrap replicates"),
    "param.comparison.seed": ("Startværdi for bootstrap", "Seed of the bootstrap"),
    "param.comparison.covariates": ("Kendetegn, der vægtes på", "Characteristics weighted on"),
    "param.comparison.smd_threshold": ("Største standardiserede forskel efter vægtning",
                                       "Largest standardised difference after weighting"),
    "param.comparison.min_effective_n": ("Mindste effektive antal unge", "Fewest effective youths"),
    # --- parameter units (pipeline.texts.parameter_unit)
    "col.unit": ("Enhed", "Unit"),
    "unit.years": ("år", "years"),
    "unit.share": ("andel", "share"),
    "unit.share_per_year": ("andel pr. år", "share a year"),
    "unit.youth_months": ("ungemåneder", "youth-months"),
    "unit.calendar_year": ("årstal", "calendar year"),
    "unit.dkk": ("kr.", "DKK"),
    "unit.dkk_per_year": ("kr. pr. år", "DKK a year"),
    "unit.year_number": ("år nr.", "year no."),
    "unit.status": ("status", "status"),
    "unit.youths_per_year": ("unge pr. år", "youths a year"),
    "unit.days": ("dage", "days"),
    "unit.youths": ("unge", "youths"),
    "unit.share_of_full_time": ("andel af fuld tid", "share of full time"),
    "unit.choice": ("valg", "choice"),
    "unit.text": ("tekst", "text"),
    "unit.distribution": ("fordeling", "distribution"),
    "unit.count": ("antal", "number"),
    "unit.integer": ("heltal", "integer"),
    "unit.standardised_difference": ("standardiseret forskel", "standardised difference"),
    "unit.characteristics": ("kendetegn", "characteristics"),
    # --- parameter values that are codes
    "value.dist.triangular": ("trekantfordeling", "triangular"),
    "value.dist.normal": ("normalfordeling", "normal"),
    "value.dist.uniform": ("ligefordeling", "uniform"),
    "value.baseline_from.assumed": ("antaget (parameterfilen)", "assumed (the parameter file)"),
    "value.baseline_from.comparison": ("estimeret (sammenligningsgruppen)", "estimated (the comparison group)"),
    "value.range": ("{low} til {high}", "{low} to {high}"),
}
