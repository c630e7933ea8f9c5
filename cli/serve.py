"""``spbe serve``: run the HTTP service (API at /api/v1, pages at /pages) with uvicorn."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Alamat yang didengarkan (0.0.0.0 untuk semua)."),
    port: int = typer.Option(8000, "--port", help="Port HTTP."),
) -> None:
    """Run the web service; settings come from SPBE_* environment variables."""
    import uvicorn

    from classifier.artifact import frameworks_with_models
    from cli.common import console, context

    settings = context().settings
    missing = [fw for fw in settings.frameworks
               if fw not in frameworks_with_models(settings.models_dir, settings.frameworks)]
    if missing:  # files would wait silently for a model that never comes
        console.print(f"[bold yellow]PERINGATAN:[/] kerangka {', '.join(missing)} aktif tetapi belum punya model "
                      f"di {settings.models_dir}; berkas tidak akan diklasifikasi di kerangka itu. "
                      f"Jalankan 'spbe train --framework {missing[0]}'.")

    uvicorn.run("service.app:create_app", factory=True, host=host, port=port, proxy_headers=True)
