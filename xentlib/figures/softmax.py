"""Figures and explorers of chapter 6, Softmax."""

__all__ = []
