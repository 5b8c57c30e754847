"""Plays the person in the browser for apish's OAuth tests: set as the browser command, it receives the
authorization URL, loads the provider's consent page, answers it, and follows the redirect back to
apish's listener.

    python3 browser.py MODE URL     MODE: approve | deny | tamper-state | tamper-token
"""
import os
import sys
import tempfile
import traceback
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests


def tamper(location, name):
    parts = urlsplit(location)
    query = [(key, value + "x" if key == name else value) for key, value in parse_qsl(parts.query)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def main():
    mode, url = sys.argv[1], sys.argv[2]
    session = requests.Session()
    page = session.get(url, timeout=10)
    page.raise_for_status()
    answer = session.post(url, data={"confirm": "no" if mode == "deny" else "yes"}, allow_redirects=False,
                          timeout=10)
    location = answer.headers["Location"]
    if mode == "tamper-state":
        location = tamper(location, "state")
    if mode == "tamper-token":
        location = tamper(location, "oauth_token")
    requests.get(location, timeout=10)


if __name__ == "__main__":
    try:
        main()
    except Exception:
        with open(os.path.join(tempfile.gettempdir(), "apish-test-browser.log"), "a") as log:
            traceback.print_exc(file=log)
        sys.exit(1)
