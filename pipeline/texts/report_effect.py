"""The texts of the reports' "Effect" section (programme against a weighted comparison group), Danish and English."""

from __future__ import annotations

# key -> (Danish, English)
TEXTS: dict[str, tuple[str, str]] = {
    "h.effect": (
        "Effekt: programmet mod en vægtet sammenligningsgruppe",
        "Effect: the programme against a weighted comparison group",
    ),
    "h.effect_counterfactual": (
        "Sammenligningsgruppen år for år efter STU",
        "The comparison group year by year after STU",
    ),
    "h.effect_12m": ("Effekten 12 måneder efter STU", "The effect 12 months after STU"),
    "h.effect_balance": ("Balance før og efter vægtning", "Balance before and after weighting"),
    "h.effect_savings": (
        "Besparelsen med den estimerede og den antagne baseline",
        "The savings on the estimated and on the assumed baseline",
    ),
    "p.effect_intro": (
        "Hvad havde programmets unge lavet uden programmet? Her besvares det med en sammenligningsgruppe fra "
        "registrene: {youths} unge, der afsluttede STU i de samme år uden at være i programmet. De vægtes, så "
        "de ligner programmets unge på køn, alder ved STU-afslutning, årgang og region (vægtet svarer gruppen "
        "til {effective_n} unge).",
        "What would the programme's youths have done without the programme? This section answers with a "
        "comparison group from the registers: {youths} youths who completed STU in the same years without "
        "being in the programme. They are weighted to resemble the programme's youths on sex, age at the end "
        "of STU, cohort and region (weighted, the group is worth {effective_n} youths).",
    ),
    "p.effect_caveat": (
        "Forbehold: vægtningen udligner kun det, der er observeret. Programmets unge blev udvalgt, fordi de "
        "havde et potentiale for job, og det kan registrene ikke se. Derfor er estimatet en øvre grænse for "
        "effekten, medmindre sammenligningsgruppen er udvalgt på samme måde.",
        "Caveat: weighting balances only what is observed. The programme's youths were chosen for their job "
        "potential, which the registers cannot see. So the estimate is an upper bound on the effect unless the "
        "comparison group is chosen the same way.",
    ),
    "p.effect_no_comparison": (
        "Der er ikke indlæst noget sammenligningsudtræk, så effekten kan ikke estimeres; alle besparelser "
        "bygger på den antagne baseline.",
        "No comparison extract is loaded, so the effect cannot be estimated; every saving rests on the "
        "assumed baseline.",
    ),
    "p.effect_counterfactual": (
        "Andelen af sammenligningsgruppens unge i job eller uddannelse i hvert år efter STU (gennemsnit over "
        "årets måneder, samme definition som besparelsen bruger), og andelen i hver af statusserne med et "
        "95 %-interval (bootstrap). Intervallet for summen offentliggøres ikke: det er ikke summen af "
        "statussernes intervaller.",
        "The share of the comparison group in a job or education in each year after STU (an average over the "
        "year's months, the definition the savings use), and the share in each of the statuses with a 95% "
        "interval (bootstrap). The interval of the sum is not published: it is not the sum of the statuses' "
        "intervals.",
    ),
    "p.effect_12m": (
        "Andelen i job eller uddannelse 12 måneder efter STU blandt de unge, der kan følges så længe, i "
        "programmet og i den vægtede sammenligningsgruppe, og forskellen med et 95 %-interval (bootstrap, "
        "der trækker begge grupper om).",
        "The share in a job or education 12 months after STU among the youths who can be followed that long, "
        "in the programme and in the weighted comparison group, and the difference with a 95% interval "
        "(a bootstrap that resamples both groups).",
    ),
    "p.effect_hidden": (
        "Effekten vises ikke her: den ville sammen med de offentliggjorte tal afsløre et antal på under {n} unge "
        "(fx i uddannelse). Sammenligningsgruppen og balancen vises.",
        "The effect is not shown here: with the published figures it would give away a count of fewer than "
        "{n} youths (e.g. in education). The comparison group and the balance are shown.",
    ),
    "p.effect_balance": (
        "Gennemsnit (for et niveau: andelen med det niveau) blandt programmets unge og i sammenligningsgruppen "
        "før og efter vægtning, og den standardiserede forskel (SMD) før og efter. En SMD mellem −0,1 og 0,1 "
        "regnes som god balance. Et niveau med under {n} af programmets unge vises ikke.",
        "Means (for a level: the share with that level) among the programme's youths and in the comparison "
        "group before and after weighting, and the standardised mean difference (SMD) before and after. An "
        "SMD between −0.1 and 0.1 counts as good balance. A level with fewer than {n} of the programme's youths is not "
        "shown.",
    ),
    "p.effect_savings": (
        "Nutidsværdien af den offentlige og den kommunale nettobesparelse, når baseline er antaget (parameteren "
        "[baseline]) og når den er estimeret fra sammenligningsgruppen, side om side.",
        "The net present value of the public and the municipal net saving when the baseline is assumed (the "
        "[baseline] parameter) and when it is estimated from the comparison group, side by side.",
    ),
    "col.eff_status": ("Status", "Status"),
    "col.eff_share": ("Andel", "Share"),
    "col.eff_programme": ("Programmet", "Programme"),
    "col.eff_comparison": ("Vægtet sammenligning", "Weighted comparison"),
    "col.eff_effect": ("Effekt (forskel i andel)", "Effect (difference in share)"),
    "col.eff_covariate": ("Kovariat = niveau", "Covariate = level"),
    "col.eff_programme_n": ("Programmets unge", "Programme youths"),
    "col.eff_programme_mean": ("Programmet", "Programme"),
    "col.eff_raw": ("Sammenligning, uvægtet", "Comparison, unweighted"),
    "col.eff_weighted": ("Sammenligning, vægtet", "Comparison, weighted"),
    "col.eff_smd_raw": ("SMD før vægtning", "SMD before weighting"),
    "col.eff_smd_weighted": ("SMD efter vægtning", "SMD after weighting"),
    "col.eff_npv_total_assumed": ("Offentlig netto, antaget baseline", "Public net, assumed baseline"),
    "col.eff_npv_total_estimated": ("Offentlig netto, estimeret baseline", "Public net, estimated baseline"),
    "col.eff_npv_municipal_assumed": ("Kommunal netto, antaget baseline", "Municipal net, assumed baseline"),
    "col.eff_npv_municipal_estimated": ("Kommunal netto, estimeret baseline", "Municipal net, estimated baseline"),
    "value.eff_job_or_education": ("I job eller uddannelse i alt", "In a job or education, total"),
    "value.eff_all_youths": ("Programmets unge i alt", "All the programme's youths"),
    "value.covariate_sex": ("Køn", "Sex"),
    "value.covariate_age_at_stu_end": ("Alder ved STU-afslutning (år)", "Age at the end of STU (years)"),
    "value.covariate_cohort": ("Årgang", "Cohort"),
    "value.covariate_region": ("Region", "Region"),
    "value.sex_F": ("kvinde", "female"),
    "value.sex_M": ("mand", "male"),
    "chart.effect_title": (
        "Andel i job eller uddannelse år for år: programmet og sammenligningen",
        "Share in a job or education year by year: programme and comparison",
    ),
    "chart.effect_programme_by_year": ("Programmet, år for år", "Programme, year by year"),
    "chart.effect_programme_projected": ("Programmet, fremskrevne år", "Programme, projected years"),
    "col.eff_programme_by_year": ("Programmet", "Programme"),
    "col.eff_programme_source": ("Programmets år", "Programme's year"),
    "p.effect_by_year": (
        "Ved siden af står programmets egen andel i job eller uddannelse i samme år efter STU og med samme "
        "definition (gennemsnit over årets ungemåneder, som i besparelsen). Programmets år efter den sidste "
        "observerede måned er fremskrevet, ikke målt (markeret «fremskrevet», i figuren åbne punkter).",
        "Beside it stands the programme's own share in a job or education in the same year after STU and by the "
        "same definition (an average over the year's youth-months, as in the savings). The programme's years "
        "after the last observed month are projected, not measured (marked 'projected'; open points in the "
        "chart).",
    ),
    "chart.effect_x": ("År efter STU", "Year after STU"),
    "chart.effect_y": ("Andel i job eller uddannelse", "Share in a job or education"),
    "chart.effect_comparison": ("Vægtet sammenligningsgruppe", "Weighted comparison group"),
    "chart.effect_programme": ("Programmet, 12 måneder efter STU", "Programme, 12 months after STU"),
    "q.counterfactual_share_job_or_education": (
        "Andel i job eller uddannelse i sammenligningsgruppen",
        "Share in a job or education in the comparison group",
    ),
}
