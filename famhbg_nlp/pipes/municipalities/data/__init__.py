"""Packaged data of the municipalities component (see SOURCE.md)."""
