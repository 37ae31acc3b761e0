"""`python -m evidence_check`: the same as the `evidence-check` command."""

from evidence_check.cli import main

main()
