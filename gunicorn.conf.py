"""gunicorn's settings for `make serve` (it reads this file from the working directory)."""

import gunicorn.http.wsgi

# gunicorn names itself in the Server header of every answer and has no setting to stop it; the
# app's own stack announces no server software (a TLS proxy in front adds its own, or none).
gunicorn.http.wsgi.SERVER = ""
