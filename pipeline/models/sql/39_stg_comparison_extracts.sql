-- The comparison group's register extracts, each with its date and whether a newer extract
-- of the same source replaced it (comparison_current_exports says which is current).
-- Grain: one row per extract.
with extracts as (
    select export_id, export_date from comparison_exports
),

current_extracts as (
    select export_id from comparison_current_exports
),

final as (
    select
        export_id,
        export_date,
        export_id not in (select export_id from current_extracts) as superseded
    from extracts
)

select * from final
