"""Dialogs in the app's own look: set-up, sign-up, pickup codes and labels,
PINs, paper entry, pairing and the questions with verbs on their buttons.
"""
