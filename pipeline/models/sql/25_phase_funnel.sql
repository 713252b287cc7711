-- How far the youths of the newest exports have come through the four phases of the model
-- (1 Afklaring og udvikling, 2 Jobrettet indsats, 3 Jobafklaring og træning,
-- 4 Bæredygtig tilknytning). Grain: one row per partnership (plus 'ALL') x phase 1..4.
--   n_reached     = youths with a start date for the phase
--   share_reached = n_reached / all youths of the partnership
--   median_days_from_previous = median over youths with both dates of
--                   (phase start - previous phase start); for phase 1 the previous date is
--                   stu_start_date. Youths missing the previous phase's date are left out.
--                   Median of an even number of values = mean of the middle two.
with youths as (
    select partnership_id, stu_start_date, phase1_start, phase2_start, phase3_start, phase4_start
    from stg_participants
),

youths_with_all as (
    select * from youths
    union all
    select * replace ('ALL' as partnership_id) from youths
),

phase_steps as (
    select partnership_id, 1 as phase, phase1_start as phase_start, stu_start_date as previous_start
    from youths_with_all
    union all
    select partnership_id, 2 as phase, phase2_start, phase1_start from youths_with_all
    union all
    select partnership_id, 3 as phase, phase3_start, phase2_start from youths_with_all
    union all
    select partnership_id, 4 as phase, phase4_start, phase3_start from youths_with_all
),

final as (
    select
        partnership_id,
        phase,
        count(phase_start) as n_reached,
        count(phase_start) / count(*) as share_reached,
        median(phase_start - previous_start) as median_days_from_previous
    from phase_steps
    group by partnership_id, phase
    order by partnership_id = 'ALL', partnership_id, phase
)

select * from final
