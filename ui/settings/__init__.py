"""The cards of the Settings screen: venues and lists, the questionnaire,
KPI targets, privacy and backups, data exchange.
"""
