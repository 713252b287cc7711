-- The comparison group's observable youth-months by youth, year after STU and status: the
-- input of the weighted counterfactual, which weights each comparison youth. Same definition
-- as the programme's savings distribution (savings_distribution), from the same month
-- arithmetic: the youths of each source's current register extract with stu_end_date <= the
-- extract date; year k holds months 12(k-1)+1 .. 12k, up to 12 * horizon_years; a month's
-- status is that on stu_end_date + m calendar months, 'other' (category unknown) where no
-- spell covers it.
-- Grain: one row per comparison youth x year x status with youth-months.
--   youth_months            = the youth's observable months of the year in the status
--   observable_youth_months = all the youth's observable months of the year
with contributions as (
    select export_id, participant_id, year, status, youth_months
    from int_youth_year_months
    where population = 'comparison' and not superseded
),

by_status as (
    select
        export_id,
        participant_id,
        year,
        status,
        sum(youth_months) as youth_months
    from contributions
    group by export_id, participant_id, year, status
    having sum(youth_months) > 0
),

final as (
    select
        export_id,
        participant_id,
        year,
        status,
        cast(youth_months as bigint) as youth_months,
        cast(sum(youth_months) over (partition by export_id, participant_id, year) as bigint)
            as observable_youth_months
    from by_status
)

select * from final
order by export_id, participant_id, year, status
