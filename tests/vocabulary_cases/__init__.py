"""Vocabulary cases by tuning round, read by tests/test_vocabulary_cases.py."""
