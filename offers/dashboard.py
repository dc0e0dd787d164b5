def dashboard_context(user) -> dict:
    """The offers' part of the dashboard: next deadlines and offers that need an answer soon."""
    return {}
