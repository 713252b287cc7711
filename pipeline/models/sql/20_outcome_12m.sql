-- The twelve-month outcome of each youth in the newest export of each partnership (the
-- youth level of the headline table). Grain: one row per youth.
-- Definition in int_outcome_12m_by_export: reference_date = stu_end_date + 12 months;
-- STU not ended or reference_date after the export date -> 'in_programme', not observable.
with youths as (
    select export_id, participant_id from stg_participants
),

outcomes as (
    select * from int_outcome_12m_by_export
),

final as (
    select
        outcomes.participant_id,
        outcomes.partnership_id,
        outcomes.cohort,
        outcomes.reference_date,
        outcomes.observable,
        outcomes.status,
        outcomes.category,
        outcomes.stu_end_date,
        outcomes.export_id,
        outcomes.export_date
    from youths
    join outcomes using (export_id, participant_id)
    order by outcomes.partnership_id, outcomes.participant_id
)

select * from final
