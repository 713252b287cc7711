"""The comparison group and the estimated counterfactual (docs/comparison.md).

register: the weekly register form of a comparison extract; weighting: odds weights and
balance; youth_months: status after STU on the programme's definition; counterfactual:
B̂_k(s) and the effect at 12 months with bootstrap intervals; store: the warehouse tables;
demo: the synthetic demo extract.
"""
