"""The `tsunagari` command: the parser, the shared argument types, and one
module per group of sub-commands.
"""
