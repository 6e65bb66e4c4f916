"""gunicorn settings shared by `make run`, the Dockerfile and docker-compose.

The access log goes to stdout through a logger that masks partner keys
(`newsroom/log_redaction.py`): a `?key=` request never puts the key in a log.
Bind address and worker count stay on each command line.
"""

accesslog = "-"
logger_class = "newsroom.log_redaction.GunicornLogger"
