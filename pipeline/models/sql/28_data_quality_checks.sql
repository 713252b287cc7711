-- Content checks for the data-quality report: youths of the current exports whose records the
-- STU place should look at, one row per youth and problem, with the problem's size and a
-- priority (1 = fix first: the youth's status cannot be determined at all).
-- Grain: one row per (export, youth, check). Checks:
--   no_spells_after_stu  STU has ended, but no spell covers any day after it (status unknown)
--   missing_stu_end      no STU end date, though STU started more than three years before the export
--   gap_in_history       a stretch of more than gap_days days after STU end that no spell covers
--   missing_cost         no programme cost: the savings use the parameter file's default
with participants as (
    select * from stg_participants
),

spells as (
    select * from stg_spells
),

ended as (
    -- youths whose STU ended before the export: their history after STU should be recorded
    select participant_id, export_id, partnership_id, export_date, stu_end_date
    from participants
    where stu_end_date is not null and stu_end_date < export_date
),

after_stu as (
    -- each youth's spells clipped to the days after STU end up to the export date
    select
        ended.participant_id,
        ended.export_id,
        greatest(spells.start_date, ended.stu_end_date + 1) as start_date,
        least(spells.end_date_effective, ended.export_date) as end_date
    from ended
    join spells using (export_id, participant_id)
    where spells.end_date_effective > ended.stu_end_date and spells.start_date <= ended.export_date
),

covered_until as (
    -- the last day covered by any earlier spell (spells sorted by start)
    select
        *,
        max(end_date) over (
            partition by export_id, participant_id order by start_date, end_date
            rows between unbounded preceding and 1 preceding
        ) as covered_before
    from after_stu
),

gaps as (
    -- uncovered days before each spell, and after the last one up to the export date
    select covered_until.export_id, covered_until.participant_id,
           start_date - coalesce(covered_before, ended.stu_end_date) - 1 as gap_days
    from covered_until
    join ended using (export_id, participant_id)
    union all
    select after_stu.export_id, after_stu.participant_id, any_value(ended.export_date) - max(after_stu.end_date)
    from after_stu
    join ended using (export_id, participant_id)
    group by after_stu.export_id, after_stu.participant_id
),

longest_gap as (
    select export_id, participant_id, max(gap_days) as gap_days
    from gaps
    group by all
),

checks as (
    select ended.export_id, ended.participant_id, 'no_spells_after_stu' as check_name, 1 as priority,
           ended.export_date - ended.stu_end_date as size
    from ended
    anti join after_stu using (export_id, participant_id)
    union all
    select export_id, participant_id, 'missing_stu_end', 1, date_diff('year', stu_start_date, export_date)
    from participants
    where stu_end_date is null and stu_start_date + interval 3 year < export_date
    union all
    select export_id, participant_id, 'gap_in_history', 2, gap_days
    from longest_gap
    where gap_days > cast(model_parameter('gap_days') as integer)
    union all
    select export_id, participant_id, 'missing_cost', 3, null
    from participants
    where programme_cost_dkk is null
),

final as (
    select
        participants.partnership_id,
        checks.export_id,
        participants.export_date,
        checks.participant_id,
        checks.check_name,
        checks.priority,
        checks.size
    from checks
    join participants using (export_id, participant_id)
    order by checks.priority, participants.partnership_id, checks.check_name, checks.participant_id
)

select * from final
