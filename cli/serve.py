"""``spbe serve``: run the HTTP service (API at /api/v1, pages at /pages) with uvicorn."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Alamat yang didengarkan (0.0.0.0 untuk semua)."),
    port: int = typer.Option(8000, "--port", help="Port HTTP."),
) -> None:
    """Run the web service; settings come from SPBE_* environment variables."""
    import uvicorn

    uvicorn.run("service.app:create_app", factory=True, host=host, port=port, proxy_headers=True)
