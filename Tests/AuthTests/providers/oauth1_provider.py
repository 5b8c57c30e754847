"""An OAuth 1.0a provider built on oauthlib, for apish's interoperability tests.

Three-legged flow at /request_token, /authorize (consent form) and /access_token, callbacks to
http://127.0.0.1:* or oob; a protected resource at /api/contacts (GET and form POST) that echoes the
parameters it received once the signature checks out, 401 otherwise.

    python3 oauth1_provider.py --port 8000
"""
import argparse
import html
import json
import signal
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from flask import Flask, Response, request
from oauthlib.common import generate_token
from oauthlib.oauth1 import RequestValidator, WebApplicationServer
from oauthlib.oauth1.rfc5849 import errors

CLIENTS = {"apishconsumerkey0001": "consumer-secret-~!*"}


class Validator(RequestValidator):
    enforce_ssl = False
    allowed_signature_methods = ("HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "PLAINTEXT")
    client_key_length = (10, 64)
    request_token_length = (10, 64)
    access_token_length = (10, 64)
    verifier_length = (10, 64)
    nonce_length = (16, 64)

    def __init__(self):
        self.request_tokens = {}
        self.verifiers = {}
        self.access_tokens = {}
        self.nonces = set()

    @property
    def dummy_client(self):
        return "dummyclientkey000000"

    @property
    def dummy_request_token(self):
        return "dummyrequesttoken000"

    @property
    def dummy_access_token(self):
        return "dummyaccesstoken0000"

    def get_client_secret(self, client_key, request):
        return CLIENTS.get(client_key, "dummy-secret")

    def get_request_token_secret(self, client_key, token, request):
        return self.request_tokens.get(token, {}).get("secret", "dummy-secret")

    def get_access_token_secret(self, client_key, token, request):
        return self.access_tokens.get(token, {}).get("secret", "dummy-secret")

    def get_default_realms(self, client_key, request):
        return []

    def get_realms(self, token, request):
        return []

    def get_redirect_uri(self, token, request):
        return self.request_tokens[token]["callback"]

    def get_rsa_key(self, client_key, request):
        return None

    def invalidate_request_token(self, client_key, request_token, request):
        self.request_tokens.pop(request_token, None)

    def validate_client_key(self, client_key, request):
        return client_key in CLIENTS

    def validate_request_token(self, client_key, token, request):
        return self.request_tokens.get(token, {}).get("client") == client_key

    def validate_access_token(self, client_key, token, request):
        return self.access_tokens.get(token, {}).get("client") == client_key

    def validate_timestamp_and_nonce(self, client_key, timestamp, nonce, request, request_token=None,
                                     access_token=None):
        key = (client_key, timestamp, nonce, request_token, access_token)
        if key in self.nonces:
            return False
        self.nonces.add(key)
        return True

    def validate_redirect_uri(self, client_key, redirect_uri, request):
        return redirect_uri == "oob" or redirect_uri.startswith("http://127.0.0.1:")

    def validate_requested_realms(self, client_key, realms, request):
        return True

    def validate_realms(self, client_key, token, request, uri=None, realms=None):
        return True

    def validate_verifier(self, client_key, token, verifier, request):
        return self.verifiers.get(token) == verifier

    def verify_request_token(self, token, request):
        return token in self.request_tokens

    def verify_realms(self, token, realms, request):
        return True

    def save_request_token(self, token, request):
        self.request_tokens[token["oauth_token"]] = {
            "secret": token["oauth_token_secret"], "client": request.client_key, "callback": request.redirect_uri}

    def save_verifier(self, token, verifier, request):
        self.verifiers[token] = verifier["oauth_verifier"]

    def save_access_token(self, token, request):
        self.access_tokens[token["oauth_token"]] = {"secret": token["oauth_token_secret"],
                                                    "client": request.client_key}


def canonical_url(url):
    """The request URL with its query re-encoded strictly: oauthlib refuses raw brackets
    (`where[0][col]=…`), which clients and servers commonly leave unescaped. The decoded pairs, which
    are what is signed, do not change."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    return urlunsplit(parts._replace(query=urlencode(pairs, quote_via=quote, safe="")))


def main():
    # Started from a Swift concurrency thread, the process inherits a mask that blocks SIGTERM.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    validator = Validator()
    server = WebApplicationServer(validator)
    app = Flask(__name__)

    def reply(headers, body, status):
        return Response(body or "", status=status, headers=headers)

    def body_and_headers():
        return request.get_data(as_text=True), dict(request.headers)

    @app.post("/request_token")
    def request_token():
        body, headers = body_and_headers()
        return reply(*server.create_request_token_response(request.url, "POST", body, headers))

    @app.get("/authorize")
    def authorize_page():
        token = request.args.get("oauth_token", "")
        if not validator.verify_request_token(token, None):
            return Response("unknown request token", status=401)
        return ("<form method=post><p>Allow access?</p>"
                f"<input type=hidden name=oauth_token value=\"{html.escape(token)}\">"
                "<button name=confirm value=yes>Allow</button><button name=confirm value=no>Deny</button></form>")

    @app.post("/authorize")
    def authorize_decision():
        token = request.args.get("oauth_token", "")
        if request.form.get("confirm") != "yes":
            callback = validator.request_tokens.get(token, {}).get("callback", "oob")
            validator.invalidate_request_token(None, token, None)
            if callback == "oob":
                return Response("denied", status=403)
            separator = "&" if "?" in callback else "?"
            return Response("", status=302, headers={"Location": callback + separator + "oauth_problem=user_refused"})
        try:
            realms, credentials = server.get_realms_and_credentials(request.url, "GET")
            return reply(*server.create_authorization_response(request.url, "GET", realms=realms,
                                                               credentials={"user": "alice"}))
        except errors.OAuth1Error as error:
            return Response(error.urlencoded, status=error.status_code)

    @app.post("/access_token")
    def access_token():
        body, headers = body_and_headers()
        return reply(*server.create_access_token_response(request.url, "POST", body, headers))

    @app.route("/api/contacts", methods=["GET", "POST"])
    def contacts():
        body, headers = body_and_headers()
        valid, oauth_request = server.validate_protected_resource_request(canonical_url(request.url), request.method, body,
                                                                          headers, realms=[])
        if not valid:
            return Response(json.dumps({"error": "signature_invalid"}), status=401,
                            headers={"Content-Type": "application/json"})
        return {"query": [[k, v] for k, v in request.args.items(multi=True)],
                "form": [[k, v] for k, v in request.form.items(multi=True)],
                "token": oauth_request.resource_owner_key}

    app.run(host="127.0.0.1", port=args.port, threaded=True)


if __name__ == "__main__":
    main()
