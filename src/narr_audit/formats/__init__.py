"""Every output."""
