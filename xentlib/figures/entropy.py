"""Figures and explorers of chapter 2, Entropy."""

__all__ = []
