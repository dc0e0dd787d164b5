"""What the signed-in home page shows. Each app adds its part through one function."""

from decisions.dashboard import dashboard_context as decisions_context
from offers.dashboard import dashboard_context as offers_context


def dashboard_context(user) -> dict:
    return {**offers_context(user), **decisions_context(user)}
