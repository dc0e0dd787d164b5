def _drafts_and_look_backs(user) -> dict:
    """Drafts to resume, and recorded decisions due a look back."""
    return {}


def _calls_to_make(user) -> dict:
    """Call plans not yet done."""
    return {}


def dashboard_context(user) -> dict:
    """The decisions' part of the dashboard."""
    return {**_drafts_and_look_backs(user), **_calls_to_make(user)}
