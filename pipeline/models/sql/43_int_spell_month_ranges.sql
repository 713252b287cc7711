-- For each spell of either population, the range of months m after STU whose reference day
-- (stu_end_date + m calendar months, end of month clamps) it covers, among the observable
-- months 1 .. observable_months (int_youth_observable_months). The savings model and the
-- comparison group's youth-months are sums over these ranges: their cost grows with the
-- spells, not with youths x months.
-- Grain: one row per spell covering at least one observable month (counted youths only).
--   first_month = the smallest m >= 1 with reference day >= start_date
--                 (first_month_from: offset(start), plus 1 when that month's day is before start)
--   last_month  = the largest m <= observable_months with reference day <= end_date_effective
--                 (last_month_until: offset(end), minus 1 when that month's day is after the end)
--   offset(d)   = month_offset: the calendar-month difference from stu_end_date to the date d;
--                 month offset(d) is the one whose reference day lies in d's month.
--   (Clamping makes days after month ends uneven - 31 Jan + 1 = 29 Feb, + 2 = 31 Mar - but
--   the reference days still increase strictly with m, so each spell covers one contiguous
--   range, and the test against the (clamped) reference day is exact.)
-- Validation forbids overlapping spells, so the ranges of one youth are disjoint. Should two
-- spells ever cover the same reference day, the months of the ranges that overlap are resolved
-- one by one (the spell that started last wins, as in int_status_after_stu) and given as
-- one-month ranges.
with youths as (
    select * from int_youth_observable_months
    where observable_months > 0
),

spells as (
    select population, export_id, participant_id, status, category, start_date, end_date_effective
    from stg_population_spells
),

ranges as (
    select
        youths.population,
        youths.export_id,
        youths.participant_id,
        youths.partnership_id,
        youths.municipality_code,
        youths.superseded,
        spells.status,
        spells.category,
        spells.start_date,
        greatest(1, first_month_from(youths.stu_end_date, spells.start_date)) as first_month,
        least(youths.observable_months, last_month_until(youths.stu_end_date, spells.end_date_effective))
            as last_month
    from youths
    join spells using (population, export_id, participant_id)
),

covering as (
    select * from ranges
    where first_month <= last_month
),

flagged as (
    -- whether a range shares a month with another range of the youth (the macro
    -- overlaps_another_range: one sorted pass per youth)
    select
        covering.*,
        overlaps_another_range((population, export_id, participant_id), first_month, last_month, start_date)
            as overlapping
    from covering
),

disjoint as (
    select * exclude (overlapping)
    from flagged
    where not overlapping
),

resolved as (
    select * exclude (month) replace (month as first_month, month as last_month)
    from (
        select
            flagged.* exclude (overlapping),
            unnest(range(flagged.first_month, flagged.last_month + 1)) as month
        from flagged
        where overlapping
    )
    qualify row_number() over (
        partition by population, export_id, participant_id, month order by start_date desc
    ) = 1
),

final as (
    select * from disjoint
    union all
    select * from resolved
)

select * from final
