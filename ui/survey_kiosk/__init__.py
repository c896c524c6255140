"""The full-screen questionnaire for participants: one question a page,
the idle countdown, leaving behind the coordinator PIN.
"""
