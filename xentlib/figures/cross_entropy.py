"""Figures and explorers of chapter 4, Cross-entropy."""

__all__ = []
