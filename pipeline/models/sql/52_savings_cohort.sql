-- The youths each partnership's savings are counted over (docs/economics.md): those with
-- stu_end_date ≤ the export date, with their actual programme costs where the export
-- gives them. Every partnership with a loaded export has a row (n_youth may be 0).
with participants as (
    select * from stg_participants
),

final as (
    select
        partnership_id,
        max(export_date) as export_date,
        cast(count(*) filter (where stu_end_date <= export_date) as bigint) as n_youth,
        cast(
            count(*) filter (where stu_end_date <= export_date and programme_cost_dkk is null) as bigint
        ) as n_cost_missing,
        cast(
            coalesce(sum(programme_cost_dkk) filter (where stu_end_date <= export_date), 0) as double
        ) as known_programme_cost_dkk
    from participants
    group by partnership_id
)

select * from final
order by partnership_id
