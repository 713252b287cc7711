-- Youths of every export ever loaded, superseded ones too, each with its own export date.
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
        participants_all.stu_start_date,
        participants_all.stu_end_date,
        participants_all.export_id,
        exports.export_date,
        exports.superseded,
        exports.ingested_at
    from participants_all
    join exports using (export_id)
)

select * from final
