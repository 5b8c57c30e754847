"""OAuth 2 authorization code flow (optionally with PKCE) and a refresh, with requests-oauthlib.

Usage: oauth2_flow.py BASE_URL CLIENT_ID CLIENT_SECRET USERNAME PASSWORD pkce|plain
The script reads the consent form and posts it itself, then catches the redirect without following it.
Prints one JSON object of observations; exits 3 when a Python module is missing.
"""
import json
import os
import re
import sys

try:
    import requests
    from requests_oauthlib import OAuth2Session
except ImportError as error:
    print(f"missing python module {error.name!r}: pip install requests-oauthlib", file=sys.stderr)
    sys.exit(3)

os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
base, client_id, client_secret, username, password, mode = sys.argv[1:7]
redirect_uri = "http://127.0.0.1:8765/callback"
token_url = base + "/oauth/v2/token"

session = OAuth2Session(client_id, redirect_uri=redirect_uri, pkce="S256" if mode == "pkce" else None)
authorize_url, state = session.authorization_url(base + "/oauth/v2/authorize")

page = requests.get(authorize_url, timeout=10)
hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
consent = requests.post(
    base + "/oauth/v2/authorize",
    data={**hidden, "username": username, "password": password, "approve": "1"},
    allow_redirects=False,
    timeout=10,
)
location = consent.headers.get("Location", "")
token = session.fetch_token(
    token_url, authorization_response=location, client_secret=client_secret, include_client_id=True, timeout=10
)
me = session.get(base + "/api/users/self", timeout=10)

old_refresh = token["refresh_token"]
refreshed = session.refresh_token(token_url, client_id=client_id, client_secret=client_secret, timeout=10)
contacts = session.get(base + "/api/contacts", params={"limit": "2"}, timeout=10)
reuse = requests.post(
    token_url,
    data={"grant_type": "refresh_token", "refresh_token": old_refresh, "client_id": client_id, "client_secret": client_secret},
    timeout=10,
)

print(json.dumps({
    "authorize_page": page.status_code,
    "sent_challenge": "code_challenge" in authorize_url,
    "consent_status": consent.status_code,
    "state_echoed": f"state={state}" in location,
    "token_type": token.get("token_type"),
    "me_status": me.status_code,
    "me_username": me.json().get("username"),
    "rotated": refreshed["refresh_token"] != old_refresh,
    "contacts_status": contacts.status_code,
    "reuse_status": reuse.status_code,
    "reuse_type": reuse.json()["errors"][0]["type"],
}))
