-- The twelve-month outcome of every youth in every export, as of that export's own date.
-- Grain: one row per youth per export. `outcome_12m` keeps the newest exports, `trend`
-- summarises every export; both read this one definition.
--   reference_date = stu_end_date + 12 calendar months
--   STU not ended, or reference_date after the export date -> not observable, counted as
--   'in_programme' ("still in the course"); otherwise the status on reference_date.
with youths as (
    select * from stg_participants_all
),

status_at_12_months as (
    select export_id, participant_id, day, observable, status, category
    from int_status_after_stu
    where month = 12
),

final as (
    select
        youths.export_id,
        youths.export_date,
        youths.superseded,
        youths.ingested_at,
        youths.participant_id,
        youths.partnership_id,
        coalesce(cast(year(youths.stu_end_date) as varchar), 'in STU') as cohort,
        youths.stu_end_date,
        status_at_12_months.day as reference_date,
        coalesce(status_at_12_months.observable, false) as observable,
        case when status_at_12_months.observable then status_at_12_months.status
            else 'in_programme' end as status,
        case when status_at_12_months.observable then status_at_12_months.category
            else 'in_programme' end as category
    from youths
    left join status_at_12_months using (export_id, participant_id)
)

select * from final
