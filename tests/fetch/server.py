#!/usr/bin/env python3
"""tests/fetch/server.py - the loopback HTTP server of tests/cli/fetch.sh.

    python3 tests/fetch/server.py PORTFILE DOCROOT

Binds 127.0.0.1 on a free port, writes the port to PORTFILE, and serves:
  /t/NAME            the file DOCROOT/NAME
  /redirect/N/NAME   N redirects (302), then /t/NAME
  /loop              a redirect to itself, for ever
  /to-remote         a redirect to plain http on a non-loopback address
  /to-file           a redirect to file:///etc/passwd
  /hang              reads the request and never answers
  /slow/NAME         the headers of NAME, then its body one byte every 2 seconds
  /big               2 MiB with a Content-Length
  /bigchunked        2 MiB chunked, no Content-Length
  /status/CODE       an empty answer with that status
Stops by itself after 300 seconds, or on SIGTERM.
"""
import http.server
import os
import signal
import socketserver
import sys
import threading
import time

DOCROOT = "."
BIG = 2 * 1024 * 1024


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet
        pass

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def file_bytes(self, name):
        path = os.path.join(DOCROOT, os.path.basename(name))
        try:
            with open(path, "rb") as f:
                return f.read()
        except OSError:
            return None

    def do_GET(self):
        p = self.path
        if p.startswith("/t/"):
            data = self.file_bytes(p[3:])
            if data is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif p.startswith("/redirect/"):
            _, _, n, name = p.split("/", 3)
            n = int(n)
            self.redirect("/t/" + name if n <= 1 else "/redirect/%d/%s" % (n - 1, name))
        elif p == "/loop":
            self.redirect("/loop")
        elif p == "/to-remote":
            self.redirect("http://192.0.2.1/wml.xml")
        elif p == "/to-file":
            self.redirect("file:///etc/passwd")
        elif p == "/hang":
            time.sleep(120)
        elif p.startswith("/slow/"):
            data = self.file_bytes(p[6:]) or b"x" * 100
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            for i in range(len(data)):
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
                time.sleep(2)
        elif p == "/big":
            self.send_response(200)
            self.send_header("Content-Length", str(BIG))
            self.end_headers()
            chunk = b"<!--" + b"x" * 65528 + b"-->"
            for _ in range(BIG // len(chunk)):
                self.wfile.write(chunk)
        elif p == "/bigchunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65536
            for _ in range(BIG // len(chunk)):
                self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif p.startswith("/status/"):
            self.send_response(int(p[8:]))
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(404)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # a client that gives up (the point of several tests) is no error


def main():
    global DOCROOT
    portfile, DOCROOT = sys.argv[1], sys.argv[2]
    srv = Server(("127.0.0.1", 0), Handler)
    signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
    threading.Timer(300, lambda: os._exit(0)).start()
    tmp = portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(tmp, portfile)
    srv.serve_forever()


if __name__ == "__main__":
    main()
