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
-- filters on month and superseded are pushed down: write them as comparisons, month = 12,
-- superseded = false, which reach both sides of the join back). Only the observable youth-days
-- are looked up, and only the spells found are resolved to one per youth-day.
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
        reference_day(youths.stu_end_date, months.month) as day,
        coalesce(reference_day(youths.stu_end_date, months.month) <= youths.export_date, false) as observable
    from youths
    cross join months
),

covering_spells as (
    -- the observable youth-days a spell covers (validation forbids overlapping spells, so
    -- there is at most one); should two spells ever cover the day, the later-started one is
    -- taken rather than counting the youth twice. (superseded and month are join keys, so
    -- that filters on them reach the look-ups.)
    select
        youth_days.export_id,
        youth_days.participant_id,
        youth_days.superseded,
        youth_days.month,
        arg_max(spells.status, spells.start_date) as spell_status,
        arg_max(spells.category, spells.start_date) as spell_category
    from youth_days
    join spells
        on spells.export_id = youth_days.export_id
        and spells.participant_id = youth_days.participant_id
        and youth_days.observable
        and youth_days.day between spells.start_date and spells.end_date_effective
    group by youth_days.export_id, youth_days.participant_id, youth_days.superseded, youth_days.month
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
        youth_days.observable,
        observed_status(youth_days.observable, covering_spells.spell_status) as status,
        observed_category(youth_days.observable, covering_spells.spell_category) as category,
        youth_days.ingested_at
    from youth_days
    left join covering_spells using (export_id, participant_id, superseded, month)
)

select * from final
