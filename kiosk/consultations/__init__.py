"""Consultations (相談記録): that one happened, never what was said;
referrals, case meetings, their lists and counts.
"""
