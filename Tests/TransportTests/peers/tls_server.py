"""A one-route HTTPS server for TLS tests: serves {"tls": true} with the cert.pem/key.pem in --dir."""
import argparse
import http.server
import ssl


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"tls": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--dir", required=True)
options = parser.parse_args()
server = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(f"{options.dir}/cert.pem", f"{options.dir}/key.pem")
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
