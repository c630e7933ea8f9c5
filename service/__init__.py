"""HTTP service: the ``/api/v1`` API (FastAPI) with authentication and roles, plus simple review pages."""
