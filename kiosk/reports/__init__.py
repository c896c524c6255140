"""Figures for the city office: the figure catalogue, the one counting engine, the daily
tally, month and fiscal-year reports and KPI targets built on it; render/ makes CSV and PDF.
"""
