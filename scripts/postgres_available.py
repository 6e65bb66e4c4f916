"""Exit 0 when the PostgreSQL server for the test run answers, 1 otherwise.

Uses DATABASE_URL when set, else postgres://postgres@127.0.0.1:5432/postgres.
"""

import os
import sys

import psycopg


def main():
    url = (
        os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    )
    if not url.startswith(("postgres://", "postgresql://")):
        return 1
    # Connect to the maintenance database: the test database may not exist yet.
    base, _sep, _name = url.rpartition("/")
    try:
        with psycopg.connect(f"{base}/postgres", connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        print(f"PostgreSQL check failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
