"""Plain factory functions for tests: each makes one object with sensible defaults."""

from crossroads.models import User

PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, **fields) -> User:
    fields.setdefault("email", f"{username}@example.com")
    return User.objects.create_user(username=username, password=PASSWORD, **fields)
