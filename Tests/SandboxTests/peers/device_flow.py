"""OAuth 2 device authorization grant (RFC 8628) with oauthlib's DeviceClient, and the sandbox's JWTs
checked with PyJWT against its published key set.

Usage: device_flow.py BASE_URL CLIENT_ID CLIENT_SECRET USERNAME PASSWORD approve|deny
The script reads the metadata, asks for a device code, enters the user code on the sandbox's device
page as a person would, and polls the token endpoint at the interval the server gives.
Prints one JSON object of observations; exits 3 when a Python module is missing.
"""
import json
import sys
import time

try:
    import jwt
    import requests
    from oauthlib.oauth2 import DeviceClient
except ImportError as error:
    print(f"missing python module {error.name!r}: pip install oauthlib requests 'pyjwt[crypto]'", file=sys.stderr)
    sys.exit(3)

base, client_id, client_secret, username, password, decision = sys.argv[1:7]
metadata = requests.get(base + "/.well-known/openid-configuration", timeout=10).json()
client = DeviceClient(client_id, client_secret=client_secret)

started = requests.post(
    metadata["device_authorization_endpoint"],
    data={"client_id": client_id, "client_secret": client_secret, "scope": "openid"},
    timeout=10,
).json()
page = requests.post(
    started["verification_uri"],
    data={"user_code": started["user_code"], "username": username, "password": password, decision: "1"},
    timeout=10,
)

errors = []
token = None
interval = started["interval"]
deadline = time.time() + started["expires_in"]
while time.time() < deadline:
    time.sleep(interval)
    body = client.prepare_request_body(started["device_code"], include_client_id=True, client_secret=client_secret)
    answer = requests.post(
        metadata["token_endpoint"], data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=10,
    )
    # oauthlib raises only for RFC 6749's error names; RFC 8628's are read here.
    error = answer.json().get("error")
    if error:
        errors.append(error)
        if error == "slow_down":
            interval += 5
        elif error != "authorization_pending":
            break
        continue
    token = client.parse_request_body_response(answer.text)
    break

report = {"page_status": page.status_code, "errors": errors, "issuer": metadata["issuer"]}
if token:
    keys = jwt.PyJWKClient(metadata["jwks_uri"])
    access = token["access_token"]
    signing_key = keys.get_signing_key_from_jwt(access)
    claims = jwt.decode(access, signing_key.key, algorithms=["RS256"], options={"verify_aud": False})
    id_claims = jwt.decode(token["id_token"], keys.get_signing_key_from_jwt(token["id_token"]).key,
                           algorithms=["RS256"], audience=client_id, issuer=metadata["issuer"])
    tampered = access.split(".")
    tampered[1] = tampered[1][:-2] + ("AA" if tampered[1][-2:] != "AA" else "BB")
    try:
        jwt.decode(".".join(tampered), signing_key.key, algorithms=["RS256"], options={"verify_aud": False})
        tampered_rejected = False
    except jwt.InvalidTokenError:
        tampered_rejected = True
    me = requests.get(base + "/api/users/self", headers={"Authorization": "Bearer " + access}, timeout=10)
    report.update({
        "access_sub": claims["sub"], "access_iss": claims["iss"], "id_aud": id_claims["aud"],
        "tampered_rejected": tampered_rejected, "me_status": me.status_code, "me_username": me.json().get("username"),
    })
print(json.dumps(report))
