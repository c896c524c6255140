"""Data the app reads at run time: font, translations, questionnaires, lists, style.

A package so that a wheel carries it and kiosk/core/paths.py finds it through
importlib.resources wherever the app is installed, never beside a checkout.
"""
