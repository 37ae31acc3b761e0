"""evidence-check: audit SPBE and Smart City evaluation evidence before submission."""

__version__ = "0.1.0"
