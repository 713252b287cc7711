"""The SQL models: every file in models/sql/ is one model, run in file-name order.

A file `NN_name.sql` holds one SELECT statement (a chain of named CTEs ending in
`select * from final`) and becomes the relation `name`: a view when the name starts
with `stg_` or `int_` (staging and intermediate steps), a table otherwise (the marts).
Parameters reach the SQL through the macro model_parameter('name'): the DuckDB session
variable of that name when one is set (a build, or a scenario computed on the fly), else
the value the last build stored in the table model_parameters — so the views read the same
parameters in any later session as they did when they were built. What several models share
(the month arithmetic of docs/definitions.md §9, the status on a day) is written once, as the
macros in SQL_MACROS, stored with the views.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline import config
from pipeline.parameters import Parameters

_FILE_NAME = re.compile(r"^(\d+)_([a-z0-9_]+)\.sql$")

# parameter key -> SQL variable name
SQL_VARIABLES = {
    "retention.gap_days": "gap_days",
    "model.min_observed_youth_months": "min_observed_youth_months",
    "model.horizon_years": "horizon_years",
    "suppression.min_cell": "min_cell",
}

# the categories of the headline table (outcome_12m_summary, trend), in their order
HEADLINE_CATEGORIES = ("job", "education", "in_programme", "public_support", "unknown")

# The months after STU (docs/definitions.md §9): month m's reference day is origin + m calendar
# months (end of month clamps); the reference days increase strictly with m, one a calendar month.
SQL_MACROS = {
    "reference_day(origin, m)": "cast(origin + interval (m) month as date)",
    # calendar months from origin's month to day's month: month month_offset(origin, day) is the
    # one whose reference day lies in day's month
    "month_offset(origin, day)": "(year(day) - year(origin)) * 12 + month(day) - month(origin)",
    # the first month whose reference day is on or after day. That month offset(origin, day)'s
    # reference day, in day's month, is the day of the month of origin clamped to the month's
    # end, so it lies before day exactly when origin's day of the month is smaller than day's
    # (compared without date arithmetic, which costs at a million youths)
    "first_month_from(origin, day)": "month_offset(origin, day) + case when "
                                     "day(origin) < day(day) then 1 else 0 end",
    # the last month whose reference day is on or before day: that reference day lies after day
    # exactly when origin's day of the month is larger than day's and day is not its month's last
    "last_month_until(origin, day)": "month_offset(origin, day) - case when "
                                     "day(origin) > day(day) and day < last_day(day) then 1 else 0 end",
    # the years k after STU (year k = months 12(k-1)+1 .. 12k) that months first .. last reach,
    # and how many of those months lie in year k
    "years_of_months(first_month, last_month)": "range((first_month - 1) // 12 + 1, (last_month - 1) // 12 + 2)",
    "months_in_year(first_month, last_month, k)": "least(last_month, 12 * k) - greatest(first_month, 12 * k - 11) + 1",
    # whether a youth's month range shares a month with another of the youth's ranges (`youth`:
    # the youth's key, a row of columns): sorted by first month, with an earlier one that
    # reaches this one's first month, or with the next one, which starts within this one (one
    # sorted pass per youth; ingest refuses overlapping spells, so this is a safeguard)
    "overlaps_another_range(youth, first_month, last_month, start_date)":
        "coalesce(first_month <= max(last_month) over (partition by youth order by first_month, start_date "
        "rows between unbounded preceding and 1 preceding), false) or coalesce(lead(first_month) over "
        "(partition by youth order by first_month, start_date) <= last_month, false)",
    # the status on an observed day: the covering spell's, 'other' (category 'unknown') when no
    # spell covers the day; NULL when the day is not observable
    "observed_status(observable, spell_status)": "case when observable then coalesce(spell_status, 'other') end",
    "observed_category(observable, spell_category)":
        "case when observable then coalesce(spell_category, 'unknown') end",
    # (an aggregate) the youths, n, and those in each category of the headline table, n_<category>:
    # `unnest(category_counts(category))` gives them as columns
    "category_counts(category)": "{" + ", ".join(
        ["'n': count(*)"] + [f"'n_{c}': count(*) filter (where category = '{c}')" for c in HEADLINE_CATEGORIES]
    ) + "}",
}


class ModelsNotBuiltError(LookupError):
    """The warehouse has no model tables yet: the message says to run `joballiance build`."""


@dataclass(frozen=True)
class SqlModel:
    name: str
    path: Path

    @property
    def materialisation(self) -> str:
        return "view" if self.name.startswith(("stg_", "int_")) else "table"

    def select(self) -> str:
        """The model's SELECT (its file's text), to run as a query or to create the relation from."""
        return self.path.read_text(encoding="utf-8").strip().rstrip(";")

    def statement(self) -> str:
        return f"create or replace {self.materialisation} {self.name} as\n{self.select()}"


def sql_models(directory: Path = config.MODELS_SQL_DIR) -> list[SqlModel]:
    """The model files in dependency (file-name) order."""
    models = []
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if not match:
            raise ValueError(f"model file {path.name} is not named NN_name.sql")
        models.append(SqlModel(name=match.group(2), path=path))
    return models


def set_sql_variables(con: duckdb.DuckDBPyConnection, params: Parameters) -> None:
    """Set the session variables the SQL reads, and store them (model_parameters) for later sessions,
    with the macros the models share."""
    con.execute("create or replace table model_parameters (name varchar primary key, parameter varchar, "
                "value double)")
    for key, variable in SQL_VARIABLES.items():
        value = params.get(key)
        if value is not None:
            con.execute(f"set variable {variable} = ?", [value])
            con.execute("insert into model_parameters values (?, ?, ?)", [variable, key, value])
    con.execute(
        "create or replace macro model_parameter(variable_name) as coalesce(getvariable(variable_name), "
        "(select value from model_parameters where name = variable_name))"
    )
    for signature, body in SQL_MACROS.items():
        con.execute(f"create or replace macro {signature} as {body}")


def run_sql_models(
    con: duckdb.DuckDBPyConnection, params: Parameters, directory: Path = config.MODELS_SQL_DIR
) -> list[str]:
    """(Re)create every SQL model; returns the names built. Relations left by models that
    no longer exist (renamed or removed files) are dropped, so nobody reads a stale one."""
    set_sql_variables(con, params)
    models = sql_models(directory)
    drop_stale_models(con, models)
    built = []
    for model in models:
        try:
            con.execute(model.statement())
        except duckdb.Error as error:
            raise RuntimeError(f"model {model.path.name} failed: {error}") from error
        built.append(model.name)
    return built


def drop_stale_models(con: duckdb.DuckDBPyConnection, current: list[SqlModel]) -> None:
    """Drop the relations an earlier build made from model files that are gone."""
    names = {m.name for m in current}
    con.execute("create table if not exists sql_model_registry (name varchar primary key, kind varchar)")
    for name, kind in con.execute("select name, kind from sql_model_registry").fetchall():
        if name not in names:
            con.execute(f"drop {kind} if exists {name}")
    con.execute("delete from sql_model_registry")
    for model in current:
        con.execute("insert into sql_model_registry values (?, ?)", [model.name, model.materialisation])
