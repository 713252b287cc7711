-- The headline table: youths by category twelve months after STU, per partnership and for
-- the whole programme ('ALL'). Grain: one row per partnership, plus 'ALL'.
-- Shares are over all youths of the partnership (n), so they add up to 1: youths whose
-- twelve months have not passed count as 'in_programme' (still in the course).
-- A partnership appears when its newest export has youths; 'ALL' is always present.
with outcomes as (
    select partnership_id, category from outcome_12m
),

counts as (
    select
        case when grouping(partnership_id) = 1 then 'ALL' else partnership_id end as partnership_id,
        unnest(category_counts(category))  -- n, n_job, n_education, ..., n_unknown
    from outcomes
    group by grouping sets ((partnership_id), ())
),

final as (
    select
        partnership_id,
        n,
        n_job,
        n_education,
        n_in_programme,
        n_public_support,
        n_unknown,
        n_job / nullif(n, 0) as share_job,
        n_education / nullif(n, 0) as share_education,
        n_in_programme / nullif(n, 0) as share_in_programme,
        n_public_support / nullif(n, 0) as share_public_support,
        n_unknown / nullif(n, 0) as share_unknown
    from counts
    order by partnership_id = 'ALL', partnership_id
)

select * from final
