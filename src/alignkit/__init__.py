"""alignkit: check that CSP priorities and the police and crime plan have regard to each other."""

__version__ = "0.1.0"
