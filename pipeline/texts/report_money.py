"""Texts of the budget-economic presentation (pipeline/reports/money.py, charts_money.py): what is
discounted and what is not, what "paid back" is computed on, the Monte Carlo distribution."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # --- columns
    "money.col.cumulative_net": ("Akkumuleret netto i alt, udiskonteret", "Cumulative net total, undiscounted"),
    "money.col.cumulative_pv": (
        "Akkumuleret netto i alt, diskonteret (nutidsværdi)",
        "Cumulative net total, discounted (present value)",
    ),
    "money.col.break_even": (
        "Tilbagebetalt i år (stat + kommune, udiskonteret)",
        "Paid back in year (state + municipality, undiscounted)",
    ),
    "money.col.break_even_municipal": (
        "Tilbagebetalt i år, kommunen alene (udiskonteret)",
        "Paid back in year, the municipality alone (undiscounted)",
    ),
    "money.col.positive": ("Trækninger med positiv nutidsværdi", "Draws with a positive NPV"),
    "money.col.headline": ("Hovedberegning", "Main calculation"),
    "money.col.headline_percentile": ("Hovedberegningens fraktil", "Percentile of the main calculation"),
    "money.col.municipal_npv_per_youth": (
        "Kommunal netto pr. ung, diskonteret (nutidsværdi)",
        "Municipal net per youth, discounted (present value)",
    ),
    "money.col.bin_from": ("Nutidsværdi fra", "NPV from"),
    "money.col.bin_to": ("Nutidsværdi til", "NPV to"),
    "money.value.all_draws": ("alle {n}", "all {n}"),
    "money.value.no_draws": ("ingen af {n}", "none of {n}"),
    "money.value.over": ("over {pct} af {n}", "over {pct} of {n}"),
    "money.value.under": ("under {pct} af {n}", "under {pct} of {n}"),
    "money.value.share_of": ("{pct} af {n}", "{pct} of {n}"),
    # --- paragraphs
    "money.p.paid_back": (
        "«Tilbagebetalt i år N» er det første år, hvor den akkumulerede, udiskonterede nettobesparelse for stat "
        "og kommune tilsammen er mindst 0. Kommunen alene: {municipal}. Nutidsværdierne er diskonteret med "
        "{rate} om året.",
        "'Paid back in year N' is the first year in which the cumulative, undiscounted net saving of the state "
        "and the municipalities together is at least 0. The municipalities alone: {municipal}. The present "
        "values are discounted at {rate} a year.",
    ),
    "money.p.paid_back_year": ("år {year}", "year {year}"),
    "money.p.paid_back_never": ("ikke inden for {horizon} år", "not within {horizon} years"),
    "money.p.position": (
        "Hovedberegningen ({headline}) er mindst lige så stor som {pct} af de {n} trækninger; 90 % af "
        "trækningerne ligger mellem {p5} og {p95} (median {median}).",
        "The main calculation ({headline}) is at least as large as {pct} of the {n} draws; 90% of the draws lie "
        "between {p5} and {p95} (median {median}).",
    ),
    "money.p.not_central": (
        "Den ligger ikke midt i fordelingen, fordi hovedberegningen bruger hver forudsætnings punktværdi, mens "
        "trækningerne kommer fra fordelinger, hvis midte ligger et andet sted – flere punktværdier ligger i "
        "den ene ende af deres fordeling (fx er typeværdien lig med den højeste eller laveste værdi). Størst "
        "betydning har: {reasons}.",
        "It does not lie in the middle of the distribution because the main calculation uses each "
        "assumption's point value, while the draws come from distributions whose centre lies elsewhere – "
        "several point values sit at one end of their distribution (e.g. the mode equals the highest or "
        "lowest value). The largest effects: {reasons}.",
    ),
    "money.p.reason": (
        "{parameter} (punktværdi {point}, gennemsnit af trækningerne {mean}: nutidsværdi {npv})",
        "{parameter} (point value {point}, mean of the draws {mean}: NPV {npv})",
    ),
    "money.p.positive_all": (
        "Alle {n} trækninger giver en positiv nutidsværdi. Det siger ikke, at et tab er umuligt – kun at det "
        "ikke forekom inden for de antagne fordelinger.",
        "All {n} draws give a positive NPV. That does not mean a loss is impossible – only that none occurred "
        "within the assumed distributions.",
    ),
    "money.p.positive_share": (
        "{share} trækninger giver en positiv nutidsværdi.",
        "{share} draws give a positive NPV.",
    ),
    "money.p.sensitivity_dropped": (
        "Udeladt, fordi de ikke flytter resultatet (under 1 kr. ved både lav og høj værdi): {names}.",
        "Left out because they do not move the result (less than 1 kr. at both the low and the high value): "
        "{names}.",
    ),
    "money.p.municipalities": (
        "Handlekommunen betaler: den kommunale netto pr. ung er nutidsværdien over {horizon} år af den "
        "kommunale nettobesparelse for de unge med hjemkommune her, som har afsluttet STU. Summen over "
        "kommunerne er programmets kommunale nutidsværdi. Tallet skjules sammen med kommunens antal unge.",
        "The home municipality pays: the municipal net per youth is the present value over {horizon} years of "
        "the municipal net saving of the youths whose home municipality this is and who have finished STU. "
        "The sum over the municipalities is the programme's municipal present value. It is hidden together "
        "with the municipality's number of youths.",
    ),
    # --- quantities (CSV downloads)
    "q.break_even_year_municipal": (
        "Tilbagebetalt i år, kommunen alene (udiskonteret)",
        "Paid back in year, the municipality alone (undiscounted)",
    ),
    "q.mc_draws": ("Monte Carlo: trækninger", "Monte Carlo: draws"),
    "q.mc_positive_draws": (
        "Monte Carlo: trækninger med positiv nutidsværdi",
        "Monte Carlo: draws with a positive NPV",
    ),
    "q.mc_headline_npv_dkk": ("Monte Carlo: hovedberegningens nutidsværdi", "Monte Carlo: NPV of the main calculation"),
    "q.mc_headline_percentile": (
        "Monte Carlo: andel af trækningerne under eller lig hovedberegningen",
        "Monte Carlo: share of the draws at or below the main calculation",
    ),
    "q.mc_histogram_low_dkk": ("Histogram: nutidsværdi fra", "Histogram: NPV from"),
    "q.mc_histogram_high_dkk": ("Histogram: nutidsværdi til", "Histogram: NPV to"),
    "q.mc_histogram_draws": ("Histogram: trækninger", "Histogram: draws"),
    "q.mc_input_point": ("Forudsætning: punktværdi", "Assumption: point value"),
    "q.mc_input_draws_mean": ("Forudsætning: gennemsnit af trækningerne", "Assumption: mean of the draws"),
    "q.mc_input_npv_dkk": (
        "Nutidsværdi med forudsætningen på trækningernes gennemsnit",
        "NPV with the assumption at the mean of its draws",
    ),
    "q.sensitivity_no_effect": (
        "Følsomhed: flytter ikke resultatet (udeladt)",
        "Sensitivity: does not move the result (left out)",
    ),
    "q.municipal_npv_per_youth_dkk": (
        "Kommunal netto pr. ung, diskonteret (nutidsværdi)",
        "Municipal net per youth, discounted (present value)",
    ),
    # --- charts
    "money.chart.cumulative_title": (
        "Budgetøkonomisk nettobesparelse, stat + kommune",
        "Budget-economic net saving, state + municipality",
    ),
    "money.chart.net_municipal": ("Årets netto, kommune (udiskonteret)", "Year's net, municipality (undiscounted)"),
    "money.chart.net_state": ("Årets netto, stat (udiskonteret)", "Year's net, state (undiscounted)"),
    "money.chart.histogram_title": (
        "Budgetøkonomisk nutidsværdi i {n} Monte Carlo-trækninger",
        "Budget-economic NPV in {n} Monte Carlo draws",
    ),
    "money.chart.histogram_x": ("Nutidsværdi, stat + kommune, mio. kr.", "NPV, state + municipality, DKK million"),
    "money.chart.histogram_y": ("Trækninger", "Draws"),
    "money.chart.headline": ("Hovedberegning", "Main calculation"),
    "money.chart.median": ("Median", "Median"),
    "money.chart.interval": ("5–95 %-interval", "5–95% interval"),
}
