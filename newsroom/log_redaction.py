"""Partner keys never reach a log line: one filter for Django's and gunicorn's logs.

A partner that cannot send headers passes its key as `?key=`, and every access
log, runserver's request lines and an error's "Error handling request /…"
would otherwise write it out. `redact` masks the value of any `key=` parameter
and any token shaped like a partner key (`nrk_…`, syndication.partners), so a
key pasted into a path or a Referer is masked too. The filter works on the
finished message, whatever the format or the logger.

Imports nothing from Django: gunicorn's master loads `GunicornLogger` before
Django is set up.
"""

import logging
import re

from gunicorn import glogging

REDACTED = "[redacted]"
# A `key` query parameter (in any case) up to the end of its value.
KEY_PARAMETER = re.compile(r"(?i)(?<![\w-])(key=)[^&;#\s\"']*")
# syndication.partners.KEY_PREFIX followed by token_urlsafe text.
KEY_TOKEN = re.compile(r"nrk_[A-Za-z0-9_-]+")


def redact(text):
    """`text` with every partner key and `key=` value replaced by [redacted]."""
    text = KEY_PARAMETER.sub(rf"\g<1>{REDACTED}", text)
    return KEY_TOKEN.sub(f"nrk_{REDACTED}", text)


class RedactKeys(logging.Filter):
    """Rewrites a record's message (and traceback) with its keys masked."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except (TypeError, ValueError, KeyError):
            # A malformed call: logging would print msg and args raw.
            message = f"{record.msg} {record.args}"
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


# One instance, so setup() run again on a reload does not stack filters.
REDACT_KEYS = RedactKeys()


class GunicornLogger(glogging.Logger):
    """gunicorn's logger with partner keys masked in its access and error logs."""

    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(REDACT_KEYS)
        self.access_log.addFilter(REDACT_KEYS)
