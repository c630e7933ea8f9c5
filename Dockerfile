# One image for the API, the workers and the reconciler.
FROM python:3.11-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng libarchive13 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY evidence ./evidence
COPY classifier ./classifier
COPY worker ./worker
COPY service ./service
COPY cli ./cli
COPY models ./models
RUN pip install --no-cache-dir .

ENV SPBE_DATA_DIR=/data \
    SPBE_MODELS_DIR=/app/models
# /app/models is written by the retrain job (new versions, the CURRENT pointer).
RUN useradd --create-home --uid 10001 spbe && mkdir -p /data && chown spbe /data && chown -R spbe /app/models
USER spbe
EXPOSE 8000
CMD ["spbe", "serve", "--host", "0.0.0.0", "--port", "8000"]
