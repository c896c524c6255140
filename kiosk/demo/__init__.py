"""The demo database: a year and more of invented but plausible café days,
built with Core inserts from one seeded generator.
"""
