-- Spells of every export ever loaded, superseded ones too. An ongoing spell (no end_date)
-- covers every day up to its export's date: end_date_effective says so once, for every model.
-- Grain: one row per spell per export; partnership_id = the export's partnership.
with spells_all as (
    select * from spells_all
),

exports as (
    -- (the export's partnership is its youths' partnership)
    select export_id, partnership_id, export_date, superseded
    from exports
),

final as (
    select
        spells_all.participant_id,
        spells_all.status,
        spells_all.category,
        spells_all.start_date,
        spells_all.end_date,
        coalesce(spells_all.end_date, exports.export_date) as end_date_effective,
        spells_all.end_date is null as ongoing,
        spells_all.hours_per_week,
        spells_all.employer_id,
        spells_all.export_id,
        exports.partnership_id,
        exports.export_date,
        exports.superseded
    from spells_all
    join exports using (export_id)
)

select * from final
