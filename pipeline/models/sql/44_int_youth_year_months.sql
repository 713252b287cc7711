-- Observable youth-months by year after STU and status, for either population, as additive
-- contributions: summing youth_months (and observable_youth_months) over any set of youths,
-- years and statuses gives their counts, so the savings distribution (per partnership) and
-- the comparison group's youth-months (per youth) are both plain sums over this view.
-- Year k holds months 12(k-1)+1 .. 12k. Nothing is expanded to one row per month:
--   covered   : each spell range's months within year k, in the spell's status (+)
--   uncovered : every observable month of the youth in year k counts as 'other' (+), and
--               every covered month is taken off 'other' again (-): months no spell covers
--               are status 'other' (category unknown) = observable months - covered months.
--   observable_youth_months = the youth's observable months in year k (on the 'other' row).
-- Grain: contribution rows; only sums over them mean anything.
with ranges as (
    select * from int_spell_month_ranges
),

youths as (
    select * from int_youth_observable_months
    where observable_months > 0
),

range_years as (
    select
        ranges.*,
        unnest(range((ranges.first_month - 1) // 12 + 1, (ranges.last_month - 1) // 12 + 2)) as year
    from ranges
),

covered as (
    select
        population,
        export_id,
        participant_id,
        partnership_id,
        superseded,
        cast(year as bigint) as year,
        status,
        least(last_month, 12 * year) - greatest(first_month, 12 * year - 11) + 1 as months
    from range_years
),

youth_years as (
    select
        youths.*,
        unnest(range(1, (youths.observable_months - 1) // 12 + 2)) as year
    from youths
),

observable as (
    select
        population,
        export_id,
        participant_id,
        partnership_id,
        superseded,
        cast(year as bigint) as year,
        least(observable_months, 12 * year) - 12 * (year - 1) as months
    from youth_years
),

final as (
    select
        population, export_id, participant_id, partnership_id, superseded, year, status,
        months as youth_months,
        0 as observable_youth_months
    from covered
    union all
    select
        population, export_id, participant_id, partnership_id, superseded, year, 'other' as status,
        -months as youth_months,
        0 as observable_youth_months
    from covered
    union all
    select
        population, export_id, participant_id, partnership_id, superseded, year, 'other' as status,
        months as youth_months,
        months as observable_youth_months
    from observable
)

select * from final
