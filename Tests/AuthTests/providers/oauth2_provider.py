"""An OAuth 2 provider built on oauthlib, for apish's interoperability tests.

Grants: authorization_code (PKCE required for client "apish-client", optional for "legacy-client"),
refresh_token (rotating), client_credentials, password. Clients authenticate with HTTP Basic or in the
body. Errors are RFC 6749 JSON. A protected resource at /api/me, and /admin/* endpoints that let tests
revoke access tokens and read counters.

    python3 oauth2_provider.py --port 8000 [--token-lifetime 3600] [--code-lifetime 60]
"""
import argparse
import base64
import html
import json
import signal
import time
from urllib.parse import unquote_plus

from flask import Flask, Response, request
from oauthlib.oauth2 import RequestValidator, Server
from oauthlib.oauth2.rfc6749.errors import AccessDeniedError, OAuth2Error

CLIENTS = {
    "apish-client": {"secret": "apish-secret-1234", "pkce": True},
    "legacy-client": {"secret": "legacy-secret-5678", "pkce": False},
}
USERS = {"alice": "wonderland"}
SCOPES = {"read", "write"}


class Client:
    def __init__(self, client_id):
        self.client_id = client_id


class Validator(RequestValidator):
    def __init__(self, code_lifetime):
        self.code_lifetime = code_lifetime
        self.codes = {}
        self.access_tokens = {}
        self.refresh_tokens = {}
        self.counters = {"authorization_code": 0, "refresh_token": 0, "client_credentials": 0, "password": 0,
                         "api_ok": 0, "api_401": 0}

    # Clients
    def client_authentication_required(self, request, *args, **kwargs):
        return True

    def authenticate_client(self, request, *args, **kwargs):
        client_id, secret = None, None
        auth = request.headers.get("Authorization", "")
        if auth.lower().startswith("basic "):
            decoded = base64.b64decode(auth[6:]).decode()
            client_id, _, secret = decoded.partition(":")
            client_id, secret = unquote_plus(client_id), unquote_plus(secret)
        else:
            client_id, secret = request.client_id, getattr(request, "client_secret", None)
        client = CLIENTS.get(client_id)
        if client is None or client["secret"] != secret:
            return False
        request.client = Client(client_id)
        request.client_id = client_id
        return True

    def authenticate_client_id(self, client_id, request, *args, **kwargs):
        return False

    def validate_client_id(self, client_id, request, *args, **kwargs):
        return client_id in CLIENTS

    def validate_grant_type(self, client_id, grant_type, client, request, *args, **kwargs):
        return grant_type in ("authorization_code", "refresh_token", "client_credentials", "password")

    def validate_response_type(self, client_id, response_type, client, request, *args, **kwargs):
        return response_type == "code"

    # Redirects and scopes
    def validate_redirect_uri(self, client_id, redirect_uri, request, *args, **kwargs):
        return redirect_uri.startswith("http://127.0.0.1:") or redirect_uri.startswith("https://")

    def get_default_redirect_uri(self, client_id, request, *args, **kwargs):
        return None

    def validate_scopes(self, client_id, scopes, client, request, *args, **kwargs):
        return set(scopes) <= SCOPES

    def get_default_scopes(self, client_id, request, *args, **kwargs):
        return ["read"]

    # Authorization codes and PKCE
    def is_pkce_required(self, client_id, request):
        return CLIENTS.get(client_id, {}).get("pkce", False)

    def save_authorization_code(self, client_id, code, request, *args, **kwargs):
        self.codes[code["code"]] = {
            "client_id": client_id, "redirect_uri": request.redirect_uri, "scopes": request.scopes,
            "user": "alice", "issued": time.time(), "challenge": request.code_challenge,
            "method": request.code_challenge_method,
        }

    def validate_code(self, client_id, code, client, request, *args, **kwargs):
        stored = self.codes.get(code)
        if stored is None or stored["client_id"] != client_id:
            return False
        if time.time() - stored["issued"] > self.code_lifetime:
            return False
        request.user = stored["user"]
        request.scopes = stored["scopes"]
        return True

    def get_code_challenge(self, code, request):
        return self.codes.get(code, {}).get("challenge")

    def get_code_challenge_method(self, code, request):
        return self.codes.get(code, {}).get("method")

    def confirm_redirect_uri(self, client_id, code, redirect_uri, client, request, *args, **kwargs):
        return self.codes.get(code, {}).get("redirect_uri") == redirect_uri

    def invalidate_authorization_code(self, client_id, code, request, *args, **kwargs):
        self.codes.pop(code, None)

    # Tokens
    def save_bearer_token(self, token, request, *args, **kwargs):
        self.counters[request.grant_type] = self.counters.get(request.grant_type, 0) + 1
        if request.grant_type == "refresh_token":
            self.refresh_tokens.pop(request.refresh_token, None)
        record = {"client_id": request.client.client_id, "user": getattr(request, "user", None),
                  "scopes": token.get("scope", "").split(), "expires": time.time() + token["expires_in"],
                  "revoked": False}
        self.access_tokens[token["access_token"]] = record
        if "refresh_token" in token:
            self.refresh_tokens[token["refresh_token"]] = dict(record)

    def validate_bearer_token(self, token, scopes, request):
        record = self.access_tokens.get(token)
        ok = record is not None and not record["revoked"] and record["expires"] > time.time()
        if ok:
            request.user = record["user"]
            request.scopes = record["scopes"]
        return ok

    def validate_refresh_token(self, refresh_token, client, request, *args, **kwargs):
        record = self.refresh_tokens.get(refresh_token)
        if record is None or record["client_id"] != client.client_id:
            return False
        request.user = record["user"]
        return True

    def get_original_scopes(self, refresh_token, request, *args, **kwargs):
        return self.refresh_tokens.get(refresh_token, {}).get("scopes", ["read"])

    def validate_user(self, username, password, client, request, *args, **kwargs):
        if USERS.get(username) != password:
            return False
        request.user = username
        return True


def main():
    # Started from a Swift concurrency thread, the process inherits a mask that blocks SIGTERM.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token-lifetime", type=int, default=3600)
    parser.add_argument("--code-lifetime", type=float, default=60)
    args = parser.parse_args()

    validator = Validator(args.code_lifetime)
    server = Server(validator, token_expires_in=args.token_lifetime)
    app = Flask(__name__)

    def reply(headers, body, status):
        return Response(body or "", status=status, headers=headers)

    @app.get("/authorize")
    def authorize_page():
        try:
            scopes, _ = server.validate_authorization_request(request.url, "GET", "", dict(request.headers))
        except OAuth2Error as error:
            return reply({"Content-Type": "application/json"}, error.json, error.status_code)
        return (f"<form method=post><p>Allow {html.escape(request.args.get('client_id', ''))} "
                f"to {html.escape(' '.join(scopes))}?</p>"
                "<button name=confirm value=yes>Allow</button><button name=confirm value=no>Deny</button></form>")

    @app.post("/authorize")
    def authorize_decision():
        uri = request.url
        try:
            scopes, credentials = server.validate_authorization_request(uri, "GET", "", dict(request.headers))
        except OAuth2Error as error:
            return reply({"Content-Type": "application/json"}, error.json, error.status_code)
        if request.form.get("confirm") != "yes":
            error = AccessDeniedError(state=credentials.get("state"))
            return Response("", status=302, headers={"Location": error.in_uri(credentials["redirect_uri"])})
        credentials.pop("request", None)
        credentials["user"] = "alice"
        headers, body, status = server.create_authorization_response(
            uri, "GET", "", dict(request.headers), scopes, credentials)
        return reply(headers, body, status)

    @app.post("/token")
    def token():
        headers, body, status = server.create_token_response(
            request.url, "POST", request.get_data(as_text=True), dict(request.headers))
        return reply(headers, body, status)

    @app.route("/api/me", methods=["GET", "POST"])
    def me():
        valid, oauth_request = server.verify_request(
            request.url, request.method, request.get_data(as_text=True), dict(request.headers), scopes=[])
        if not valid:
            validator.counters["api_401"] += 1
            return Response(json.dumps({"error": "invalid_token"}), status=401,
                            headers={"Content-Type": "application/json", "WWW-Authenticate": "Bearer"})
        validator.counters["api_ok"] += 1
        return {"user": oauth_request.user, "scopes": oauth_request.scopes}

    @app.post("/admin/revoke-access-tokens")
    def revoke():
        for record in validator.access_tokens.values():
            record["revoked"] = True
        return {"revoked": len(validator.access_tokens)}

    @app.post("/admin/revoke-refresh-tokens")
    def revoke_refresh():
        count = len(validator.refresh_tokens)
        validator.refresh_tokens.clear()
        return {"revoked": count}

    @app.get("/admin/counters")
    def counters():
        return validator.counters

    app.run(host="127.0.0.1", port=args.port, threaded=True)


if __name__ == "__main__":
    main()
