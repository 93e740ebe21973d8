"""`python -m alignkit`: the same as the `alignkit` command."""

from .launch import main

main()
