-- ci_low <= rate <= ci_high for the employment rate.
with rates as (
    select partnership_id, cohort, export_date,
           max(value) filter (where quantity = 'employment_rate') as rate,
           max(value) filter (where quantity = 'employment_rate_ci_low') as ci_low,
           max(value) filter (where quantity = 'employment_rate_ci_high') as ci_high
    from release_statistics
    where quantity like 'employment_rate%'
    group by all
)
select * from rates
where rate is not null and not isnan(rate) and not (ci_low <= rate + 1e-12 and rate <= ci_high + 1e-12)
