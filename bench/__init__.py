"""`make bench`: how fast every page is, measured against a bare page on the same stack.

Not a test: it prints numbers (see README.md, "How fast it is"). Run it with
``.venv/bin/python -m bench`` or ``make bench``.
"""
