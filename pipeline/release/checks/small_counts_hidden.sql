-- Every published count below the threshold (zero apart) is hidden.
select c.*
from published_cells as c
where c.unit = 'count' and not c.hidden and c.value > 0
    and c.value < (select coalesce(max(value), 5) from model_parameters where name = 'min_cell')
