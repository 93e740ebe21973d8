"""`python -m alignkit`: the same as the `alignkit` command."""

from .cli import main

main()
