-- Youths of the newest export of each partnership: what every figure but the trend reads.
with participants_all as (
    select * from stg_participants_all
),

final as (
    select * from participants_all
    where not superseded
)

select * from final
