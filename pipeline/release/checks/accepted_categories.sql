-- Categories are the status categories, status codes, funnel phases or 'total'.
select distinct category
from published_cells
where category is not null
    and category not in ('job', 'education', 'in_programme', 'public_support', 'unknown', 'total',
                         'phase_1', 'phase_2', 'phase_3', 'phase_4')
    and category not in (select status from savings_baseline)
