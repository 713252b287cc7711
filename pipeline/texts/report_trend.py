"""The texts of the reports' trend section and its like-for-like table, Danish and English."""

from __future__ import annotations

# key -> (Danish, English)
TEXTS: dict[str, tuple[str, str]] = {
    "p.trend_programme": (
        "Punkterne står ved de datoer, hvor der kom et udtræk. Programmets linje ændrer sig også, fordi "
        "partnerskaber kommer til: et punkt for hele programmet tæller hvert partnerskabs nyeste udtræk på eller "
        "før datoen, så to punkter kan bygge på forskellige partnerskaber og årgange. Hvad der har ændret sig for "
        "de samme partnerskaber og årgange, står i tabellen nedenfor.",
        "The points stand at the dates on which an export arrived. The programme's line changes also because "
        "partnerships join: a point for the whole programme counts each partnership's newest export on or before "
        "the date, so two points may rest on different partnerships and cohorts. What changed for the same "
        "partnerships and cohorts is in the table below.",
    ),
    "h.like_for_like": (
        "Samme partnerskaber og årgange: ændringen siden forrige udtræk",
        "Like for like: the change since the previous export",
    ),
    "p.like_for_like_programme": (
        "Hvert partnerskab med mindst to udtræk ({n}): status 12 måneder efter STU i det nyeste udtræk og i "
        "det forrige, kun for de årgange (år for STU-afslutning), som begge udtræk har; unge, der stadig er i "
        "STU, indgår ikke. Hele programmet er summen af disse partnerskaber. Ændringen er i procentpoint. "
        "Sammenlignet: {pairs}.",
        "Each partnership with at least two exports ({n}): the status 12 months after STU in its newest export "
        "and in the previous one, only for the cohorts (year of STU end) that both exports hold; youths still "
        "in STU are left out. The whole programme is the sum of these partnerships. The change is in "
        "percentage points. Compared: {pairs}.",
    ),
    "p.like_for_like_pair": (
        "{name}, {previous} og {current}, årgangene {cohorts}",
        "{name}, {previous} and {current}, cohorts {cohorts}",
    ),
    "p.like_for_like_partnership": (
        "Udtrækket af {current} sammenlignet med udtrækket af {previous} for de samme årgange: {cohorts} "
        "(år for STU-afslutning); unge, der stadig er i STU, indgår ikke. Ændringen er i procentpoint. Hele "
        "programmet er de partnerskaber, der har to udtræk, hver med sit nyeste og forrige udtræk.",
        "The export of {current} against the export of {previous} for the same cohorts: {cohorts} (year of STU "
        "end); youths still in STU are left out. The change is in percentage points. The whole programme is the "
        "partnerships with two exports, each with its newest and previous export.",
    ),
    "p.like_for_like_none": (
        "Der er kun ét udtræk, så der er endnu intet at sammenligne med.",
        "There is only one export, so there is nothing to compare with yet.",
    ),
    "value.no_cohorts": ("ingen fælles årgange", "no cohort in common"),
    "col.lfl_previous_date": ("Forrige udtræk", "Previous export"),
    "col.lfl_current_date": ("Nyeste udtræk", "Newest export"),
    "col.lfl_previous_n": ("Forrige: antal", "Previous: number"),
    "col.lfl_previous_share": ("Forrige: andel", "Previous: share"),
    "col.lfl_current_n": ("Nyeste: antal", "Newest: number"),
    "col.lfl_current_share": ("Nyeste: andel", "Newest: share"),
    "col.lfl_change": ("Ændring (procentpoint)", "Change (percentage points)"),
    "col.lfl_youths_previous": ("Unge, forrige", "Youths, previous"),
    "col.lfl_youths_current": ("Unge, nyeste", "Youths, newest"),
    "col.lfl_job_previous": ("I job, forrige", "In a job, previous"),
    "col.lfl_job_current": ("I job, nyeste", "In a job, newest"),
    "col.lfl_job_change": ("I job, ændring (procentpoint)", "In a job, change (percentage points)"),
    "q.like_for_like_count": ("Antal unge, samme årgange", "Youths, same cohorts"),
    "q.like_for_like_share": ("Andel, samme årgange", "Share, same cohorts"),
    "q.like_for_like_change_pp": ("Ændring siden forrige udtræk (procentpoint)",
                                  "Change since the previous export (percentage points)"),
    "q.like_for_like_cohort": ("Årgang sammenlignet", "Cohort compared"),
}
