-- Spells of the newest exports. An ongoing spell (no end_date) covers every day up to
-- the export date: end_date_effective says so once, for every model.
with spells as (
    select * from spells
),

exports as (
    select export_id, export_date from exports
),

final as (
    select
        spells.participant_id,
        spells.status,
        spells.category,
        spells.start_date,
        spells.end_date,
        coalesce(spells.end_date, exports.export_date) as end_date_effective,
        spells.end_date is null as ongoing,
        spells.hours_per_week,
        spells.employer_id,
        spells.export_id,
        exports.export_date
    from spells
    join exports using (export_id)
)

select * from final
