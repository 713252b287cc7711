"""Disclosure control over a whole release: primary and complementary cell suppression,
audited by an attacker who solves the linear system of everything published.

The statistics of a release are numbered 0..N-1. Counts of youths are *protected*;
every other figure (a share, a rate, an amount) is *derived* from counts and hidden with
them (see `derived_hidden`). The counts are tied together by linear relations that a
reader knows: categories add up to their total, partnerships add up to 'ALL', cohorts
to their total, municipalities to the programme, and so on. A count that is in no
published cell is an unknown to the attacker as well (an auxiliary variable).

The method is the audit loop of the statistical offices' tools (τ-ARGUS, sdcTable):
1. primary suppression: a count c with 1 ≤ c < min_cell is hidden;
2. a relation in which exactly one count is unknown gives that count away: hide the
   cheapest other published non-zero count of the relation (a zero is never chosen,
   so a zero is never the only complement);
3. the attacker's linear programs: for every hidden count, minimise and maximise it
   subject to every relation, every published count and non-negativity (scipy's
   `linprog`, HiGHS). Where the interval is narrower than min_cell − 1, hide the
   cheapest further count of a relation that holds it, and repeat from 2.
It stops when every hidden count's interval is at least min_cell − 1 wide, or when
nothing is left to hide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

TOLERANCE = 1e-7


@dataclass(frozen=True)
class Relation:
    """Σ coefficient·x = 0 (kind 'eq') or ≤ 0 (kind 'le') over statistics `members`."""

    members: tuple[int, ...]
    coefficients: tuple[float, ...]
    kind: str = "eq"


@dataclass(frozen=True)
class Protection:
    """What the disclosure control decided."""

    hidden: np.ndarray  # bool per statistic (counts and derived figures)
    primary: np.ndarray  # bool per statistic: hidden for being small
    low: np.ndarray  # the attacker's lower bound per hidden count (NaN elsewhere)
    high: np.ndarray  # the attacker's upper bound per hidden count (inf: unbounded)
    rounds: int


def primary_hidden(values: np.ndarray, protected: np.ndarray, min_cell: int) -> np.ndarray:
    """Counts 1 ≤ c < min_cell."""
    return protected & (values >= 1) & (values < min_cell)


def attacker_intervals(
    values: np.ndarray,
    unknown: np.ndarray,
    relations: Sequence[Relation],
    targets: np.ndarray,
    needed: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The tightest interval of each target statistic an attacker can derive.

    `unknown` marks the statistics the attacker does not see (hidden cells and counts that
    are never published); every other statistic is known exactly. Each target is
    minimised and maximised over the non-negative solutions of the relations.

    With `needed`, an interval is only worked out until it is known to be at least that
    wide: every solution found (the true values first) is a point the attacker cannot rule
    out, so once two of them lie `needed` apart no linear program is solved for it. The
    intervals of narrower targets are exact.
    """
    low = np.full(len(values), np.nan)
    high = np.full(len(values), np.nan)
    touching = [r for r in relations if any(unknown[m] for m in r.members)]
    for component, rels in _components(unknown, touching):
        wanted = [v for v in component if targets[v]]
        if not wanted:
            continue
        position = {v: i for i, v in enumerate(component)}
        eq_rows, eq_rhs, le_rows, le_rhs = [], [], [], []
        for relation in rels:
            row = np.zeros(len(component))
            constant = 0.0
            for member, coefficient in zip(relation.members, relation.coefficients, strict=True):
                if unknown[member]:
                    row[position[member]] += coefficient
                else:
                    constant += coefficient * values[member]
            (eq_rows if relation.kind == "eq" else le_rows).append(row)
            (eq_rhs if relation.kind == "eq" else le_rhs).append(-constant)
        problem = {
            "A_eq": np.array(eq_rows) if eq_rows else None,
            "b_eq": np.array(eq_rhs) if eq_rhs else None,
            "A_ub": np.array(le_rows) if le_rows else None,
            "b_ub": np.array(le_rhs) if le_rhs else None,
            "bounds": (0, None),
            "method": "highs",
        }
        truth = np.array([values[v] for v in component], dtype=float)
        seen_low, seen_high = truth.copy(), truth.copy()
        for variable in wanted:
            i = position[variable]
            if needed is not None and seen_high[i] - seen_low[i] >= needed - TOLERANCE:
                low[variable], high[variable] = seen_low[i], seen_high[i]
                continue
            objective = np.zeros(len(component))
            objective[i] = 1.0
            top = _solve(-objective, problem)
            if top is None:
                high[variable] = np.inf
            else:
                seen_low, seen_high = np.minimum(seen_low, top), np.maximum(seen_high, top)
                high[variable] = seen_high[i]
            if needed is not None and high[variable] - seen_low[i] >= needed - TOLERANCE:
                low[variable] = seen_low[i]
                continue
            bottom = _solve(objective, problem)
            if bottom is None:
                low[variable] = 0.0
            else:
                seen_low, seen_high = np.minimum(seen_low, bottom), np.maximum(seen_high, bottom)
                low[variable] = bottom[i]
    return low, high


def _solve(objective: np.ndarray, problem: dict) -> np.ndarray | None:
    """The optimal solution, or None when the objective is unbounded (or nothing is feasible)."""
    result = linprog(objective, **problem)
    return np.asarray(result.x, dtype=float) if result.status == 0 else None


class _IntervalCache:
    """The attacker's intervals, recomputed only for components that changed since the last round."""

    def __init__(self) -> None:
        self.known: dict[tuple, dict[int, tuple[float, float]]] = {}

    def intervals(self, values: np.ndarray, unknown: np.ndarray, relations: Sequence[Relation],
                  targets: np.ndarray, needed: float) -> tuple[np.ndarray, np.ndarray]:
        low = np.full(len(values), np.nan)
        high = np.full(len(values), np.nan)
        touching = [r for r in relations if any(unknown[m] for m in r.members)]
        for component, rels in _components(unknown, touching):
            signature = (tuple(component), tuple(bool(targets[v]) for v in component))
            if signature not in self.known:
                mask = np.zeros(len(values), dtype=bool)
                mask[component] = True
                part_low, part_high = attacker_intervals(values, unknown, rels, targets & mask, needed)
                self.known[signature] = {v: (part_low[v], part_high[v]) for v in component if targets[v]}
            for v, (lo, hi) in self.known[signature].items():
                low[v], high[v] = lo, hi
        return low, high


def _components(unknown: np.ndarray, relations: Sequence[Relation]) -> list[tuple[list[int], list[Relation]]]:
    """Unknown statistics grouped by the relations that link them (union-find)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for relation in relations:
        members = [m for m in relation.members if unknown[m]]
        for other in members[1:]:
            parent[find(other)] = find(members[0])
        if members:
            find(members[0])
    groups: dict[int, list[int]] = {}
    for variable in parent:
        groups.setdefault(find(variable), []).append(variable)
    grouped_relations: dict[int, list[Relation]] = {root: [] for root in groups}
    for relation in relations:
        first = next(m for m in relation.members if unknown[m])
        grouped_relations[find(first)].append(relation)
    return [(sorted(groups[root]), grouped_relations[root]) for root in sorted(groups)]


def _reach(variable: int, unknown: np.ndarray, relations: Sequence[Relation],
           by_member: dict[int, list[int]]) -> tuple[set[int], set[int]]:
    """The relations reachable from `variable` through unknown statistics, and the known
    statistics those relations hold."""
    seen_vars, frontier, found, known = {variable}, [variable], set(), set()
    while frontier:
        current = frontier.pop()
        for r in by_member.get(current, ()):
            if r in found:
                continue
            found.add(r)
            for member in relations[r].members:
                if not unknown[member]:
                    known.add(member)
                elif member not in seen_vars:
                    seen_vars.add(member)
                    frontier.append(member)
    return found, known


def _candidates(variable: int, relations: Sequence[Relation], by_member: dict[int, list[int]],
                unknown: np.ndarray, choosable: np.ndarray, cost: np.ndarray) -> list[int]:
    """Counts that could protect `variable`: published, non-zero members of the relations that
    tie it to other unknowns (its component's relations), the cheapest first."""
    _, known = _reach(variable, unknown, relations, by_member)
    return [member for _, member in sorted((cost[m], m) for m in known if choosable[m])]


def _best_complement(variable: int, values: np.ndarray, hidden: np.ndarray, published: np.ndarray,
                     relations: Sequence[Relation], by_member: dict[int, list[int]], choosable: np.ndarray,
                     cost: np.ndarray, needed: float, tries: int = 8, audits: int = 3) -> np.ndarray | None:
    """The hidden set after the cheapest complement that makes `variable`'s interval wide enough.

    Each of the `tries` cheapest candidates is costed with what it drags along (the equations
    it leaves with a single unknown); in order of that total cost, up to `audits` of them are
    checked by the attacker's own linear programs and the first that suffices wins. If none
    is checked to suffice, the cheapest is taken (the next round audits it again).
    None: there is no candidate at all."""
    unknown = hidden | ~published
    candidates = _candidates(variable, relations, by_member, unknown, choosable, cost)[:tries]
    costed = []
    for candidate in candidates:
        trial = hidden.copy()
        trial[candidate] = True
        _hide_singletons(trial, published, relations, by_member, choosable, cost)
        costed.append((float(cost[trial & ~hidden].sum()), candidate, trial))
    costed.sort(key=lambda item: (item[0], item[1]))
    target = np.zeros(len(values), dtype=bool)
    target[variable] = True
    for _, _, trial in costed[:audits]:
        trial_unknown = trial | ~published
        touching = [relations[r] for r in _component_relations(variable, trial_unknown, relations, by_member)]
        low, high = attacker_intervals(values, trial_unknown, touching, target, needed)
        if high[variable] - low[variable] >= needed - TOLERANCE:
            return trial
    return costed[0][2] if costed else None


def _component_relations(variable: int, unknown: np.ndarray, relations: Sequence[Relation],
                         by_member: dict[int, list[int]]) -> list[int]:
    """The relations reachable from `variable` through unknown statistics."""
    return sorted(_reach(variable, unknown, relations, by_member)[0])

def protect(
    values: np.ndarray,
    protected: np.ndarray,
    published: np.ndarray,
    relations: Sequence[Relation],
    min_cell: int,
    max_rounds: int = 200,
    forced: np.ndarray | None = None,
    weights: np.ndarray | None = None,
) -> Protection:
    """Primary and complementary suppression of the protected counts (see the module docstring).

    `published` marks statistics shown in some cell; the others are unknowns to the attacker.
    `forced` marks counts to hide whatever their size (complements chosen by another rule).
    `weights` make some counts dearer to hide (a complement's cost is weight · count).
    Returns the hidden counts; derived figures are hidden by `derived_hidden`.
    """
    values = np.asarray(values, dtype=float)
    primary = primary_hidden(values, protected & published, min_cell)
    hidden = primary.copy() if forced is None else primary | forced
    choosable = protected & published & (values > 0)
    cost = values * (np.ones(len(values)) if weights is None else weights)
    by_member: dict[int, list[int]] = {}
    for r, relation in enumerate(relations):
        for member in relation.members:
            by_member.setdefault(member, []).append(r)
    needed = max(min_cell - 1, 0)
    cache = _IntervalCache()
    rounds = 0
    low = high = np.full(len(values), np.nan)
    while rounds < max_rounds:
        rounds += 1
        _hide_singletons(hidden, published, relations, by_member, choosable, cost)
        unknown = hidden | ~published
        low, high = cache.intervals(values, unknown, relations, hidden, needed)
        narrow = [v for v in np.flatnonzero(hidden) if high[v] - low[v] < needed - TOLERANCE]
        if not narrow:
            break
        added = False
        for variable in narrow:
            target = np.zeros(len(values), dtype=bool)
            target[variable] = True
            unknown = hidden | ~published
            touching = [relations[r] for r in _component_relations(variable, unknown, relations, by_member)]
            now_low, now_high = attacker_intervals(values, unknown, touching, target, needed)
            if now_high[variable] - now_low[variable] >= needed - TOLERANCE:
                continue  # widened by a complement chosen for another count this round
            trial = _best_complement(variable, values, hidden, published, relations, by_member, choosable, cost,
                                     needed)
            if trial is not None and (trial & ~hidden).any():
                hidden[:] = trial
                added = True
        if not added:
            break  # nothing left that could widen the intervals
    return Protection(hidden=hidden, primary=primary, low=low, high=high, rounds=rounds)


def _hide_singletons(hidden: np.ndarray, published: np.ndarray, relations: Sequence[Relation],
                     by_member: dict[int, list[int]], choosable: np.ndarray, cost: np.ndarray) -> None:
    """Until no equation holds exactly one unknown that is a hidden count: hide a complement there."""
    changed = True
    while changed:
        changed = False
        unknown = hidden | ~published
        for relation in relations:
            if relation.kind != "eq":
                continue
            open_members = [m for m in relation.members if unknown[m]]
            if len(open_members) != 1 or not hidden[open_members[0]]:
                continue
            options = sorted((cost[m], m) for m in relation.members if choosable[m] and not unknown[m])
            if options:
                hidden[options[0][1]] = True
                unknown[options[0][1]] = True
                changed = True


def derived_hidden(
    hidden_counts: np.ndarray,
    bases: Sequence[tuple[int, ...]],
    denominators: Sequence[int | None],
    values: np.ndarray,
    min_cell: int,
) -> np.ndarray:
    """Hide every derived figure whose counts are hidden or whose denominator is below min_cell.

    A share or rate reveals its numerator with its denominator; an amount computed on a
    group of youths reveals as much as the group's count. So a derived figure goes with
    its base counts, and a figure on fewer than min_cell youths is not shown at all.
    """
    hidden = hidden_counts.copy()
    for index, (base, denominator) in enumerate(zip(bases, denominators, strict=True)):
        if not base and denominator is None:
            continue
        if any(hidden_counts[b] for b in base):
            hidden[index] = True
        elif denominator is not None and (hidden_counts[denominator] or values[denominator] < min_cell):
            hidden[index] = True
    return hidden
