-- Like for like: what changed since each partnership's previous export, among the same cohorts.
-- The trend compares whatever each export held; this table compares only what both held.
-- Grain: one row per partnership with a previous export x category (the five categories and
-- 'total'), plus 'ALL' x category: the sum over those partnerships.
--   current export  = current_exports (the warehouse's one definition, read by every figure)
--   previous export = the partnership's newest export dated before the current one; of two
--     exports of one date the later ingested (the trend's point of that date)
--   cohorts compared = the years of STU end with youths in both exports; youths still in STU
--     have no cohort and are left out of both
--   n_previous / n_current = youths of those cohorts by 12-month status (int_outcome_12m_by_export;
--     outcome_12m for the current exports),
--     each as of its own export's date; shares over all youths of the compared cohorts (n),
--     as in outcome_12m_summary
--   change_pp = 100 x (share_current - share_previous), percentage points (none for 'total')
with exports_with_youths as (
    select distinct partnership_id, export_id, export_date, ingested_at
    from stg_participants_all
),

current_export as (
    select partnership_id, export_id, export_date from current_exports
),

previous_export as (
    select exports_with_youths.partnership_id, exports_with_youths.export_id, exports_with_youths.export_date
    from exports_with_youths
    join current_export
        on exports_with_youths.partnership_id = current_export.partnership_id
        and exports_with_youths.export_date < current_export.export_date
    qualify row_number() over (
        partition by exports_with_youths.partnership_id
        order by exports_with_youths.export_date desc, exports_with_youths.ingested_at desc,
            exports_with_youths.export_id desc
    ) = 1
),

pairs as (
    select
        current_export.partnership_id,
        previous_export.export_id as previous_export_id,
        previous_export.export_date as previous_export_date,
        current_export.export_id as current_export_id,
        current_export.export_date as current_export_date
    from current_export
    join previous_export using (partnership_id)
),

export_outcomes as (
    -- every export's twelve-month outcomes (int_outcome_12m_by_export): those of the current
    -- exports are the table outcome_12m, already looked up; only the superseded exports' are
    -- looked up here (superseded = true is a comparison: it reaches the look-ups)
    select export_id, cohort, category from outcome_12m
    union all
    select export_id, cohort, category from int_outcome_12m_by_export where superseded = true
),

outcomes as (
    -- the 12-month outcomes of the two exports of each pair only
    select export_id, cohort, category
    from export_outcomes
    where export_id in (select previous_export_id from pairs union all select current_export_id from pairs)
),

youths as (
    select pairs.partnership_id, 'previous' as period, outcomes.cohort, outcomes.category
    from pairs
    join outcomes on outcomes.export_id = pairs.previous_export_id
    where outcomes.cohort <> 'in STU'
    union all
    select pairs.partnership_id, 'current' as period, outcomes.cohort, outcomes.category
    from pairs
    join outcomes on outcomes.export_id = pairs.current_export_id
    where outcomes.cohort <> 'in STU'
),

common_cohorts as (
    select partnership_id, cohort
    from youths
    group by partnership_id, cohort
    having count(distinct period) = 2
),

cohort_lists as (
    select partnership_id, string_agg(cohort, ',' order by cohort) as cohorts
    from common_cohorts
    group by partnership_id
),

compared as (
    select youths.*
    from youths
    join common_cohorts using (partnership_id, cohort)
),

categories as (
    select * from (values
        ('job', 1), ('education', 2), ('in_programme', 3), ('public_support', 4), ('unknown', 5), ('total', 6)
    ) as categories (category, sort_order)
),

partnership_counts as (
    select
        pairs.partnership_id,
        pairs.previous_export_date,
        pairs.current_export_date,
        cohort_lists.cohorts,
        categories.category,
        categories.sort_order,
        count(compared.period) filter (
            where compared.period = 'previous'
            and (categories.category = 'total' or compared.category = categories.category)
        ) as n_previous,
        count(compared.period) filter (
            where compared.period = 'current'
            and (categories.category = 'total' or compared.category = categories.category)
        ) as n_current
    from pairs
    cross join categories
    left join cohort_lists using (partnership_id)
    left join compared on compared.partnership_id = pairs.partnership_id
    group by all
),

programme_counts as (
    select
        'ALL' as partnership_id,
        cast(null as date) as previous_export_date,
        cast(null as date) as current_export_date,
        cast(null as varchar) as cohorts,
        category,
        sort_order,
        sum(n_previous) as n_previous,
        sum(n_current) as n_current
    from partnership_counts
    group by category, sort_order
),

counts as (
    select * from partnership_counts
    union all
    select * from programme_counts
),

with_totals as (
    select
        counts.*,
        max(n_previous) filter (where category = 'total') over (partition by partnership_id) as n_previous_total,
        max(n_current) filter (where category = 'total') over (partition by partnership_id) as n_current_total
    from counts
),

final as (
    select
        partnership_id,
        previous_export_date,
        current_export_date,
        cohorts,
        category,
        cast(n_previous as bigint) as n_previous,
        cast(n_current as bigint) as n_current,
        case when n_previous_total > 0 then n_previous / n_previous_total end as share_previous,
        case when n_current_total > 0 then n_current / n_current_total end as share_current,
        case when category <> 'total' and n_previous_total > 0 and n_current_total > 0
            then 100 * (n_current / n_current_total - n_previous / n_previous_total) end as change_pp
    from with_totals
    order by partnership_id = 'ALL', partnership_id, sort_order
)

select * from final
