#!/usr/bin/env python3
"""A small HTTP server for the fetch tests: listens on 127.0.0.1 on a free
port, prints "PORT <n>" on stdout, and serves routes that each exercise one
behaviour of the fetcher. /stats reports the most requests it saw at once
on /count/ (the --per-host check); /reset clears it."""

import gzip
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


STATE = State()


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
        try:
            self.route(path, query)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route(self, path, query):
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
