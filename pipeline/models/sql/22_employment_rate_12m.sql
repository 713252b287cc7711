-- Twelve-month employment rate with its 95 % Wilson score interval.
-- Grain: one row per partnership x cohort, partnership x 'ALL', 'ALL' x cohort and
-- 'ALL' x 'ALL' that has youths (cohort = year STU ended, or 'in STU').
--   n_observable = youths whose reference date (STU end + 12 months) is on or before the
--                  export date; rate = n_job / n_observable.
--   Wilson, z = 1.959963984540054 (the 0.975 normal quantile), p = rate, n = n_observable:
--     centre    = (p + z^2 / (2n)) / (1 + z^2 / n)
--     halfwidth = z * sqrt(p (1 - p) / n + z^2 / (4 n^2)) / (1 + z^2 / n)
--     interval  = centre -/+ halfwidth, clipped to [0, 1]
--   n_observable = 0 -> rate and interval NULL.
with outcomes as (
    select partnership_id, cohort, observable, category from outcome_12m
),

counts as (
    select
        case when grouping(partnership_id) = 1 then 'ALL' else partnership_id end as partnership_id,
        case when grouping(cohort) = 1 then 'ALL' else cohort end as cohort,
        count(*) as n,
        count(*) filter (where observable) as n_observable,
        count(*) filter (where observable and category = 'job') as n_job
    from outcomes
    group by cube (partnership_id, cohort)
    having count(*) > 0
),

rates as (
    select
        counts.*,
        n_job / nullif(n_observable, 0) as rate,
        1.959963984540054 as z
    from counts
),

wilson as (
    select
        rates.*,
        (rate + z * z / (2 * n_observable)) / (1 + z * z / n_observable) as centre,
        z * sqrt(rate * (1 - rate) / n_observable + z * z / (4 * n_observable * n_observable))
            / (1 + z * z / n_observable) as halfwidth
    from rates
),

final as (
    select
        partnership_id,
        cohort,
        n,
        n_observable,
        n_job,
        rate,
        -- (greatest/least skip NULLs, so the n_observable = 0 case is spelled out)
        case when n_observable > 0 then greatest(0.0, least(1.0, centre - halfwidth)) end as ci_low,
        case when n_observable > 0 then greatest(0.0, least(1.0, centre + halfwidth)) end as ci_high
    from wilson
    order by partnership_id = 'ALL', partnership_id, cohort = 'ALL', cohort
)

select * from final
