-- Trend of the headline table over time: the twelve-month outcome distribution of every
-- export, as of that export's own date (superseded exports included).
-- Grain: one row per partnership x export date, plus 'ALL' x every date on which any
-- partnership exported.
--   A partnership row is its export of that date: should one partnership have two exports
--   of the same date, the later ingested, in the order current_exports uses (the warehouse's
--   one rule for which export is current), so on a partnership's newest date its row is its
--   current export, the one every other figure reads.
--   'ALL' on a date = every partnership's newest export on or before that date, each
--   youth's outcome as of that export's date. On the newest date it equals the 'ALL' row
--   of outcome_12m_summary.
--   Shares are over all youths (n), as in outcome_12m_summary.
with outcomes as (
    -- every export's twelve-month outcomes (int_outcome_12m_by_export): those of the current
    -- exports are the table outcome_12m, already looked up; only the superseded exports' are
    -- looked up here (superseded = true is a comparison: it reaches the look-ups)
    select export_id, category from outcome_12m
    union all
    select export_id, category from int_outcome_12m_by_export where superseded = true
),

export_counts as (
    -- each export's youths by twelve-month category, counted once
    select
        export_id,
        unnest(category_counts(category))  -- n, n_job, n_education, ..., n_unknown
    from outcomes
    group by export_id
),

exports as (
    select export_id, partnership_id, export_date, ingested_at from exports
),

snapshots as (
    -- one export per partnership and export date: what current_exports would choose if that
    -- date were the newest
    select *
    from exports
    qualify row_number() over (
        partition by partnership_id, export_date
        order by ingested_at desc, export_id desc
    ) = 1
),

programme_snapshots as (
    -- for each date, each partnership's newest snapshot on or before it
    select dates.as_of_date, snapshots.export_id
    from (select distinct export_date as as_of_date from snapshots) as dates
    join snapshots on snapshots.export_date <= dates.as_of_date
    qualify row_number() over (
        partition by dates.as_of_date, snapshots.partnership_id
        order by snapshots.export_date desc
    ) = 1
),

counts as (
    -- a partnership's row is its snapshot's counts; 'ALL' sums the snapshots of the date
    select snapshots.partnership_id, snapshots.export_date, export_counts.* exclude (export_id)
    from snapshots
    join export_counts using (export_id)
    union all
    select
        'ALL' as partnership_id,
        programme_snapshots.as_of_date as export_date,
        cast(sum(columns(export_counts.* exclude (export_id))) as bigint)
    from programme_snapshots
    join export_counts using (export_id)
    group by programme_snapshots.as_of_date
),

final as (
    select
        partnership_id,
        export_date,
        n,
        n_job / n as share_job,
        n_education / n as share_education,
        n_in_programme / n as share_in_programme,
        n_public_support / n as share_public_support,
        n_unknown / n as share_unknown,
        n_job,
        n_education,
        n_in_programme,
        n_public_support,
        n_unknown
    from counts
    order by partnership_id = 'ALL', partnership_id, export_date
)

select * from final
