"""A forward proxy on 127.0.0.1 that only reaches 127.0.0.1 and localhost.

`CONNECT host:port` opens a TCP tunnel and relays bytes both ways; an absolute-form request
(`GET http://127.0.0.1:PORT/path HTTP/1.1`) is sent on to the origin in origin form and its answer relayed
back with `Via: 1.1 test-proxy`, one request per client connection. Each request line received is appended
to the --log file as it arrives, so that a test can tell whether traffic went through the proxy at all.
"""
import argparse
import socket
import socketserver
import threading
import urllib.parse

ALLOWED_HOSTS = {"127.0.0.1", "localhost"}
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "upgrade"}


def read_head(sock):
    """The bytes up to the blank line that ends a head, and whatever arrived after it."""
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        data = sock.recv(65536)
        if not data:
            raise ConnectionError("closed before the end of the head")
        buffer += data
        if len(buffer) > 1 << 20:
            raise ConnectionError("head too large")
    head, _, rest = buffer.partition(b"\r\n\r\n")
    return head.decode("latin-1"), rest


def relay(source, destination):
    try:
        while data := source.recv(65536):
            destination.sendall(data)
    except OSError:
        pass
    finally:
        try:
            destination.shutdown(socket.SHUT_WR)
        except OSError:
            pass


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            head, rest = read_head(self.request)
        except ConnectionError:
            return
        lines = head.split("\r\n")
        self.server.record(lines[0])
        parts = lines[0].split(" ")
        if len(parts) != 3:
            return self.refuse(400, "Bad Request", "malformed request line")
        method, target, _ = parts
        try:
            if method == "CONNECT":
                self.tunnel(target, rest)
            else:
                self.forward(method, target, lines[1:], rest)
        except OSError as error:
            self.refuse(502, "Bad Gateway", str(error))

    def refuse(self, status, reason, message):
        body = message.encode() + b"\n"
        try:
            self.request.sendall(b"HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
                                 b"Connection: close\r\n\r\n%s" % (status, reason.encode(), len(body), body))
        except OSError:
            pass

    def tunnel(self, target, rest):
        host, _, port = target.rpartition(":")
        if host not in ALLOWED_HOSTS or not port.isdigit():
            return self.refuse(403, "Forbidden", f"this proxy only reaches {sorted(ALLOWED_HOSTS)}")
        upstream = socket.create_connection((host, int(port)), timeout=10)
        upstream.settimeout(None)
        with upstream:
            self.request.sendall(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            if rest:
                upstream.sendall(rest)
            back = threading.Thread(target=relay, args=(upstream, self.request), daemon=True)
            back.start()
            relay(self.request, upstream)
            back.join()

    def forward(self, method, target, field_lines, rest):
        url = urllib.parse.urlsplit(target)
        if url.scheme != "http" or not url.hostname:
            return self.refuse(400, "Bad Request", "expected an absolute http:// URL")
        if url.hostname not in ALLOWED_HOSTS:
            return self.refuse(403, "Forbidden", f"this proxy only reaches {sorted(ALLOWED_HOSTS)}")
        fields = [line.partition(":") for line in field_lines if line]
        fields = [(name.strip(), value.strip()) for name, _, value in fields]
        length = next((int(value) for name, value in fields if name.lower() == "content-length"), 0)
        body = rest
        while len(body) < length:
            data = self.request.recv(65536)
            if not data:
                return
            body += data
        path = (url.path or "/") + (f"?{url.query}" if url.query else "")
        outgoing = [f"{method} {path} HTTP/1.1"]
        outgoing += [f"{name}: {value}" for name, value in fields if name.lower() not in HOP_BY_HOP]
        outgoing.append("Connection: close")
        upstream = socket.create_connection((url.hostname, url.port or 80), timeout=10)
        with upstream:
            upstream.sendall(("\r\n".join(outgoing) + "\r\n\r\n").encode("latin-1") + body[:length])
            response_head, response_rest = read_head(upstream)
            response_lines = response_head.split("\r\n")
            kept = [line for line in response_lines[1:] if line.partition(":")[0].strip().lower() not in HOP_BY_HOP]
            # One request per client connection: the client must not wait on this one for another answer.
            answer = [response_lines[0]] + kept + ["Via: 1.1 test-proxy", "Connection: close"]
            self.request.sendall(("\r\n".join(answer) + "\r\n\r\n").encode("latin-1") + response_rest)
            relay(upstream, self.request)


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, log_path):
        super().__init__(address, Handler)
        self.log = open(log_path, "a", encoding="utf-8")
        self.lock = threading.Lock()

    def record(self, line):
        with self.lock:
            self.log.write(line + "\n")
            self.log.flush()


parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--log", required=True)
options = parser.parse_args()
Server(("127.0.0.1", options.port), options.log).serve_forever()
