"""Looking after the data: backups, the retention purge across every file,
the coordinator PIN, and the audit log.
"""
