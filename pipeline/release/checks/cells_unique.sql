-- Grain: one row per cell of a table (report, table, quantity and every dimension).
select report, table_name, quantity, partnership_id, municipality_code, cohort, month, year, export_date,
       category, item, count(*) as cells
from published_cells
group by all
having count(*) > 1
