"""Data between venue PCs and the coordinator: pairing, keys, sealed and signed
files, what travels, export, import and the ledger.
"""
