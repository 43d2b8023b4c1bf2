"""Figures and explorers of chapter 8, The losses computed from logits."""

__all__ = []
