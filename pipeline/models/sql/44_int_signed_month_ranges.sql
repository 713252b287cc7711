-- The months after STU of every counted youth of either population as signed ranges of months,
-- in the one form both the per-youth year sums (int_youth_year_months) and the savings' sums by
-- home municipality (savings_months_by_municipality) split into years. Nothing is expanded to
-- one row per month:
--   covered   : each spell range (int_spell_month_ranges), in the spell's status, sign +1
--   uncovered : every observable month 1 .. observable_months of the youth counts as 'other'
--               (sign +1, observable), and every covered month is taken off 'other' again
--               (sign -1): months no spell covers are status 'other' (category unknown) =
--               observable months - covered months.
-- Grain: one row per spell range and sign, plus one 'observable' row per youth; only sums of
-- sign x months over them mean anything.
with ranges as (
    select * from int_spell_month_ranges
),

youths as (
    select * from int_youth_observable_months
    where observable_months > 0
),

final as (
    -- covered months in their status (+) and taken off 'other' (-), from one pass over the
    -- ranges (unnest pairs the two lists element by element); observable months as 'other' (+)
    select population, export_id, participant_id, partnership_id, municipality_code, superseded,
        unnest([status, 'other']) as status, first_month, last_month, unnest([1, -1]) as sign, false as observable
    from ranges
    union all
    select population, export_id, participant_id, partnership_id, municipality_code, superseded, 'other', 1,
        observable_months, 1, true
    from youths
)

select * from final
