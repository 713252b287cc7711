"""The texts of the comparison group and the estimated counterfactual, Danish and English."""

from __future__ import annotations

# key -> (Danish, English)
TEXTS: dict[str, tuple[str, str]] = {
    "comparison.no_youths": (
        "Sammenligningen kan ikke beregnes: der er {n_programme} unge i programmet og {n_comparison} unge i "
        "sammenligningsgruppen med de oplysninger, vægtningen bruger (køn, fødselsår, STU-slutdato, kommune).",
        "The comparison cannot be computed: there are {n_programme} programme youths and {n_comparison} "
        "comparison youths with the data the weighting uses (sex, birth year, STU end date, municipality).",
    ),
    "comparison.no_overlap": (
        "Sammenligningsgruppen har ingen unge med {covariate} = {levels}, men {n} af programmets unge har det. "
        "Uden sammenlignelige unge kan effekten ikke estimeres; skaf et udtræk, der dækker dem, eller fjern "
        "kovariaten fra [comparison] covariates i parameterfilen.",
        "The comparison group has no youths with {covariate} = {levels}, but {n} programme youths have it. "
        "Without comparable youths the effect cannot be estimated; get an extract that covers them, or remove "
        "the covariate from [comparison] covariates in the parameter file.",
    ),
    "comparison.no_support": (
        "Ingen af sammenligningsgruppens {n} unge har niveauer af {covariates}, som programmets unge har; "
        "effekten kan ikke estimeres.",
        "None of the comparison group's {n} youths has levels of {covariates} that the programme's youths have; "
        "the effect cannot be estimated.",
    ),
    "comparison.no_overlap_fit": (
        "Programmets unge og sammenligningsgruppen overlapper næsten ikke (den estimerede sandsynlighed for at "
        "være i programmet er over 0,999 for de fleste af programmets unge); effekten kan ikke estimeres.",
        "The programme's youths and the comparison group hardly overlap (the estimated probability of being in "
        "the programme is above 0.999 for most programme youths); the effect cannot be estimated.",
    ),
    "comparison.unbalanced": (
        "ADVARSEL: efter vægtning er sammenligningsgruppen stadig ubalanceret (|SMD| > {threshold}) på: "
        "{covariates}. Det estimerede kontrafaktiske forløb er usikkert.",
        "WARNING: after weighting the comparison group is still unbalanced (|SMD| > {threshold}) on: "
        "{covariates}. The estimated counterfactual is unreliable.",
    ),
    "comparison.small_effective_n": (
        "ADVARSEL: den vægtede sammenligningsgruppe svarer kun til {n} unge (effektiv stikprøvestørrelse, "
        "mindst {minimum} anbefales); få unge bærer vægten.",
        "WARNING: the weighted comparison group is worth only {n} youths (effective sample size, at least "
        "{minimum} recommended); a few youths carry the weight.",
    ),
    "comparison.baseline_missing": (
        "Parameterfilen beder om den estimerede baseline ([baseline] from = \"comparison\"), men der er ikke "
        "indlæst noget sammenligningsudtræk. Indlæs et med 'joballiance ingest', eller brug den antagne baseline.",
        "The parameter file asks for the estimated baseline ([baseline] from = \"comparison\"), but no comparison "
        "extract is loaded. Ingest one with 'joballiance ingest', or use the assumed baseline.",
    ),
    "comparison.register_spells_location": (
        "{file} (forløb dannet af ugekoderne, række = forløbets nummer)",
        "{file} (spells made from the weekly codes, row = the spell's number)",
    ),
    "comparison.register_missing_file": (
        "{folder}: filen {file} mangler (et registerudtræk er en mappe med meta.csv og weekly.csv)",
        "{folder}: the file {file} is missing (a register extract is a folder with meta.csv and weekly.csv)",
    ),
    "comparison.register_no_weeks": (
        "{file}: ingen ugekolonner som 2019-W32 fundet; et registerudtræk har én kolonne pr. ISO-uge",
        "{file}: no week columns such as 2019-W32 found; a register extract has one column per ISO week",
    ),
    "comparison.register_bad_week": (
        "{file}: kolonnen '{column}' ligner en uge, men er ikke en gyldig ISO-uge (åååå-Wuu)",
        "{file}: the column '{column}' looks like a week but is not a valid ISO week (yyyy-Www)",
    ),
    "comparison.unknown_code": (
        "ukendt ydelseskode {code}",
        "unknown benefit code {code}",
    ),
}
