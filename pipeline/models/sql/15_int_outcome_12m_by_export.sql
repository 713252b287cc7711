-- The twelve-month outcome of every youth in every export, as of that export's own date.
-- Grain: one row per youth per export. `outcome_12m` keeps the newest exports, `trend`
-- summarises every export; both read this one definition.
--   reference_date = stu_end_date + 12 calendar months
--   STU not ended, or reference_date after the export date -> not observable, counted as
--   'in_programme' ("still in the course"); otherwise the status on reference_date.
with status_at_12_months as (
    select * from int_status_after_stu
    where month = 12
),

final as (
    select
        export_id,
        export_date,
        superseded,
        ingested_at,
        participant_id,
        partnership_id,
        coalesce(cast(year(stu_end_date) as varchar), 'in STU') as cohort,
        stu_end_date,
        day as reference_date,
        observable,
        case when observable then status else 'in_programme' end as status,
        case when observable then category else 'in_programme' end as category
    from status_at_12_months
)

select * from final
