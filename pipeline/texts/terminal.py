"""Texts of the terminal views (`joballiance status`, `joballiance savings`), Danish and English."""

from __future__ import annotations

# key -> (Danish, English)
TEXTS: dict[str, tuple[str, str]] = {
    "status.title": ("Status 12 måneder efter STU (alle unge)", "Status 12 months after STU (all youths)"),
    "status.partnership": ("Partnerskab", "Partnership"),
    "status.n": ("Unge", "Youths"),
    "status.rate": (
        "Jobandel blandt unge, der kan følges i 12 mdr. (95 %-interval)",
        "Job-rate among youths followed for 12 months (95% interval)",
    ),
    "status.caption": (
        "Andelene er af alle unge (n), som i pilotens offentliggjorte tal. Antal under {n} vises som {small}; "
        "{hidden} = skjult, fordi tallet ellers kunne regnes ud fra andre offentliggjorte tal, eller fordi en andel "
        "hviler på færre end {n} unge. Stadig i forløb: STU ikke afsluttet, eller 12 måneder er ikke gået.",
        "Shares are of all youths (n), as in the pilot's published figures. Counts below {n} show as {small}; "
        "{hidden} = hidden, because it could otherwise be worked out from other published figures, or a share rests "
        "on fewer than {n} youths. Still in the course: STU not finished, or 12 months have not passed.",
    ),
    "status.no_release": (
        "Lageret har endnu ingen offentliggjorte tal: kør `joballiance build` først.",
        "The warehouse has no published figures yet: run `joballiance build` first.",
    ),
    "status.out_of_date": (
        "Bemærk: der er indlæst udtræk efter seneste build; kør `joballiance build` for at få dem med.",
        "Note: exports were ingested after the last build; run `joballiance build` to include them.",
    ),
}

TEXTS |= {
    "savings.title": (
        "Budgetøkonomisk resultat af Model Joballiancen (SØM-lignende)",
        "Public-budget result of Model Joballiancen (SØM-style)",
    ),
    "savings.params": ("Parametre: {path}", "Parameters: {path}"),
    "savings.overrides": ("Ændret med --set: {items}", "Changed with --set: {items}"),
    "savings.summary": (
        "Resultat pr. partnerskab (nutidsværdi over {h} år, {r} diskonteringsrente)",
        "Result by partnership (net present value over {h} years, {r} discount rate)",
    ),
    "savings.partnership": ("Partnerskab", "Partnership"),
    "savings.youths": ("Unge", "Youths"),
    "savings.npv_total": ("Nutidsværdi, offentlig netto", "NPV, public net"),
    "savings.npv_municipal": ("Nutidsværdi, kommunal netto", "NPV, municipal net"),
    "savings.break_even": ("Tjent hjem i år (samlet offentlig netto)", "Paid back in year (total public net)"),
    "savings.years": ("Hele programmet år for år", "Whole programme year by year"),
    "savings.year": ("År", "Year"),
    "savings.source": ("Fordeling", "Distribution"),
    "savings.share_job": ("Andel i job", "Share in a job"),
    "savings.net_total": ("Netto i alt (ikke diskonteret)", "Net total (undiscounted)"),
    "savings.net_per_youth": ("Netto pr. ung", "Net per youth"),
    "savings.cumulative_npv": ("Akkumuleret nutidsværdi", "Cumulative present value"),
    "savings.national": (
        "Én årgang på {n} unge i et stabilt år (år {k}): netto {total}, heraf kommunerne {municipal}; "
        "{fte} ekstra fuldtidsbeskæftigede. Sammenlign med HBS Economics: ca. 150 mio. kr. og 700 "
        "fuldtidsbeskæftigede om året.",
        "One annual cohort of {n} youths in a steady year (year {k}): net {total}, of which municipalities "
        "{municipal}; {fte} extra full-time employed. Compare HBS Economics: about DKK 150 million and 700 "
        "full-time employed a year.",
    ),
    "savings.stock": (
        "Bestanden efter {k} år med {k} aktive årgange (et andet tal, ikke HBS' 'om året'): {total} netto.",
        "The stock after {k} years with {k} cohorts active (another figure, not HBS' 'a year'): {total} net.",
    ),
    "savings.switching": (
        "Break-even: {npv} i job eller uddannelse i år 1 (nutidsværdi over {h} år = 0); {steady} i et stabilt år "
        "(år {k}: årets netto for én årgang = 0).",
        "Break-even: {npv} in a job or education in year 1 (present value over {h} years = 0); {steady} in a "
        "steady year (year {k}: one cohort's net of the year = 0).",
    ),
    "savings.monte_carlo": ("Monte Carlo: nutidsværdi i alt", "Monte Carlo: NPV total"),
    "savings.mean": ("Middel", "Mean"),
    "savings.comparison": ("Offentliggjorte tal sat over for modellens", "Published figures against the model's"),
    "savings.figure": ("Tal", "Figure"),
    "savings.published": ("Offentliggjort", "Published"),
    "savings.computed": ("Beregnet", "Computed"),
    "savings.no_youths": (
        "Ingen unge med afsluttet STU i de indlæste data: intet at beregne.",
        "No youths who finished STU in the loaded data: nothing to compute.",
    ),
    "savings.source.observed": ("observeret", "observed"),
    "savings.source.projected": ("fremskrevet", "projected"),
    "savings.source.assumed": ("antaget", "assumed"),
}
