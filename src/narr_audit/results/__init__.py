"""The results layer."""
