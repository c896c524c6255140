"""At the door: check-in, childcare and pickup codes, nicknames of regulars,
the day's event, venues, and paper lists entered afterwards.
"""
