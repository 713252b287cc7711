-- Retention: Kaplan-Meier curve of the first attachment episode (attachment_episodes),
-- per partnership and for the whole programme ('ALL'), at month 0..60.
-- Grain: one row per partnership with at least one episode (plus 'ALL' when any) x month.
--   day        = floor(30.4375 * month + 0.5)            (month 24 -> day 731)
--   n_at_risk  = youths whose duration is >= day
--   survival   = S(day) = P(duration > day) = product over event times t <= day of
--                (1 - d_t / n_t), d_t episodes ending at t, n_t episodes with duration >= t
--                (so at equal times events are counted before censorings)
--   interval   = 95 % on the log(-log) scale with Greenwood's variance, as lifelines'
--                KaplanMeierFitter: with v = ln S, g = sum over t <= day of d_t / (n_t (n_t - d_t))
--                (terms with n_t = d_t count 0), z = 1.959963984540054:
--                ci_low  = exp(-exp(ln(-v) - z sqrt(g) / v))
--                ci_high = exp(-exp(ln(-v) + z sqrt(g) / v))
--                S = 1 -> interval (1, 1); S = 0 -> interval (0, 0), as lifelines gives.
with episodes as (
    select partnership_id, duration_days, event from attachment_episodes
    union all
    select 'ALL' as partnership_id, duration_days, event from attachment_episodes
),

removals as (
    -- one row per distinct duration: episodes ending (events) and all leaving (incl. censored)
    select
        partnership_id,
        duration_days as t,
        count(*) filter (where event) as d,
        count(*) as removed
    from episodes
    group by partnership_id, duration_days
),

risk_sets as (
    select
        removals.*,
        sum(removed) over (partition by partnership_id order by t desc) as n_t
    from removals
),

km_steps as (
    select
        partnership_id,
        t,
        sum(ln(n_t - d) - ln(n_t)) over by_time as log_survival,
        sum(case when n_t > d then d / (n_t * (n_t - d)) else 0 end) over by_time as greenwood_sum
    from risk_sets
    where d > 0
    window by_time as (partition by partnership_id order by t)
),

grid as (
    select
        groups.partnership_id,
        months.month,
        cast(floor(30.4375 * months.month + 0.5) as bigint) as day
    from (select distinct partnership_id from episodes) as groups
    cross join range(0, 61) as months(month)
),

at_risk as (
    -- youths with duration >= day = n_t of the first duration t on or after the day (none -> 0)
    select
        grid.partnership_id,
        grid.month,
        cast(coalesce(risk_sets.n_t, 0) as bigint) as n_at_risk
    from grid
    asof left join risk_sets
        on risk_sets.partnership_id = grid.partnership_id
        and risk_sets.t >= grid.day
),

estimates as (
    -- the last Kaplan-Meier step on or before the day; none yet -> S = 1
    select
        grid.partnership_id,
        grid.month,
        grid.day,
        case when km_steps.t is null then 1.0 else exp(km_steps.log_survival) end as survival,
        coalesce(km_steps.greenwood_sum, 0.0) as greenwood_sum
    from grid
    asof left join km_steps
        on km_steps.partnership_id = grid.partnership_id
        and km_steps.t <= grid.day
),

final as (
    select
        estimates.partnership_id,
        estimates.month,
        estimates.day,
        at_risk.n_at_risk,
        estimates.survival,
        case
            when estimates.survival = 1 then 1.0
            when estimates.survival = 0 then 0.0
            else exp(-exp(
                ln(-ln(estimates.survival))
                - 1.959963984540054 * sqrt(estimates.greenwood_sum) / ln(estimates.survival)
            ))
        end as ci_low,
        case
            when estimates.survival = 1 then 1.0
            when estimates.survival = 0 then 0.0
            else exp(-exp(
                ln(-ln(estimates.survival))
                + 1.959963984540054 * sqrt(estimates.greenwood_sum) / ln(estimates.survival)
            ))
        end as ci_high
    from estimates
    join at_risk using (partnership_id, month)
    order by estimates.partnership_id = 'ALL', estimates.partnership_id, estimates.month
)

select * from final
