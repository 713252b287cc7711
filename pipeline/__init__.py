"""joballiance-outcomes: outcome analytics and cost-benefit pipeline for Model Joballiancen."""

__version__ = "0.1.0"
