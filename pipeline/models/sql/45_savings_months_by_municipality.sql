-- Observable youth-months of the programme's counted youths by partnership, home municipality
-- (the export's municipality_code, not yet pooled), year after STU and status: the one pass over
-- the spell month ranges (int_spell_month_ranges) that both the savings distribution (summed
-- over municipalities) and the municipal net by home municipality (pooled in
-- pipeline/economics, as the outcome table) read. The contributions are those of
-- int_youth_year_months, summed over the youths with the same signed range before they are
-- split into years.
-- The youths of the newest exports with stu_end_date <= the export date; year k holds months
-- 12(k-1)+1 .. 12k; a month's status is that on stu_end_date + m calendar months, 'other' where
-- no spell covers it.
-- Grain: one row per partnership x municipality x year x status with youth-months (contributions
-- summed; a status whose months net to 0 has no row).
--   youth_months            = observable youth-months in the status
--   observable_youth_months = all observable youth-months of the municipality's youths that year
with signed_ranges as (
    -- the signed month ranges (int_signed_month_ranges: covered months in their status, the
    -- uncovered as 'other') of the counted youths, with each youth's home municipality carried
    -- along from stg_population_participants; youths with the same ranges count alike, so the
    -- ranges are counted (n) before they are split into years
    select partnership_id, municipality_code, status, first_month, last_month, observable, sum(sign) as n
    from int_signed_month_ranges
    where population = 'programme' and superseded = false
    group by all
),

range_years as (
    select
        signed_ranges.*,
        cast(unnest(years_of_months(signed_ranges.first_month, signed_ranges.last_month)) as bigint) as year
    from signed_ranges
),

contributions as (
    -- the n ranges' months within year k
    select
        partnership_id,
        municipality_code,
        year,
        status,
        n * months_in_year(first_month, last_month, year) as youth_months,
        case when observable then n * months_in_year(first_month, last_month, year) else 0 end
            as observable_youth_months
    from range_years
),

by_status as (
    select
        partnership_id,
        municipality_code,
        year,
        status,
        sum(youth_months) as youth_months,
        sum(observable_youth_months) as observable_youth_months
    from contributions
    group by all
),

with_totals as (
    select
        *,
        sum(observable_youth_months) over (partition by partnership_id, municipality_code, year)
            as all_observable_youth_months
    from by_status
),

final as (
    select
        partnership_id,
        municipality_code,
        year,
        status,
        cast(youth_months as bigint) as youth_months,
        cast(all_observable_youth_months as bigint) as observable_youth_months
    from with_totals
    where youth_months > 0
)

select * from final
order by partnership_id, municipality_code, year, status
