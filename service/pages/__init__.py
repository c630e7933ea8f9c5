"""Minimal server-rendered review pages in Indonesian: login, documents, document detail, gap report."""

from service.pages.routes import router

__all__ = ["router"]
