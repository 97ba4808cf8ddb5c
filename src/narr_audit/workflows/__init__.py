"""The workflows layer."""
