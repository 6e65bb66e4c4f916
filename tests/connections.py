"""Work on another database connection, as another gunicorn worker would do it."""

import threading


def start_in_other_connection(work):
    """Run `work` in a thread (so on its own connection); the thread, started."""

    def run():
        from django.db import connections

        try:
            work()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def in_other_connection(work):
    """Run `work` on its own connection and wait until it has committed."""
    start_in_other_connection(work).join()
