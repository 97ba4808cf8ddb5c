"""narr-audit: how close a recovery residence is to NARR Standard 3.0 certification."""

__version__ = "0.1.0"
