-- Observable youth-months by year after STU and status, for either population, as additive
-- contributions: summing youth_months (and observable_youth_months) over any set of youths,
-- years and statuses gives their counts, so the savings distribution (per partnership) and
-- the comparison group's youth-months (per youth) are both plain sums over this view.
-- Year k holds months 12(k-1)+1 .. 12k; each signed range of months (int_signed_month_ranges:
-- covered months in their status, uncovered months as 'other') is split over the years it
-- reaches. Nothing is expanded to one row per month.
--   observable_youth_months = the youth's observable months in year k (on the 'other' row).
-- Grain: contribution rows; only sums over them mean anything.
with signed_ranges as (
    select * from int_signed_month_ranges
),

range_years as (
    select
        signed_ranges.*,
        cast(unnest(years_of_months(signed_ranges.first_month, signed_ranges.last_month)) as bigint) as year
    from signed_ranges
),

year_months as (
    -- the range's months within year k (months 12(k-1)+1 .. 12k)
    select
        range_years.*,
        months_in_year(range_years.first_month, range_years.last_month, range_years.year) as months
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
