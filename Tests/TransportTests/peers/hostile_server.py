"""A server that misbehaves on purpose, for the transport's limits:

/chunked?mb=N         N MiB of chunked body (no N: it never ends)
/gzip-bomb?mb=N       N MiB of zeros gzip-compressed into a few KiB, sent with Content-Encoding: gzip
/drip?every=S         a 100-byte body sent one byte every S seconds
/redirect?to=URL      302 to URL, whatever its scheme
/status?code=N&reason=TEXT
                      status N with TEXT as its reason phrase (none when TEXT is empty), and a chunked
                      body that holds a status line of its own
/continue             an interim "100 Continue" head, then "201 Made It"
/first-only           answered (with X-Connection: the connection's number) only as the first request on
                      its connection, kept alive; a later request on that connection is dropped unanswered,
                      as a server does that closes an idle connection just as a request arrives on it
"""
import argparse
import http.server
import itertools
import time
import urllib.parse
import zlib

CHUNK = b"x" * 65536
CONNECTIONS = itertools.count(1)


def gzip_of_zeros(mebibytes):
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    parts = [compressor.compress(zeros) for _ in range(mebibytes)]
    parts.append(compressor.flush())
    return b"".join(parts)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.connection_number = next(CONNECTIONS)
        self.requests_here = 0

    def do_GET(self):
        self.requests_here += 1
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        route = getattr(self, "route_" + url.path.strip("/").replace("-", "_"), None)
        if route is None:
            self.send_error(404)
            return
        try:
            route(query)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route_chunked(self, query):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        remaining = int(query["mb"]) * 16 if "mb" in query else None
        while remaining is None or remaining > 0:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK))
            if remaining is not None:
                remaining -= 1
        self.wfile.write(b"0\r\n\r\n")

    def route_gzip_bomb(self, query):
        body = gzip_of_zeros(int(query.get("mb", "64")))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_drip(self, query):
        every = float(query.get("every", "1"))
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100")
        self.end_headers()
        for _ in range(100):
            self.wfile.write(b".")
            self.wfile.flush()
            time.sleep(every)

    def route_redirect(self, query):
        self.send_response(302)
        self.send_header("Location", query["to"])
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_status(self, query):
        reason = query.get("reason", "")
        line = "HTTP/1.1 %s%s\r\n" % (query.get("code", "200"), " " + reason if reason else "")
        self.wfile.write(line.encode("latin-1"))
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        decoy = b"HTTP/1.1 599 Not A Status Line\r\n"
        self.wfile.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(decoy), decoy))

    def route_continue(self, query):
        self.wfile.write(b"HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n")
        self.send_response(201, "Made It")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def route_first_only(self, query):
        if self.requests_here > 1:
            self.close_connection = True
            return
        self.send_response(200)
        self.send_header("X-Connection", str(self.connection_number))
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
options = parser.parse_args()
server = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
server.daemon_threads = True
server.serve_forever()
