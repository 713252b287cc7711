-- Youths of the newest export of each partnership, with that export's date
-- ("the export date" of every definition).
with participants as (
    select * from participants
),

exports as (
    select export_id, export_date from exports
),

final as (
    select
        participants.participant_id,
        participants.partnership_id,
        participants.municipality_code,
        participants.birth_year,
        participants.sex,
        participants.stu_start_date,
        participants.stu_end_date,
        participants.phase1_start,
        participants.phase2_start,
        participants.phase3_start,
        participants.phase4_start,
        participants.programme_cost_dkk,
        participants.export_id,
        exports.export_date
    from participants
    join exports using (export_id)
)

select * from final
