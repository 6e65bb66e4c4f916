# Production image: gunicorn serving the Django app; static files via WhiteNoise.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY newsroom ./newsroom
COPY articles ./articles
COPY media_assets ./media_assets
RUN pip install .
COPY . .
RUN SECRET_KEY=build-only-not-used-at-runtime python manage.py collectstatic --noinput
RUN useradd --create-home newsroom && mkdir -p /app/media && chown newsroom /app/media
USER newsroom
EXPOSE 8000
CMD ["gunicorn", "newsroom.wsgi", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", "--workers", "3"]
