"""The eight screens of the sidebar and the parts only they use
(the check-in form, the header with today's counters).
"""
