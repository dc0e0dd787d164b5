"""The first draft of a withdrawal: whom to tell, and a short message in plain words. Plain
Python: an offer here has ``company`` and ``role``; a contact has ``name`` and ``role``.

What makes it good: it is prompt and upfront, it thanks them, it says you accepted another
position and gives no long reasons. It names the new employer only when the user asks it to.
"""

# Whom to tell first: the person running the process, then whoever else is on the offer.
ROLES_IN_ORDER = ("recruiter", "hiring_manager", "hr", "agency", "other")


def person_to_tell(contacts):
    """The recruiter, else the hiring manager, else HR, the agency or anyone; None if nobody."""
    by_role = {}
    for contact in contacts:
        by_role.setdefault(contact.role, contact)
    return next((by_role[role] for role in ROLES_IN_ORDER if role in by_role), None)


def message(offer, contact, new_employer: str = "") -> str:
    """The draft: to ``contact`` (or nobody named yet) about ``offer``; ``new_employer`` is
    named only when given."""
    greeting = f"Hello {contact.name}," if contact else "Hello,"
    position = f"a position at {new_employer}" if new_employer else "another position"
    return (
        f"{greeting}\n\n"
        f"Thank you for your time and for considering me for the {offer.role} role at "
        f"{offer.company}. I have accepted {position}, so I am withdrawing from your process.\n\n"
        "I wanted to tell you now rather than later, so that you can plan. I enjoyed our "
        "conversations and I would be glad to stay in touch.\n\n"
        "Kind regards"
    )
