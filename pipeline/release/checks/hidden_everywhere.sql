-- A statistic is hidden in every cell that shows it, or in none; a hidden cell has no value.
select statistic_id, count(distinct hidden) as flags, count(*) filter (where hidden and value is not null) as leaks
from published_cells
group by statistic_id
having count(distinct hidden) > 1 or count(*) filter (where hidden and value is not null) > 0
