-- Each youth's first attachment episode (sustained job attachment), newest exports only.
-- Grain: one row per youth with at least one job spell. A table, not a view, because it
-- depends on the parameter retention.gap_days, which is fixed here at build time (and kept
-- in the column gap_days) so that anyone reading it later sees the episodes the
-- retention curve was built from.
-- Job spells (category 'job': ordinary job, flexjob, job with wage subsidy for disability
-- pensioners, protected employment) are merged: a job spell joins the episode when it
-- starts at most gap_days days after the episode's last end date (a spell starting the
-- day after the previous one ended has a gap of 1 day). Only the first episode counts.
--   ended episode  : duration_days = end_date - start_date, event = true
--   ongoing episode: duration_days = export date - start_date, event = false (censored)
with parameters as (
    select coalesce(
        cast(model_parameter('gap_days') as integer),
        error('the SQL variable gap_days (retention.gap_days) is not set')
    ) as gap_days
),

job_spells as (
    select
        spells.export_id,
        spells.participant_id,
        participants.partnership_id,
        spells.start_date,
        spells.end_date_effective,
        spells.ongoing
    from stg_spells as spells
    join stg_participants as participants using (export_id, participant_id)
    where spells.category = 'job'
),

gaps as (
    select
        job_spells.*,
        start_date - lag(end_date_effective) over youth as days_since_previous_job
    from job_spells
    window youth as (partition by export_id, participant_id order by start_date)
),

numbered as (
    select
        gaps.*,
        sum(
            case
                when days_since_previous_job is null then 1
                when days_since_previous_job > parameters.gap_days then 1
                else 0
            end
        ) over (
            partition by export_id, participant_id
            order by start_date
            rows between unbounded preceding and current row
        ) as episode_number
    from gaps
    cross join parameters
),

first_episode as (
    select
        export_id,
        participant_id,
        partnership_id,
        min(start_date) as start_date,
        max(end_date_effective) as end_date_effective,
        bool_or(ongoing) as ongoing,
        count(*) as n_job_spells
    from numbered
    where episode_number = 1
    group by export_id, participant_id, partnership_id
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
    order by partnership_id, participant_id
)

select * from final
