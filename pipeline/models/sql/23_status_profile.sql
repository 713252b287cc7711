-- Status after STU (jobindsats style): for month m in {1, 3, 6, 12, 18, 24, 36} after the
-- end of STU, the youths of the newest exports by category.
-- Grain: one row per partnership (plus 'ALL') x month x category with at least one youth.
--   day          = stu_end_date + m calendar months (end of month clamps)
--   n_observable = youths with that day on or before the export date
--   n            = those of them whose status on that day is in the category (the spell
--                  covering the day; none -> 'unknown'); share = n / n_observable
-- The same definition as int_status_after_stu, counted from the spells rather than looked up
-- youth by youth: each spell is joined to its youth once, and the months among the seven
-- whose reference day it covers come from month arithmetic (docs/definitions.md §9): a spell
-- covers months first_month_from(stu_end_date, start) through last_month_until(stu_end_date,
-- end); the observable months end likewise at last_month_until(stu_end_date, export date).
-- Months no spell covers are 'unknown' = n_observable minus the covered ones. Should two
-- spells ever cover one day (ingest refuses that), the one that started last counts, so no
-- youth is counted twice: only the youths whose month ranges overlap are resolved month by month.
with youths as (
    select
        export_id,
        participant_id,
        partnership_id,
        stu_end_date,
        last_month_until(stu_end_date, export_date) as last_observable_month
    from stg_participants
    where stu_end_date is not null
),

months as (
    select cast(month as bigint) as month
    from (select unnest([1, 3, 6, 12, 18, 24, 36]) as month)
),

observable_counts as (
    select youths.partnership_id, months.month, count(*) as n_observable
    from youths
    join months on months.month <= youths.last_observable_month
    group by youths.partnership_id, months.month
),

spell_ranges as (
    select
        youths.export_id,
        youths.participant_id,
        youths.partnership_id,
        spells.category,
        spells.start_date,
        first_month_from(youths.stu_end_date, spells.start_date) as first_month,
        least(youths.last_observable_month, last_month_until(youths.stu_end_date, spells.end_date_effective))
            as last_month
    from youths
    join stg_spells as spells using (export_id, participant_id)
),

profile_ranges as (
    -- the spell ranges that cover any of months 1 .. 36
    select * from spell_ranges
    where first_month <= last_month and first_month <= 36 and last_month >= 1
),

flagged_ranges as (
    -- whether a range shares a month with another range of the youth (ingest refuses
    -- overlapping spells; the macro overlaps_another_range)
    select
        profile_ranges.*,
        overlaps_another_range((export_id, participant_id), first_month, last_month, start_date) as overlapping
    from profile_ranges
),

youth_month_category as (
    -- one category per youth and month: a range that overlaps no other gives its months its
    -- own; the months of overlapping ranges take the later-started spell's, should two cover
    -- the day
    select flagged_ranges.partnership_id, months.month, flagged_ranges.category
    from flagged_ranges
    join months on months.month between flagged_ranges.first_month and flagged_ranges.last_month
    where not flagged_ranges.overlapping
    union all
    select
        flagged_ranges.partnership_id,
        months.month,
        arg_max(flagged_ranges.category, flagged_ranges.start_date) as category
    from flagged_ranges
    join months on months.month between flagged_ranges.first_month and flagged_ranges.last_month
    where flagged_ranges.overlapping
    group by flagged_ranges.export_id, flagged_ranges.participant_id, flagged_ranges.partnership_id, months.month
),

covered_counts as (
    select partnership_id, month, category, count(*) as n
    from youth_month_category
    group by partnership_id, month, category
),

counts as (
    -- covered youths by category, and the uncovered ones as 'unknown'
    select partnership_id, month, category, n from covered_counts
    union all
    select
        observable_counts.partnership_id,
        observable_counts.month,
        'unknown' as category,
        observable_counts.n_observable - coalesce(sum(covered_counts.n), 0) as n
    from observable_counts
    left join covered_counts using (partnership_id, month)
    group by observable_counts.partnership_id, observable_counts.month, observable_counts.n_observable
),

counts_with_all as (
    select partnership_id, month, category, n from counts
    union all
    select 'ALL' as partnership_id, month, category, n from counts
),

category_counts as (
    select partnership_id, month, category, sum(n) as n
    from counts_with_all
    group by partnership_id, month, category
    having sum(n) > 0
),

observable_counts_with_all as (
    select partnership_id, month, n_observable from observable_counts
    union all
    select 'ALL' as partnership_id, month, sum(n_observable) as n_observable
    from observable_counts
    group by month
),

final as (
    select
        category_counts.partnership_id,
        category_counts.month,
        observable_counts_with_all.n_observable,
        category_counts.category,
        category_counts.n,
        category_counts.n / observable_counts_with_all.n_observable as share
    from category_counts
    join observable_counts_with_all using (partnership_id, month)
    order by
        category_counts.partnership_id = 'ALL',
        category_counts.partnership_id,
        category_counts.month,
        list_position(['job', 'education', 'in_programme', 'public_support', 'unknown'], category_counts.category)
)

select * from final
