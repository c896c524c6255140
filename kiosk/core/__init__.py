"""The ground every service stands on: context, errors, transactions, the database,
paths, settings, dates, and safe handling of text and files.
"""
