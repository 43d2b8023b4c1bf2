"""Figures and explorers of chapter 7, Multi-class vs multi-label classification."""

__all__ = []
