-- Youths of every export ever loaded, superseded ones too, each with its own export date
-- ("the export date" of every definition) and whether a newer export replaced it.
-- Grain: one row per youth per export. The 12-month outcome is defined once over these
-- rows (int_outcome_12m_by_export), so `trend` and `outcome_12m` cannot drift apart.
with participants_all as (
    select * from participants_all
),

exports as (
    select export_id, export_date, superseded, ingested_at from exports
),

final as (
    select
        participants_all.participant_id,
        participants_all.partnership_id,
        participants_all.municipality_code,
        participants_all.birth_year,
        participants_all.sex,
        participants_all.stu_start_date,
        participants_all.stu_end_date,
        participants_all.phase1_start,
        participants_all.phase2_start,
        participants_all.phase3_start,
        participants_all.phase4_start,
        participants_all.programme_cost_dkk,
        participants_all.export_id,
        exports.export_date,
        exports.superseded,
        exports.ingested_at
    from participants_all
    join exports using (export_id)
)

select * from final
