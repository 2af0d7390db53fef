"""Measuring extraction against gold annotations."""
