"""Benchmarks: accuracy on the development set and speed at national scale (`make bench`)."""
