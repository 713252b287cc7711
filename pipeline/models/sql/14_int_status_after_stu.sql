-- Status of every youth of every export month by month after the end of STU: the one
-- definition of "status on a day after STU" that the 12-month outcome, the status profile
-- and the savings model all read.
-- Grain: one row per youth per export per month m = 1 .. max(36, 12 * horizon_years), for
-- youths whose STU has ended (stu_end_date present). Readers filter the months they need.
--   day        = stu_end_date + m calendar months (end of month clamps: 31 Jan + 1 = 28/29 Feb)
--   observable = day is on or before the export date (nothing after it is observed)
--   status     = status of the spell covering that day (dates inclusive, an ongoing spell
--                runs to the export date); no covering spell -> 'other' (category unknown);
--                NULL when the day is not observable.
with youths as (
    select export_id, participant_id, partnership_id, stu_end_date, export_date, superseded
    from stg_participants_all
    where stu_end_date is not null
),

spells as (
    select export_id, participant_id, status, category, start_date, end_date_effective
    from stg_spells_all
),

months as (
    -- 36 months for the outcome figures; the savings model's horizon when it is longer
    -- (horizon_years is at most 100, so 1,200 months bound it)
    select cast(month as bigint) as month
    from generate_series(1, 1200) as months(month)
    where month <= greatest(36, 12 * coalesce(model_parameter('horizon_years'), 0))
),

youth_days as (
    select
        youths.*,
        months.month,
        cast(youths.stu_end_date + interval (months.month) month as date) as day
    from youths
    cross join months
),

covering_spell as (
    -- Only days on or before the export date can be covered: nothing after it is observed.
    -- Validation forbids overlapping spells, so at most one spell covers a day; should two
    -- ever do, the later one is taken rather than counting the youth twice.
    select
        youth_days.export_id,
        youth_days.participant_id,
        youth_days.month,
        spells.status,
        spells.category
    from youth_days
    join spells
        on spells.export_id = youth_days.export_id
        and spells.participant_id = youth_days.participant_id
        and youth_days.day between spells.start_date and spells.end_date_effective
    where youth_days.day <= youth_days.export_date
    qualify row_number() over (
        partition by youth_days.export_id, youth_days.participant_id, youth_days.month
        order by spells.start_date desc
    ) = 1
),

final as (
    select
        youth_days.export_id,
        youth_days.participant_id,
        youth_days.partnership_id,
        youth_days.stu_end_date,
        youth_days.export_date,
        youth_days.superseded,
        youth_days.month,
        youth_days.day,
        youth_days.day <= youth_days.export_date as observable,
        case
            when youth_days.day <= youth_days.export_date then coalesce(covering_spell.status, 'other')
        end as status,
        case
            when youth_days.day <= youth_days.export_date then coalesce(covering_spell.category, 'unknown')
        end as category
    from youth_days
    left join covering_spell
        on covering_spell.export_id = youth_days.export_id
        and covering_spell.participant_id = youth_days.participant_id
        and covering_spell.month = youth_days.month
)

select * from final
