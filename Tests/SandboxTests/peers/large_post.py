"""POSTs MB mebibytes to URL the way Python's urllib does (whole body first, then the answer, with
`Connection: close`) and prints {"status": …, "seconds": …} or {"error": …}."""
import json
import sys
import time
import urllib.error
import urllib.request

url, mebibytes, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
request = urllib.request.Request(url, data=b"a" * (mebibytes << 20), headers={"Content-Type": "application/json"})
start = time.monotonic()
try:
    status = urllib.request.urlopen(request, timeout=timeout).status
except urllib.error.HTTPError as error:
    status = error.code
except Exception as error:
    print(json.dumps({"error": repr(error), "seconds": time.monotonic() - start}))
    sys.exit(0)
print(json.dumps({"status": status, "seconds": time.monotonic() - start}))
