"""`make bench`: how fast every page is, measured against a bare page on the same stack.

Not a test: it prints numbers (see docs/performance.md). Run it with
``.venv/bin/python -m bench`` or ``make bench``.
"""
