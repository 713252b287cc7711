-- The youths whose months after STU are counted for the savings model and its counterfactual:
-- the programme's youths of every export (population 'programme') and the comparison group's
-- youths of every register extract (population 'comparison': STU completers outside the
-- programme, no partnership). Both go through the same month arithmetic
-- (int_spell_month_ranges), so the comparison group's status after STU is defined exactly as
-- the programme's. Every programme model filters population = 'programme'.
-- Grain: one row per youth per export (or extract).
--   municipality_code = the programme youth's home municipality (carried along so that the
--                       savings can be split by it without joining the youths again)
--   export_date = the export's (or extract's) date: nothing after it is observed
--   superseded  = a newer export of the partnership (or extract of the source) replaced it
with programme as (
    select
        'programme' as population,
        participant_id,
        partnership_id,
        export_id,
        export_date,
        superseded,
        stu_end_date,
        municipality_code
    from stg_participants_all
),

comparison as (
    -- (no partnership, no home municipality: union by name leaves partnership_id and
    -- municipality_code NULL)
    select 'comparison' as population, participant_id, export_id, export_date, superseded, stu_end_date
    from comparison_participants_all
    join stg_comparison_extracts using (export_id)
),

final as (
    select * from programme
    union all by name
    select * from comparison
)

select * from final
