-- Shares of the five categories sum to 1 wherever the group has youths.
select partnership_id, municipality_code, cohort, export_date, sum(value) as total_share
from release_statistics
where quantity = 'outcome_12m_share'
    and category in ('job', 'education', 'in_programme', 'public_support', 'unknown')
    and value is not null and not isnan(value)
group by all
having abs(sum(value) - 1) > 1e-9
