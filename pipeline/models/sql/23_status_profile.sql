-- Status after STU (jobindsats style): for month m in {1, 3, 6, 12, 18, 24, 36} after the
-- end of STU, the youths of the newest exports by category.
-- Grain: one row per partnership (plus 'ALL') x month x category with at least one youth.
--   n_observable = youths with stu_end_date + m months on or before the export date
--   share        = n / n_observable
with observed as (
    select partnership_id, month, category
    from int_status_after_stu
    where not superseded
        and observable
        and month in (1, 3, 6, 12, 18, 24, 36)
),

observed_with_all as (
    select partnership_id, month, category from observed
    union all
    select 'ALL' as partnership_id, month, category from observed
),

observable_counts as (
    select partnership_id, month, count(*) as n_observable
    from observed_with_all
    group by partnership_id, month
),

category_counts as (
    select partnership_id, month, category, count(*) as n
    from observed_with_all
    group by partnership_id, month, category
),

final as (
    select
        category_counts.partnership_id,
        category_counts.month,
        observable_counts.n_observable,
        category_counts.category,
        category_counts.n,
        category_counts.n / observable_counts.n_observable as share
    from category_counts
    join observable_counts using (partnership_id, month)
    order by
        category_counts.partnership_id = 'ALL',
        category_counts.partnership_id,
        category_counts.month,
        list_position(['job', 'education', 'in_programme', 'public_support', 'unknown'], category_counts.category)
)

select * from final
