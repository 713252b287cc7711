-- The twelve-month outcome of each youth in the newest export of each partnership (the
-- youth level of the headline table). Grain: one row per youth, in no particular order (every
-- reader groups or joins it; sorting a million rows is left to whoever needs them sorted).
-- Definition in int_outcome_12m_by_export: reference_date = stu_end_date + 12 months;
-- STU not ended or reference_date after the export date -> 'in_programme', not observable.
with outcomes as (
    select * from int_outcome_12m_by_export
    where superseded = false  -- (a comparison: it reaches the look-ups of int_status_after_stu)
),

final as (
    select
        participant_id,
        partnership_id,
        cohort,
        reference_date,
        observable,
        status,
        category,
        stu_end_date,
        export_id,
        export_date
    from outcomes
)

select * from final
