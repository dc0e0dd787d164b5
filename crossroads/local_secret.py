"""A secret key for local use, made once and kept in var/ so sessions survive restarts."""

import secrets
from pathlib import Path

KEY_FILE = Path(__file__).resolve().parent.parent / "var" / "secret_key"


def local_secret_key(path: Path = KEY_FILE) -> str:
    if path.exists():
        key = path.read_text().strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


if __name__ == "__main__":
    print(local_secret_key())
