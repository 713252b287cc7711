-- The five categories of the 12-month outcome add up to all youths, for every group.
with counts as (
    select statistic_id, quantity, partnership_id, municipality_code, cohort, export_date, category, value
    from release_statistics
    where quantity = 'outcome_12m_count'
)
select partnership_id, municipality_code, cohort, export_date,
       sum(value) filter (where category in ('job', 'education', 'in_programme', 'public_support', 'unknown'))
           as categories,
       max(value) filter (where category = 'total') as total
from counts
group by all
having categories <> total
