"""Shared by bench/run.py and bench/load.py: the data sets, a production-like gunicorn, wrk."""

import contextlib
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
STATIC_ROOT = OUT / "static"
PYTHON = sys.executable
SCALES = {"small": 0.1, "large": 1.0}
# gunicorn behind a TLS-terminating proxy: requests arrive as https, so no redirect.
HTTPS = "X-Forwarded-Proto: https"


def database(name):
    return OUT / f"{name}.sqlite3"


def env(name="large", **extra):
    """Production settings (DEBUG off, manifest static files) on one of the bench databases."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "CACHE_URL"}}
    environment.update(
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"sqlite:///{database(name)}",
        STATIC_ROOT=str(STATIC_ROOT),
        PAGE_CACHE_URL=f"filecache://{OUT / 'pages'}",
        LOG_LEVEL="WARNING",
    )
    environment.update(extra)
    return environment


def run(*args, environment=None, capture=False):
    return subprocess.run(
        [PYTHON, *args], cwd=ROOT, env=environment or env(), check=True, capture_output=capture, text=True
    )


def ensure_data(fresh=False, names=SCALES):
    OUT.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = database(name)
        if fresh:
            # WAL mode keeps recent writes beside the file: a stale log must not meet a new file.
            for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                stale.unlink(missing_ok=True)
        new = not path.exists()
        # Always: a kept data set gets the latest migrations (new indexes) too.
        run("manage.py", "migrate", "--noinput", "-v", "0", environment=env(name))
        if new:
            print(f"Generating the {name} data set (scale {SCALES[name]}) into {path.name} …", flush=True)
            run("bench/generate.py", "--scale", str(SCALES[name]), environment=env(name))
    run("manage.py", "collectstatic", "--noinput", "-v", "0")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(name="large", **extra):
    """gunicorn with the repository's gunicorn.conf.py on 127.0.0.1; yields the base URL."""
    port = free_port()
    environment = env(name, HOST="127.0.0.1", PORT=str(port), ACCESS_LOG="", **extra)
    log = open(OUT / "gunicorn.log", "w")
    process = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "reliefsite.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"gunicorn did not answer; see {OUT / 'gunicorn.log'}")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a worker still busy with a very slow page
            process.kill()
            process.wait()
        log.close()


def wrk(url, duration=8, connections=16, threads=2, script=None, latency=False):
    """Runs wrk; returns its parsed summary and raw output."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "-H", HTTPS]
    if script:
        command += ["-s", str(script)]
    if latency:
        command.append("--latency")
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    result = {"raw": output, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])}
    result["requests"] = int(re.search(r"(\d+) requests in", output)[1])
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non_2xx_3xx"] = int(non_2xx[1]) if non_2xx else 0
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    result["socket_errors"] = sum(int(n) for n in errors.groups()) if errors else 0
    for label, value in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)", output, re.MULTILINE):
        result[f"latency_p{label}"] = value
    return result
