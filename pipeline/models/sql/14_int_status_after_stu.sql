-- Status of every youth of every export at the months after the end of STU that the outcome
-- figures report: m in {1, 3, 6, 12, 18, 24, 36}. The 12-month outcome and the status profile
-- read it; the savings model counts whole ranges of months instead (int_spell_month_ranges),
-- with the same definition of "status on a day after STU".
-- Grain: one row per youth per export per month m in {1, 3, 6, 12, 18, 24, 36}.
--   day        = stu_end_date + m calendar months (end of month clamps: 31 Jan + 1 = 28/29 Feb);
--                NULL while STU has not ended (stu_end_date missing)
--   observable = day is on or before the export date (nothing after it is observed)
--   status     = status of the spell covering that day (dates inclusive, an ongoing spell
--                runs to the export date); no covering spell -> 'other' (category unknown);
--                NULL when the day is not observable.
-- Seven direct look-ups per youth (a hash join on the youth, filtered by the day): the cost
-- grows with the youths and their spells, never with the savings horizon; a reader that needs
-- one month (the 12-month outcome) or the newest exports only gets only those look-ups (the
-- filters on month and superseded are pushed down).
with youths as (
    select export_id, participant_id, partnership_id, stu_end_date, export_date, superseded, ingested_at
    from stg_participants_all
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
        reference_day(youths.stu_end_date, months.month) as day
    from youths
    cross join months
),

covering_spells as (
    -- each youth-day with the spell covering it, when the day is on or before the export date;
    -- validation forbids overlapping spells, so there is at most one
    select
        youth_days.*,
        spells.status as spell_status,
        spells.category as spell_category,
        spells.start_date as spell_start_date
    from youth_days
    left join spells
        on spells.export_id = youth_days.export_id
        and spells.participant_id = youth_days.participant_id
        and youth_days.day <= youth_days.export_date
        and youth_days.day between spells.start_date and spells.end_date_effective
),

youth_day_spells as (
    -- one row per youth-day: should two spells ever cover the day, the later-started one is
    -- taken rather than counting the youth twice. (superseded and month are grouped by, not
    -- picked, so that filters on them reach the look-ups.)
    select
        export_id,
        participant_id,
        superseded,
        month,
        any_value(partnership_id) as partnership_id,
        any_value(stu_end_date) as stu_end_date,
        any_value(export_date) as export_date,
        any_value(ingested_at) as ingested_at,
        any_value(day) as day,
        coalesce(any_value(day) <= any_value(export_date), false) as observable,
        arg_max(spell_status, spell_start_date) as spell_status,
        arg_max(spell_category, spell_start_date) as spell_category
    from covering_spells
    group by export_id, participant_id, superseded, month
),

final as (
    select
        export_id,
        participant_id,
        partnership_id,
        stu_end_date,
        export_date,
        superseded,
        month,
        day,
        observable,
        observed_status(observable, spell_status) as status,
        observed_category(observable, spell_category) as category,
        ingested_at
    from youth_day_spells
)

select * from final
