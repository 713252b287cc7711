-- How many months after STU each counted youth of either population can be observed, up to
-- the savings model's horizon. Counted youths: STU ended on or before the export date.
-- Grain: one row per counted youth per export (or extract).
--   month m's reference day = stu_end_date + m calendar months (end of month clamps)
--   observable_months = the largest m whose reference day is on or before the export date,
--                       capped at 12 * horizon_years (0 when not even month 1 is observed).
--   The reference days increase strictly with m (each lies in its own calendar month), so
--   months 1 .. observable_months are exactly the observable ones: the last of them is
--   last_month_until(stu_end_date, export date) (the month macros, docs/definitions.md §9).
with parameters as (
    select 12 * coalesce(
        cast(model_parameter('horizon_years') as bigint),
        error('the SQL variable horizon_years (model.horizon_years) is not set')
    ) as horizon_months
),

youths as (
    select
        population,
        export_id,
        participant_id,
        partnership_id,
        export_date,
        superseded,
        stu_end_date,
        municipality_code
    from stg_population_participants
    where stu_end_date <= export_date
),

final as (
    select
        youths.population,
        youths.export_id,
        youths.participant_id,
        youths.partnership_id,
        youths.export_date,
        youths.superseded,
        youths.stu_end_date,
        youths.municipality_code,
        parameters.horizon_months,
        cast(greatest(0, least(
            parameters.horizon_months,
            last_month_until(youths.stu_end_date, youths.export_date)
        )) as bigint) as observable_months
    from youths
    cross join parameters
)

select * from final
