"""Small widgets shared by screens and dialogs: buttons that choose, charts,
cards, the day stepper, the export bar, the banner, the one-action guard.
"""
