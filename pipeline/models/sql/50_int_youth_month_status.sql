-- One row per counted youth × month m = 1 .. 12·horizon after STU end (CONTRACT §4.4):
-- the youths of the newest exports with stu_end_date ≤ the export date. The month is
-- observable when stu_end_date + m months ≤ the export date; its status is that of the
-- spell covering that day, else 'other' (NULL when the month is not observable).
with youths as (
    select participant_id, partnership_id, export_id, export_date, stu_end_date
    from stg_participants
    where stu_end_date is not null and stu_end_date <= export_date
),

months as (
    select cast(month as bigint) as month
    from generate_series(1, 12 * cast(getvariable('horizon_years') as bigint)) as months(month)
),

youth_months as (
    select
        youths.participant_id,
        youths.partnership_id,
        youths.export_id,
        youths.export_date,
        youths.stu_end_date,
        months.month,
        cast((months.month - 1) // 12 + 1 as bigint) as year,
        cast(youths.stu_end_date + interval (months.month) month as date) as day
    from youths
    cross join months
),

observable as (
    select * from youth_months where day <= export_date
),

covering_spells as (
    select
        observable.participant_id,
        observable.export_id,
        observable.month,
        spells.status,
        spells.category
    from observable
    join stg_spells as spells
        on spells.export_id = observable.export_id
        and spells.participant_id = observable.participant_id
        and observable.day between spells.start_date and spells.end_date_effective
    -- overlapping spells are refused at ingest; should two cover a day, the later start wins
    qualify row_number() over (
        partition by observable.participant_id, observable.export_id, observable.month
        order by spells.start_date desc
    ) = 1
),

final as (
    select
        youth_months.participant_id,
        youth_months.partnership_id,
        youth_months.export_id,
        youth_months.export_date,
        youth_months.stu_end_date,
        youth_months.month,
        youth_months.year,
        youth_months.day,
        youth_months.day <= youth_months.export_date as observable,
        case
            when youth_months.day <= youth_months.export_date
                then coalesce(covering_spells.status, 'other')
        end as status,
        case
            when youth_months.day <= youth_months.export_date
                then coalesce(covering_spells.category, 'unknown')
        end as category
    from youth_months
    left join covering_spells
        on covering_spells.participant_id = youth_months.participant_id
        and covering_spells.export_id = youth_months.export_id
        and covering_spells.month = youth_months.month
)

select * from final
