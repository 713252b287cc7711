-- Status of every youth of every export at the months after the end of STU that the outcome
-- figures report: m in {1, 3, 6, 12, 18, 24, 36}. The 12-month outcome and the status profile
-- read it; the savings model counts whole ranges of months instead (int_spell_month_ranges),
-- with the same definition of "status on a day after STU".
-- Grain: one row per youth per export per month m in {1, 3, 6, 12, 18, 24, 36}, for youths
-- whose STU has ended (stu_end_date present).
--   day        = stu_end_date + m calendar months (end of month clamps: 31 Jan + 1 = 28/29 Feb)
--   observable = day is on or before the export date (nothing after it is observed)
--   status     = status of the spell covering that day (dates inclusive, an ongoing spell
--                runs to the export date); no covering spell -> 'other' (category unknown);
--                NULL when the day is not observable.
-- Seven direct look-ups per youth (a hash join on the youth, filtered by the day): the cost
-- grows with the youths and their spells, never with the savings horizon; a reader that needs
-- one month (the 12-month outcome) gets only that month's look-ups (the filter is pushed down).
with youths as (
    select export_id, participant_id, partnership_id, stu_end_date, export_date, superseded
    from stg_participants_all
    where stu_end_date is not null
),

spells as (
    select export_id, participant_id, status, category, start_date, end_date_effective
    from stg_spells_all
),

months as (
    select cast(month as bigint) as month
    from (select unnest([1, 3, 6, 12, 18, 24, 36]) as month)
),

youth_days as (
    select
        youths.*,
        months.month,
        cast(youths.stu_end_date + interval (months.month) month as date) as day
    from youths
    cross join months
),

covering_spell as (
    -- Only days on or before the export date can be covered: nothing after it is observed.
    -- Validation forbids overlapping spells, so at most one spell covers a day; should two
    -- ever do, the later one is taken rather than counting the youth twice.
    select
        youth_days.export_id,
        youth_days.participant_id,
        youth_days.month,
        spells.status,
        spells.category
    from youth_days
    join spells
        on spells.export_id = youth_days.export_id
        and spells.participant_id = youth_days.participant_id
        and youth_days.day between spells.start_date and spells.end_date_effective
    where youth_days.day <= youth_days.export_date
    qualify row_number() over (
        partition by youth_days.export_id, youth_days.participant_id, youth_days.month
        order by spells.start_date desc
    ) = 1
),

final as (
    select
        youth_days.export_id,
        youth_days.participant_id,
        youth_days.partnership_id,
        youth_days.stu_end_date,
        youth_days.export_date,
        youth_days.superseded,
        youth_days.month,
        youth_days.day,
        youth_days.day <= youth_days.export_date as observable,
        case
            when youth_days.day <= youth_days.export_date then coalesce(covering_spell.status, 'other')
        end as status,
        case
            when youth_days.day <= youth_days.export_date then coalesce(covering_spell.category, 'unknown')
        end as category
    from youth_days
    left join covering_spell
        on covering_spell.export_id = youth_days.export_id
        and covering_spell.participant_id = youth_days.participant_id
        and covering_spell.month = youth_days.month
)

select * from final
