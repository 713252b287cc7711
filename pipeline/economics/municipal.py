"""The municipal net by home municipality (handlekommune): the home municipality pays.

Each partnership's result is split over its counted youths' municipality groups (the same
pooling as the per-municipality outcome table) so that the groups add up exactly to the
programme's municipal net:
- the baseline and the programme cost go with the youths a group has (n_pg; the actual
  cost where the export gives it, the default else);
- in an observed year every youth carries the partnership's distribution D_pk, and a
  group's observed youth-months shift it by their difference from D_pk:
  mass_pg(s) = n_pg·D_pk(s) + (n_p / O_pk)·(ym_pg(s) − O_pg·D_pk(s)), which sums over the
  groups to n_p·D_pk(s). A group observed as long as the partnership on average gets its
  own distribution (n_pg·ym_pg / O_pg); a group not observed in the year, the partnership's;
- a projected year projects the group's previous year (the projection is linear);
- an assumed distribution ([programme]) goes with the youths (n_pg·D_pk).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.economics.engine import Cohorts, Money, Paths, Scalars, Structure, project_year

MUNICIPAL_COLUMNS = ["municipality_code", "n_youth", "npv_net_municipal_dkk", "npv_net_municipal_per_youth_dkk",
                     "npv_net_total_dkk"]


def group_status_mass(months: pd.DataFrame, structure: Structure, source: np.ndarray, n_youth: float,
                      observable: np.ndarray, programme_share: np.ndarray, group_youths: float,
                      retention: float) -> np.ndarray:
    """(K, S) one group's part of a partnership's n_p·D_pk(s), year by year (see the module docstring)."""
    statuses = {s: j for j, s in enumerate(structure.statuses)}
    observed = np.zeros((structure.horizon, len(statuses)))
    for row in months.itertuples(index=False):
        if 1 <= row.year <= structure.horizon:
            observed[int(row.year) - 1, statuses[row.status]] += row.youth_months
    mass = np.zeros_like(observed)
    for k in range(structure.horizon):
        if source[k] == "observed":
            deviation = observed[k] - observed[k].sum() * programme_share[k]
            mass[k] = group_youths * programme_share[k] + n_youth / observable[k] * deviation
        elif source[k] == "projected":
            mass[k] = project_year(mass[k - 1], structure, retention)
        elif source[k] == "assumed":
            mass[k] = group_youths * programme_share[k]
    return mass


def youth_groups(youths: pd.DataFrame) -> pd.DataFrame:
    """Youths by partnership, municipality group and counted: n_youth, the known programme cost and
    the number without one (youth-by-youth rows are summed; summed rows pass as they are)."""
    if "n_youth" in youths:
        return youths
    cost = youths["programme_cost_dkk"].astype(float)
    return youths.assign(n_youth=1, known_programme_cost_dkk=cost.fillna(0.0), n_cost_missing=cost.isna().astype(int)
                         ).groupby(["partnership_id", "municipality_code", "counted"], as_index=False)[
        ["n_youth", "known_programme_cost_dkk", "n_cost_missing"]].sum()


def municipal_savings(cohorts: Cohorts, structure: Structure, scalars: Scalars, paths: Paths, result: Money,
                      youths: pd.DataFrame, months: pd.DataFrame) -> pd.DataFrame:
    """savings_by_municipality: per municipality group, the youths counted in the savings (of the
    partnerships with a result), the NPV of the municipal and of the total net, and the municipal NPV
    per youth. `youths`: partnership_id, municipality_code (the group), counted (STU ended by the
    export date) and either youth by youth (export_id, participant_id, programme_cost_dkk) or summed
    (n_youth, known_programme_cost_dkk, n_cost_missing); `months`: observable youth-months of the counted
    youths, year, status, youth_months, either youth by youth (export_id, participant_id) or already
    summed by partnership_id and municipality_code (the group)."""
    if youths.empty:
        return pd.DataFrame(columns=MUNICIPAL_COLUMNS)
    if "municipality_code" not in months:  # youth by youth: add each youth's partnership and group
        counted_youths = youths[youths["counted"].astype(bool)]
        months = months.merge(counted_youths[["export_id", "participant_id", "partnership_id", "municipality_code"]],
                              on=["export_id", "participant_id"])
    youths = youth_groups(youths)
    counted = youths[youths["counted"].astype(bool)]
    months = months.assign(municipality_code=months["municipality_code"].astype(str)).groupby(
        ["partnership_id", "municipality_code", "year", "status"], as_index=False, sort=False)["youth_months"].sum()
    by_group = {key: group for key, group in months.groupby(["partnership_id", "municipality_code"], sort=False)}
    weight_municipal = scalars.cost[0] * scalars.municipal_share[0]
    weight_total = scalars.cost[0]
    baseline = structure.baseline if scalars.baseline is None else scalars.baseline[0]
    discount = result.discount_factor[0]
    share = np.broadcast_to(paths.share, (1, *paths.share.shape[1:]))[0]
    cost_share = float(scalars.cost_municipal_share[0])
    per_youth_cost = float(scalars.per_youth_cost[0])
    rows: dict[str, dict[str, float]] = {}
    for code in sorted(youths["municipality_code"].astype(str).unique()):
        rows[code] = {"n_youth": 0.0, "npv_net_municipal_dkk": 0.0, "npv_net_total_dkk": 0.0}
    for p, partnership_id in enumerate(cohorts.partnership_ids):
        if not paths.valid[p]:
            continue
        mine = counted[counted["partnership_id"] == partnership_id]
        for code, group in mine.groupby(mine["municipality_code"].astype(str)):
            n_group = float(group["n_youth"].sum())
            mass = group_status_mass(
                by_group.get((partnership_id, code), months.iloc[0:0]),
                structure, paths.source[p], cohorts.n_youth[p], cohorts.observable_months[p], share[p], n_group,
                float(scalars.job_retention[0]))
            difference = n_group * baseline - mass  # (K, S) status mass avoided
            cost = float(group["known_programme_cost_dkk"].sum() + group["n_cost_missing"].sum() * per_youth_cost)
            booked = np.zeros(structure.horizon)
            booked[structure.cost_year - 1] = cost
            net_municipal = difference @ weight_municipal - booked * cost_share
            net_total = difference @ weight_total - booked
            rows[code]["n_youth"] += n_group
            rows[code]["npv_net_municipal_dkk"] += float(net_municipal @ discount)
            rows[code]["npv_net_total_dkk"] += float(net_total @ discount)
    frame = pd.DataFrame([{"municipality_code": code, **values} for code, values in rows.items()])
    has_youth = frame["n_youth"] > 0
    frame["npv_net_municipal_per_youth_dkk"] = (frame["npv_net_municipal_dkk"] / frame["n_youth"]).where(has_youth)
    for column in ("npv_net_municipal_dkk", "npv_net_total_dkk"):
        frame[column] = frame[column].where(has_youth)
    return frame[MUNICIPAL_COLUMNS]
