-- Content checks for the data-quality report: youths of the current exports whose records the
-- STU place should look at, one row per youth and problem, with the problem's size and a
-- priority (1 = fix first: the youth's status cannot be determined at all).
-- Grain: one row per (export, youth, check). Checks:
--   no_spells_after_stu  STU has ended, but no spell covers any day after it (status unknown)
--   missing_stu_end      no STU end date, though STU started more than three years before the export
--   gap_in_history       a stretch of more than gap_days days after STU end that no spell covers
--   missing_cost         no programme cost: the savings use the parameter file's default
-- Each youth's spells after STU are read once: one pass finds the gaps between them, and every
-- check carries the youth's partnership and export date along (no join back to the youths).
-- Unordered: the data-quality report sorts (priority, partnership, problem, youth) itself.
with participants as (
    select export_id, participant_id, partnership_id, export_date, stu_start_date, stu_end_date, programme_cost_dkk
    from stg_participants
),

ended as (
    -- youths whose STU ended before the export: their history after STU should be recorded
    select export_id, participant_id, partnership_id, export_date, stu_end_date
    from participants
    where stu_end_date is not null and stu_end_date < export_date
),

after_stu as (
    -- each youth's spells clipped to the days after STU end up to the export date
    select
        ended.export_id,
        ended.participant_id,
        greatest(spells.start_date, ended.stu_end_date + 1) as start_date,
        least(spells.end_date_effective, ended.export_date) as end_date
    from ended
    join stg_spells as spells using (export_id, participant_id)
    where spells.end_date_effective > ended.stu_end_date and spells.start_date <= ended.export_date
),

spell_gaps as (
    -- the uncovered days just before each spell: after the last day any earlier spell (sorted
    -- by start) covers; the first spell's gap is counted by the youth (from STU end)
    select
        export_id,
        participant_id,
        start_date,
        end_date,
        start_date - max(end_date) over (
            partition by export_id, participant_id order by start_date, end_date
            rows between unbounded preceding and 1 preceding
        ) - 1 as gap_days
    from after_stu
),

youth_spans as (
    -- per youth: first covered day, last covered day and the longest gap between spells
    select export_id, participant_id, min(start_date) as first_start, max(end_date) as last_end,
        max(gap_days) as longest_inner_gap
    from spell_gaps
    group by export_id, participant_id
),

youth_history as (
    -- every ended youth with its spells after STU (none: first_start is NULL)
    select
        ended.*,
        youth_spans.first_start is null as no_spells,
        greatest(
            youth_spans.first_start - ended.stu_end_date - 1,
            youth_spans.longest_inner_gap,
            ended.export_date - youth_spans.last_end
        ) as longest_gap
    from ended
    left join youth_spans using (export_id, participant_id)
),

checks as (
    select partnership_id, export_id, export_date, participant_id, 'no_spells_after_stu' as check_name,
        1 as priority, export_date - stu_end_date as size
    from youth_history
    where no_spells
    union all
    select partnership_id, export_id, export_date, participant_id, 'missing_stu_end', 1,
        date_diff('year', stu_start_date, export_date)
    from participants
    where stu_end_date is null and stu_start_date + interval 3 year < export_date
    union all
    select partnership_id, export_id, export_date, participant_id, 'gap_in_history', 2, longest_gap
    from youth_history
    where longest_gap > cast(model_parameter('gap_days') as integer)
    union all
    select partnership_id, export_id, export_date, participant_id, 'missing_cost', 3, null
    from participants
    where programme_cost_dkk is null
),

final as (
    select partnership_id, export_id, export_date, participant_id, check_name, priority, size
    from checks
)

select * from final
