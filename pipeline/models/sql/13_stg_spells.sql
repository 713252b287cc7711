-- Spells of the newest export of each partnership.
with spells_all as (
    select * from stg_spells_all
),

final as (
    select * from spells_all
    where not superseded
)

select * from final
