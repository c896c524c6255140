"""Turning figures into files: CSV cells, the daily and period CSV and PDF,
and the embedded Japanese font.
"""
