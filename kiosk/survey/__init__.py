"""The anonymous questionnaire: its definition files, the versions in use,
responses kept to the hour, and the results.
"""
