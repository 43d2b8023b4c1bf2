"""Figures and explorers of chapter 5, Sigmoid."""

__all__ = []
