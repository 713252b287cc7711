-- Observed status distribution of each partnership by year after STU (CONTRACT §4.4):
-- youth_months = observable youth-months in the status, observable_youth_months = all
-- observable youth-months of the partnership in that year. D_pk(s) is their ratio.
-- Only statuses with youth-months appear; a year without observable months has no row.
with youth_months as (
    select * from int_youth_month_status where observable
),

by_status as (
    select
        partnership_id,
        year,
        status,
        count(*) as youth_months
    from youth_months
    group by partnership_id, year, status
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
