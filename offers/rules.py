"""The offer form's rules: what makes an offer's figures and dates make sense. Plain Python: each
rule takes values and returns the messages to show, by field name (empty when all is well)."""

# The limits the form tells people about; the model's constraints hold the same ones.
MAX_BONUS_PERCENT = 1000
VESTING_YEARS = (1, 10)
MAX_CLIFF_MONTHS = 120
PERCENT = (0, 100)
