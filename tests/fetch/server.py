#!/usr/bin/env python3
"""A small HTTP server for the fetch tests: listens on 127.0.0.1 on a free
port, prints "PORT <n>" on stdout, and serves routes that each exercise one
behaviour of the fetcher. /stats reports the most requests it saw at once
on /count/ (the --per-host check); /log lists every request as
"SECONDS PATH" lines, SECONDS since the server started, in the order they
arrived (the no-stall check counts which requests started before which).
/fault/KIND/NAME misbehaves in one of the ways of FAULTS (scripts/faults.sh
runs them all)."""

import gzip
import os
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = (
    "<html><head><title>{title}</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/about'>About</a></nav>"
    "<article><h1>{title}</h1>"
    "<p>{body} This paragraph is long enough to count as the article text, with "
    "several sentences of ordinary prose in it. It goes on for a while, so "
    "that the cleaner keeps it and drops the navigation around it.</p>"
    "<p>A second paragraph adds more words, as articles usually have more "
    "than one paragraph, and this one also reads like running text.</p>"
    "</article><footer>Copyright 2026 Example</footer></body></html>"
)


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self.count_requests = 0
        self.flaky = set()
        self.started = time.monotonic()
        self.log = []


STATE = State()

# The misbehaviours of /fault/KIND/NAME, and what a client should make of
# each: "error" (one error line), "cleaned", or "either".
FAULTS = {
    "closed": "error",           # Content-Length 5000, 1000 bytes sent, closed
    "length-short": "either",    # Content-Length smaller than the body sent
    "length-long": "error",      # Content-Length larger than the body, then silence
    "endless-chunked": "error",  # chunks for ever: --max-bytes or --timeout ends it
    "slow-loris": "error",       # the status line and headers a byte every half second
    "redirect-loop": "error",    # 302 to itself
    "gzip-garbage": "error",     # Content-Encoding: gzip over bytes that are not
    "reset": "error",            # the request read, then a TCP reset
    "empty": "error",            # the connection closed without a response
    "busy": "cleaned",           # 429 with Retry-After: 1, then the page
    "flaky": "cleaned",          # 503, then the page
    "pdf": "error",              # a body of type application/pdf
    "trickle": "error",          # a byte every half second: only --timeout ends it
}


def page(title, body=""):
    return ARTICLE.format(title=title, body=body or title).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes: without this, Nagle and the
    # client's delayed ACK stall every response by 40 ms.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path != "/log":
            with STATE.lock:
                STATE.log.append("%.3f %s" % (time.monotonic() - STATE.started, self.path))
        try:
            self.route(path, query)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True

    def raw(self, data):
        """Bytes as they are, the connection closed after them."""
        self.close_connection = True
        self.wfile.write(data)
        self.wfile.flush()

    def drip(self, data, interval=0.5, limit=120):
        """`data`, then spaces, a byte every `interval` seconds (at most
        `limit` seconds): a response that never ends and never idles."""
        self.close_connection = True
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            byte, data = data[:1] or b" ", data[1:]
            self.wfile.write(byte)
            self.wfile.flush()
            time.sleep(interval)

    def wait_for_close(self, limit=120):
        """Silence until the client hangs up (at most `limit` seconds)."""
        self.close_connection = True
        self.connection.settimeout(limit)
        try:
            while self.connection.recv(4096):
                pass
        except OSError:
            pass

    def first_time(self, key):
        with STATE.lock:
            first = key not in STATE.flaky
            STATE.flaky.add(key)
        return first

    def fault(self, kind, name):
        body = page("Fault " + name, "The story of " + name + ".")
        if kind == "closed":
            return self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                            b"Content-Length: 5000\r\n\r\n" + body[:1000])
        if kind == "length-short":
            return self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                            b"Content-Length: 200\r\n\r\n" + body)
        if kind == "length-long":
            self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                     b"Content-Length: %d\r\n\r\n" % (len(body) + 5000) + body)
            return self.wait_for_close()
        if kind == "endless-chunked":
            self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
            chunk = b"<p>" + b"endless " * 8000 + b"</p>"
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            return
        if kind == "slow-loris":
            return self.drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        if kind == "trickle":
            self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                     b"Content-Length: 100000\r\n\r\n")
            return self.drip(b"")
        if kind == "redirect-loop":
            return self.send(302, b"", headers=[("Location", self.path)])
        if kind == "gzip-garbage":
            return self.send(200, os.urandom(3000), headers=[("Content-Encoding", "gzip")])
        if kind == "reset":
            # SO_LINGER with a zero timeout: close() sends RST, not FIN.
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
            return None
        if kind == "empty":
            self.close_connection = True
            return None
        if kind == "busy":
            if self.first_time(self.path):
                return self.send(429, b"slow down", "text/plain", [("Retry-After", "1")])
            return self.send(200, body)
        if kind == "flaky":
            if self.first_time(self.path):
                return self.send(503, b"<html><body>Unavailable</body></html>")
            return self.send(200, body)
        if kind == "pdf":
            return self.send(200, b"%PDF-1.4 not really", "application/pdf")
        return self.send(404, b"no such fault", "text/plain")

    def route(self, path, query):
        if path.startswith("/fault/"):
            kind, _, name = path[len("/fault/"):].partition("/")
            return self.fault(kind, name)
        if path.startswith("/page/"):
            name = path[len("/page/"):]
            return self.send(200, page("Page " + name, "The story of " + name + "."))
        if path == "/redirect":
            return self.send(302, b"", headers=[("Location", "/page/target")])
        if path == "/loop":
            return self.send(302, b"", headers=[("Location", "/loop")])
        if path == "/missing":
            return self.send(404, b"<html><body>Not found</body></html>")
        if path == "/flaky":
            with STATE.lock:
                first = query not in STATE.flaky
                STATE.flaky.add(query)
            if first:
                return self.send(500, b"<html><body>Oops</body></html>")
            return self.send(200, page("Recovered", "It worked the second time."))
        if path == "/busy":
            with STATE.lock:
                first = ("busy" + query) not in STATE.flaky
                STATE.flaky.add("busy" + query)
            if first:
                return self.send(429, b"slow down", "text/plain", [("Retry-After", "1")])
            return self.send(200, page("Patience", "Waited as asked."))
        if path == "/always500":
            return self.send(500, b"<html><body>Down</body></html>")
        if path == "/slow":
            time.sleep(3)
            return self.send(200, page("Slow"))
        if path == "/log":
            with STATE.lock:
                text = "".join(line + "\n" for line in STATE.log)
            return self.send(200, text.encode(), "text/plain")
        if path == "/gzip":
            body = gzip.compress(page("Compressed", "This page came gzipped."))
            if "gzip" not in (self.headers.get("Accept-Encoding") or ""):
                return self.send(406, b"gzip expected")
            return self.send(200, body, headers=[("Content-Encoding", "gzip")])
        if path == "/big":
            return self.send(200, b"<html><body>" + b"x" * (3 << 20) + b"</body></html>")
        if path == "/latin1":
            body = page("Caf\u00e9", "Cr\u00e8me br\u00fbl\u00e9e au caf\u00e9 du march\u00e9.")
            return self.send(200, body.decode("utf-8").encode("iso-8859-1"),
                             "text/html; charset=iso-8859-1")
        if path == "/lang":
            # English prose, no <html lang>: only the header says German.
            headers = [("Content-Language", "de-AT, en")] if query != "none" else []
            return self.send(200, page("Language", "The language of this page."),
                             headers=headers)
        if path == "/doc.pdf":
            return self.send(200, b"%PDF-1.4 not really", "application/pdf")
        if path == "/agent":
            agent = self.headers.get("User-Agent") or ""
            return self.send(200, page("Agent", "The agent was " + agent + "."))
        if path.startswith("/count/"):
            with STATE.lock:
                STATE.active += 1
                STATE.count_requests += 1
                STATE.max_active = max(STATE.max_active, STATE.active)
            try:
                time.sleep(0.01)
                return self.send(200, page("Counted " + path[len("/count/"):]))
            finally:
                with STATE.lock:
                    STATE.active -= 1
        if path == "/stats":
            with STATE.lock:
                text = "max_active %d requests %d\n" % (STATE.max_active, STATE.count_requests)
            return self.send(200, text.encode(), "text/plain")
        return self.send(404, b"no such route", "text/plain")


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    # Runs until the test kills it.
    server.serve_forever()


if __name__ == "__main__":
    main()
