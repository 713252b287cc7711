-- Each youth's first attachment episode (sustained job attachment), newest exports only.
-- Grain: one row per youth with at least one job spell, in no particular order. A table, not
-- a view, because it depends on the parameter retention.gap_days, which is fixed here at
-- build time (and kept in the column gap_days) so that anyone reading it later sees the
-- episodes the retention curve was built from.
-- Job spells (category 'job': ordinary job, flexjob, job with wage subsidy for disability
-- pensioners, protected employment) are merged: a job spell joins the episode when it
-- starts at most gap_days days after the episode's last end date (a spell starting the
-- day after the previous one ended has a gap of 1 day). Only the first episode counts.
-- One pass over each youth's sorted job spells finds where the first episode stops.
--   ended episode  : duration_days = end_date - start_date, event = true
--   ongoing episode: duration_days = export date - start_date, event = false (censored)
with parameters as (
    select coalesce(
        cast(model_parameter('gap_days') as integer),
        error('the SQL variable gap_days (retention.gap_days) is not set')
    ) as gap_days
),

job_spells as (
    select export_id, participant_id, partnership_id, start_date, end_date_effective, ongoing
    from stg_spells
    where category = 'job'
),

gaps as (
    -- each job spell with the one after it (spells do not overlap: validation forbids it)
    select
        job_spells.*,
        row_number() over youth as spell_number,
        lead(start_date) over youth - end_date_effective > parameters.gap_days as ends_episode
    from job_spells
    cross join parameters
    window youth as (partition by export_id, participant_id order by start_date)
),

first_episode as (
    -- the first episode runs from the first job spell up to the first one after which a new
    -- episode starts (all of them when none does)
    select
        export_id,
        participant_id,
        any_value(partnership_id) as partnership_id,
        min(start_date) as start_date,
        coalesce(arg_min(end_date_effective, start_date) filter (where ends_episode), max(end_date_effective))
            as end_date_effective,
        coalesce(arg_min(ongoing, start_date) filter (where ends_episode), bool_or(ongoing)) as ongoing,
        coalesce(min(spell_number) filter (where ends_episode), count(*)) as n_job_spells
    from gaps
    group by export_id, participant_id
),

final as (
    select
        export_id,
        participant_id,
        partnership_id,
        start_date,
        case when ongoing then null else end_date_effective end as end_date,
        n_job_spells,
        end_date_effective - start_date as duration_days,
        not ongoing as event,
        parameters.gap_days
    from first_episode
    cross join parameters
)

select * from final
