-- One row per counted youth × month m = 1 .. 12·horizon after STU end (CONTRACT §4.4):
-- the youths of the newest exports with stu_end_date ≤ the export date, with the year k
-- the month falls in (months 12(k−1)+1 … 12k). Observability and the status on the day
-- come from int_status_after_stu, the one definition of "status on a day after STU".
with status_after_stu as (
    select * from int_status_after_stu
),

final as (
    select
        participant_id,
        partnership_id,
        export_id,
        export_date,
        stu_end_date,
        month,
        cast((month - 1) // 12 + 1 as bigint) as year,
        day,
        observable,
        status,
        category
    from status_after_stu
    where not superseded
        and stu_end_date <= export_date
        and month <= 12 * coalesce(
            cast(model_parameter('horizon_years') as bigint),
            error('the SQL variable horizon_years (model.horizon_years) is not set')
        )
)

select * from final
