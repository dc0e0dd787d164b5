"""``escape``: Django's ``conditional_escape`` (a value marked safe is written as it is, anything
else is escaped as ``html.escape`` does), without the check for lazy text that Django's wraps
each call in. For the tags that write hundreds of values a page (a table of figures, a list of
checkboxes), where that check cost more than the escaping."""

import html


def escape(value) -> str:
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
