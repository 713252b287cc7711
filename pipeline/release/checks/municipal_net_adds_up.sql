-- The municipal net of the home municipalities (savings_by_municipality) adds up to the programme's.
with municipalities as (
    select sum(npv_net_municipal_dkk) as municipal, count(npv_net_municipal_dkk) as groups
    from savings_by_municipality
),

programme as (
    select npv_net_municipal_dkk as municipal
    from savings_summary
    where partnership_id = 'ALL'
)

select m.municipal as municipalities, p.municipal as programme
from municipalities as m, programme as p
where m.groups > 0 and abs(m.municipal - p.municipal) > greatest(0.01, 1e-9 * abs(p.municipal))
