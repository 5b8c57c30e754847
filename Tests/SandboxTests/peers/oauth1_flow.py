"""OAuth 1.0a three-legged flow against the sandbox with requests-oauthlib, an independent client.

Usage: oauth1_flow.py BASE_URL CONSUMER_KEY CONSUMER_SECRET USERNAME PASSWORD
Prints one JSON object of observations; exits 3 when a Python module is missing.
"""
import json
import re
import sys

try:
    import requests
    from requests_oauthlib import OAuth1Session
except ImportError as error:
    print(f"missing python module {error.name!r}: pip install requests-oauthlib", file=sys.stderr)
    sys.exit(3)

base, key, secret, username, password = sys.argv[1:6]
callback = "http://127.0.0.1:9/callback"

session = OAuth1Session(key, client_secret=secret, callback_uri=callback)
request_token = session.fetch_request_token(base + "/oauth/v1/request_token")
authorize_url = session.authorization_url(base + "/oauth/v1/authorize")

page = requests.get(authorize_url, timeout=10)
hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
consent = requests.post(
    base + "/oauth/v1/authorize",
    data={**hidden, "username": username, "password": password, "approve": "1"},
    allow_redirects=False,
    timeout=10,
)
location = consent.headers.get("Location", "")
session.parse_authorization_response(location)
access = session.fetch_access_token(base + "/oauth/v1/access_token")

listed = session.get(base + "/api/contacts", params={"search": "ada", "start": "0", "limit": "5"}, timeout=10)

in_query = OAuth1Session(
    key, client_secret=secret, resource_owner_key=access["oauth_token"],
    resource_owner_secret=access["oauth_token_secret"], signature_type="query",
)
self_by_query = in_query.get(base + "/api/users/self", timeout=10)

in_body = OAuth1Session(
    key, client_secret=secret, resource_owner_key=access["oauth_token"],
    resource_owner_secret=access["oauth_token_secret"], signature_type="body",
)
created = in_body.post(base + "/api/contacts/new", data={"firstname": "Oauth", "email": "oauth1@example.com"}, timeout=10)

print(json.dumps({
    "authorize_page": page.status_code,
    "consent_status": consent.status_code,
    "callback_matches": location.startswith(callback + "?"),
    "same_token": request_token["oauth_token"] in location,
    "list_status": listed.status_code,
    "list_total": listed.json().get("total"),
    "query_status": self_by_query.status_code,
    "query_username": self_by_query.json().get("username"),
    "body_status": created.status_code,
}))
