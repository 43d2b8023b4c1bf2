"""Figures and explorers of chapter 1, Information."""

__all__ = []
