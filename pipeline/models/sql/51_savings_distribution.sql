-- Observed status distribution of each partnership by year after STU (docs/economics.md):
-- youth_months = observable youth-months in the status, observable_youth_months = all
-- observable youth-months of the partnership in that year. D_pk(s) is their ratio.
-- The youths of the newest exports with stu_end_date <= the export date; year k holds months
-- 12(k-1)+1 .. 12k; a month's status is that on stu_end_date + m calendar months, 'other'
-- where no spell covers it. Summed from spell month ranges (int_youth_year_months, by home
-- municipality in savings_months_by_municipality), not from one row per youth-month.
-- Only statuses with youth-months appear; a year without observable months has no row.
with contributions as (
    select partnership_id, year, status, youth_months
    from savings_months_by_municipality
),

by_status as (
    select
        partnership_id,
        year,
        status,
        sum(youth_months) as youth_months
    from contributions
    group by partnership_id, year, status
    having sum(youth_months) > 0
),

final as (
    select
        partnership_id,
        year,
        status,
        cast(youth_months as bigint) as youth_months,
        cast(sum(youth_months) over (partition by partnership_id, year) as bigint) as observable_youth_months
    from by_status
)

select * from final
order by partnership_id, year, status
