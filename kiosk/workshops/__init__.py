"""Workshops: the catalogue, sessions held at an event, sign-ups with the
waitlist and attendance, and the counts reports use.
"""
