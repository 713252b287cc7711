"""The texts of the dashboard (reports/dashboard.html), Danish and English.

The page's script fills `{name}` fields itself; every key here is sent to the page.
"""

from __future__ import annotations

# key -> (Danish, English)
TEXTS: dict[str, tuple[str, str]] = {
    "dash.title": ("Model Joballiancen – dashboard", "Model Joballiancen – dashboard"),
    "dash.subtitle": (
        "Resultater for projektledere: vælg partnerskab, årgang og udtræk.",
        "Results for project managers: pick a partnership, a cohort and an export.",
    ),
    "dash.lang_switch": ("English", "Dansk"),
    "dash.lang_switch_label": ("Read this dashboard in English", "Læs dashboardet på dansk"),
    "dash.synthetic": (
        "Dashboardet bygger på syntetiske demodata – ikke rigtige unge.",
        "This dashboard is built on synthetic demo data – not real youths.",
    ),
    "dash.small_numbers": (
        "Små tal: antal under {n} vises som «<{n}»; en andel, rate eller et beløb, der ville afsløre et lille "
        "tal, vises som «–».",
        "Small numbers: counts below {n} show as '<{n}'; a share, rate or amount that would reveal a small "
        "number shows as '–'.",
    ),
    "dash.filters": ("Vælg", "Choose"),
    "dash.filter_partnership": ("Partnerskab", "Partnership"),
    "dash.filter_cohort": ("Årgang (år for STU-slut)", "Cohort (year STU ended)"),
    "dash.filter_export": ("Udtræk pr.", "Export of"),
    "dash.all_cohorts": ("Alle årgange", "All cohorts"),
    "dash.total": ("I alt", "Total"),
    "dash.download": ("Hent tabellen som CSV", "Download the table as CSV"),
    "dash.no_table": (
        "Der er ingen offentliggjort tabel for «{section}» med dette valg ({choice}).",
        "No table is published for '{section}' with this choice ({choice}).",
    ),
    "dash.not_by_cohort": (
        "Vises for alle årgange: tallene offentliggøres ikke pr. årgang.",
        "Shown for all cohorts: these figures are not published by cohort.",
    ),
    "dash.not_by_export": (
        "Beregnet på de nyeste udtræk ({date}); vælg dette udtræk for at se tallene.",
        "Computed on the latest exports ({date}); choose that export to see the figures.",
    ),
    "dash.caption_hidden": ("skjult", "hidden"),
    "dash.n": ("n = {n}", "n = {n}"),
    # --- sections
    "dash.h_headline": ("Status 12 måneder efter STU", "Status 12 months after STU"),
    "dash.i_headline": (
        "Alle unge i gruppen efter deres status 12 måneder efter STU-slut; unge, hvis 12 måneder endnu ikke er "
        "gået, tælles som stadig i forløb.",
        "All youths of the group by their status 12 months after the end of STU; youths whose 12 months have "
        "not yet passed count as still in the course.",
    ),
    "dash.h_job_types": ("Job fordelt på jobtype", "Jobs by job type"),
    "dash.h_rate": ("Jobandel blandt unge fulgt i 12 måneder", "Job rate among youths followed for 12 months"),
    "dash.i_rate": (
        "Andelen i job blandt de unge, hvis 12 måneder efter STU er gået, med 95 %-konfidensinterval "
        "(Wilson), for hver årgang.",
        "The share in a job among youths whose 12 months after STU have passed, with its 95 % confidence "
        "interval (Wilson), for each cohort.",
    ),
    "dash.h_retention": ("Fastholdelse i første job", "Retention in the first job"),
    "dash.i_retention": (
        "Andelen, der stadig er i deres første job, måned for måned (Kaplan–Meier) med 95 %-konfidensbånd.",
        "The share still in their first job, month by month (Kaplan–Meier), with its 95 % confidence band.",
    ),
    "dash.h_profile": ("Status efter STU", "Status after STU"),
    "dash.i_profile": (
        "Status 1, 3, 6, 12, 18, 24 og 36 måneder efter STU-slut blandt de unge, der er nået så langt "
        "(som på jobindsats.dk).",
        "Status 1, 3, 6, 12, 18, 24 and 36 months after the end of STU among the youths who have got that far "
        "(as on jobindsats.dk).",
    ),
    "dash.h_funnel": ("Forløbet gennem de fire faser", "Progress through the four phases"),
    "dash.i_funnel": (
        "Hvor mange unge har nået hver fase, og hvor mange dage der typisk gik fra forrige fase.",
        "How many youths have reached each phase, and the typical number of days since the previous phase.",
    ),
    "dash.h_trend": ("Udviklingen på tværs af udtræk", "Trend across exports"),
    "dash.i_trend": (
        "Status 12 måneder efter STU, som den så ud ved hvert udtræk.",
        "Status 12 months after STU as it stood at each export.",
    ),
    "dash.h_savings": ("Nettobesparelse pr. ung", "Net saving per youth"),
    "dash.i_savings": (
        "Kommunens og den samlede nettobesparelse pr. ung i hvert år efter STU (kroner), for {n} unge.",
        "The municipality's and the total net saving per youth in each year after STU (kroner), for {n} youths.",
    ),
    # --- table columns and series
    "dash.col_category": ("Status", "Status"),
    "dash.col_job_type": ("Jobtype", "Job type"),
    "dash.col_count": ("Antal", "Count"),
    "dash.col_share": ("Andel", "Share"),
    "dash.col_cohort": ("Årgang", "Cohort"),
    "dash.col_observable": ("Fulgt i 12 måneder", "Followed for 12 months"),
    "dash.col_job": ("I job", "In a job"),
    "dash.col_rate": ("Jobandel", "Job rate"),
    "dash.col_ci_low": ("95 %-interval, nedre", "95 % interval, lower"),
    "dash.col_ci_high": ("95 %-interval, øvre", "95 % interval, upper"),
    "dash.col_month": ("Måned efter STU", "Month after STU"),
    "dash.col_survival": ("Stadig i første job", "Still in the first job"),
    "dash.col_at_risk": ("Unge i første job", "Youths in the first job"),
    "dash.col_phase": ("Fase", "Phase"),
    "dash.col_median_days": ("Median dage fra forrige fase", "Median days from the previous phase"),
    "dash.col_export": ("Udtræk", "Export"),
    "dash.col_year": ("År efter STU", "Year after STU"),
    "dash.col_net_municipal": ("Kommunen, kr. pr. ung", "Municipality, DKK per youth"),
    "dash.col_net_total": ("I alt, kr. pr. ung", "Total, DKK per youth"),
    "dash.col_youths": ("Unge", "Youths"),
    # --- captions (text alternatives of the charts)
    "dash.cap_headline": ("Søjlediagram over status 12 måneder efter STU: {figures}.",
                          "Bar chart of the status 12 months after STU: {figures}."),
    "dash.cap_job_types": ("Søjlediagram over jobtyper: {figures}.", "Bar chart of job types: {figures}."),
    "dash.cap_rate": ("Jobandel med 95 %-interval pr. årgang: {figures}.",
                      "Job rate with 95 % interval by cohort: {figures}."),
    "dash.cap_retention": ("Kurve over andelen stadig i første job: {figures}.",
                           "Curve of the share still in the first job: {figures}."),
    "dash.cap_profile": ("Stablede søjler over status efter STU: {figures}.",
                         "Stacked bars of the status after STU: {figures}."),
    "dash.cap_funnel": ("Søjlediagram over faserne: {figures}.", "Bar chart of the phases: {figures}."),
    "dash.cap_trend": ("Linjer over status ved hvert udtræk: {figures}.",
                       "Lines of the status at each export: {figures}."),
    "dash.cap_savings": ("Linjer over nettobesparelsen pr. ung: {figures}.",
                         "Lines of the net saving per youth: {figures}."),
    "dash.month_n": ("måned {m}", "month {m}"),
    "dash.year_n": ("år {y}", "year {y}"),
}
