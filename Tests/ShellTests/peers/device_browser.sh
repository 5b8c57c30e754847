#!/bin/sh
# The person approving a device login in a browser: opens the verification_uri_complete given as $1
# and approves its user code with the sandbox's demo login.
url=$1
code=${url##*user_code=}
curl -s -o /dev/null -d "user_code=$code" -d username=admin -d password=mautic -d approve=1 "${url%%\?*}"
