"""Figures and explorers of chapter 3, KL divergence."""

__all__ = []
