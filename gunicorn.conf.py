"""gunicorn settings for reliefsite, read from the environment. Start with:

    gunicorn reliefsite.wsgi

(gunicorn reads ./gunicorn.conf.py by itself). Every value can also be given on the command line.
"""

import gc
import multiprocessing
import os

# HOST=127.0.0.1 behind a reverse proxy on the same machine; 0.0.0.0 in a container.
bind = [f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"]

# Sync workers: the views are short and CPU-bound; a slow client is the reverse proxy's problem.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# A page takes milliseconds; a worker stuck for 30 s is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# Recycle workers now and then, so a slow leak can never take the site down; the jitter keeps
# them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "1000"))

# Refuse oversized request lines and headers early.
limit_request_line = 4094
limit_request_fields = 100

# Logs to stdout/stderr for the process manager. "-" is stdout; ACCESS_LOG="" turns it off.
accesslog = os.environ.get("ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Time taken (%(M)s ms) after the status and size; the client address as the proxy passed it.
access_log_format = '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'

# Only trust X-Forwarded-* from a proxy on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def post_worker_init(worker):
    """Move everything the worker has loaded (Django, the project, its middleware: ~90,000 objects
    that live as long as the worker) out of the garbage collector's reach. A full collection walks
    every tracked object; without this, each one paused a request for 45-75 ms, about once every
    200 requests (bench/RESULTS.md). Python's gc.freeze() is meant for exactly this."""
    gc.freeze()
