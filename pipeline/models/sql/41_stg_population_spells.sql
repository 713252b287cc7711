-- The spells of both populations of stg_population_participants: the programme's spells of
-- every export and the comparison group's spells of every register extract. An ongoing spell
-- (no end date) covers every day up to its export's (extract's) date.
-- Grain: one row per spell per export (or extract).
with programme as (
    select
        'programme' as population,
        export_id,
        participant_id,
        status,
        category,
        start_date,
        end_date_effective
    from stg_spells_all
),

comparison as (
    select
        'comparison' as population,
        comparison_spells_all.* exclude (end_date),
        coalesce(comparison_spells_all.end_date, extracts.export_date) as end_date_effective
    from comparison_spells_all
    join stg_comparison_extracts as extracts using (export_id)
),

final as (
    select * from programme
    union all by name
    select * from comparison
)

select * from final
