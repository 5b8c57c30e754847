"""Plays the person at the sandbox's consent page: set as $BROWSER, it receives an OAuth 1 or OAuth 2
authorization URL, logs in as the demo admin, approves, and follows the redirect to apish's listener.

    python3 sandbox_browser.py URL
"""
import re
import sys
from urllib.parse import urljoin

import requests

url = sys.argv[1]
page = requests.get(url, timeout=10)
page.raise_for_status()
hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
action = re.search(r'<form[^>]*action="([^"]*)"', page.text)
target = urljoin(url, action.group(1).replace("&amp;", "&")) if action else url
consent = requests.post(target, data={**hidden, "username": "admin", "password": "mautic", "approve": "1"},
                        allow_redirects=False, timeout=10)
requests.get(consent.headers["Location"], timeout=10)
