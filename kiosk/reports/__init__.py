"""Figures for the city office: the daily tally, month and fiscal-year reports,
KPI targets, and their exports (render/ holds the CSV and PDF makers).
"""
