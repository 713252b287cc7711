-- The Kaplan-Meier share still in the first job never rises from one month to the next.
with curve as (
    select partnership_id, month, value as survival,
           lag(value) over (partition by partnership_id order by month) as previous
    from release_statistics
    where quantity = 'retention_survival'
)
select * from curve where survival > previous + 1e-12
