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

signed_ranges as (
    -- covered months in their status (+) and taken off 'other' (-), from one pass over the
    -- ranges (unnest pairs the two lists element by element); observable months as 'other' (+)
    select population, export_id, participant_id, partnership_id, municipality_code, superseded,
        unnest([status, 'other']) as status, first_month, last_month, unnest([1, -1]) as sign, false as observable
    from ranges
    union all
    select population, export_id, participant_id, partnership_id, municipality_code, superseded, 'other', 1,
        observable_months, 1, true
    from youths
),

range_years as (
    select
        signed_ranges.*,
        cast(unnest(range(
            (signed_ranges.first_month - 1) // 12 + 1, (signed_ranges.last_month - 1) // 12 + 2
        )) as bigint) as year
    from signed_ranges
),

year_months as (
    -- the range's months within year k (months 12(k-1)+1 .. 12k)
    select
        range_years.*,
        least(range_years.last_month, 12 * range_years.year)
            - greatest(range_years.first_month, 12 * range_years.year - 11) + 1 as months
    from range_years
),

final as (
    select
        population,
        export_id,
        participant_id,
        partnership_id,
        municipality_code,
        superseded,
        year,
        status,
        sign * months as youth_months,
        case when observable then months else 0 end as observable_youth_months
    from year_months
)

select * from final
