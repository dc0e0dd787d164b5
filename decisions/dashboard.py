def dashboard_context(user) -> dict:
    """The decisions' part of the dashboard: drafts to resume and calls to make."""
    return {}
