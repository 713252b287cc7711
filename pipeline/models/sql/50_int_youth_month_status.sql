-- One row per counted youth x month m = 1 .. 12 * horizon_years after STU end, for reading and
-- auditing a youth's months one by one (no model reads it: the savings distribution sums
-- month ranges, int_youth_year_months). The youths of the newest exports with
-- stu_end_date <= the export date; year k holds months 12(k-1)+1 .. 12k.
--   day        = stu_end_date + m calendar months (end of month clamps)
--   observable = m <= observable_months (the day is on or before the export date)
--   status     = status of the spell range covering m (int_spell_month_ranges); none -> 'other'
--                (category unknown); NULL when not observable.
-- A view: its rows are made only when somebody reads it, and only for the youths read.
with youths as (
    select * from int_youth_observable_months
    where population = 'programme' and not superseded
),

months as (
    select cast(month as bigint) as month
    from generate_series(1, 1200) as months(month)
),

youth_months as (
    select youths.*, months.month
    from youths
    join months on months.month <= youths.horizon_months
),

covered as (
    select
        export_id,
        participant_id,
        status,
        category,
        unnest(range(first_month, last_month + 1)) as month
    from int_spell_month_ranges
    where population = 'programme' and not superseded
),

final as (
    select
        youth_months.participant_id,
        youth_months.partnership_id,
        youth_months.export_id,
        youth_months.export_date,
        youth_months.stu_end_date,
        youth_months.month,
        cast((youth_months.month - 1) // 12 + 1 as bigint) as year,
        reference_day(youth_months.stu_end_date, youth_months.month) as day,
        youth_months.month <= youth_months.observable_months as observable,
        observed_status(youth_months.month <= youth_months.observable_months, covered.status) as status,
        observed_category(youth_months.month <= youth_months.observable_months, covered.category) as category
    from youth_months
    left join covered using (export_id, participant_id, month)
)

select * from final
