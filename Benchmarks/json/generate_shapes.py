#!/usr/bin/env python3
"""Writes a deterministic document of about SIZE_MB megabytes in one of three shapes, beside the
contact list of generate_contacts.py, so memory and speed are measured on more than one shape:

  tiny     many tiny objects:            [{"a":1,"b":[true,null]}, ...]
  strings  long strings with escapes:     [{"id":1,"text":"... 1-20 KB ..."}, ...]
  nested   deeply nested (200 levels):    [{"id":1,"child":{"id":2,"child":{...}}}, ...]

Usage: generate_shapes.py SHAPE OUTPUT SIZE_MB
"""
import json
import random
import sys

WORDS = ("lorem ipsum dolor sit amet naïve café 日本語 🚀 \"quoted\" back\\slash tab\there "
         "newline\nthere").split(" ")


def tiny(rng, n):
    return '{"a":%d,"b":[true,null]}' % (n % 1000)


def strings(rng, n):
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(150, 3000)))
    return json.dumps({"id": n, "text": text}, ensure_ascii=False, separators=(",", ":"))


def nested(rng, n, depth=200):
    # Built as text: 200 levels is deeper than json.dumps' recursion is comfortable with.
    opening = "".join('{"id":%d,"k%d":[%d,"%s"],"child":' % (n * depth + level, level % 7, level, "x" * (level % 5))
                      for level in range(depth))
    return opening + "null" + "}" * depth


SHAPES = {"tiny": tiny, "strings": strings, "nested": nested}


def main():
    shape, output, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    make = SHAPES[shape]
    target = int(size_mb * 1_000_000)
    rng = random.Random(20261130)
    written = 0
    n = 0
    with open(output, "w", encoding="utf-8") as f:
        f.write("[")
        while written < target:
            item = make(rng, n)
            if n:
                f.write(", ")
            f.write(item)
            written += len(item.encode()) + 2
            n += 1
        f.write("]\n")


if __name__ == "__main__":
    main()
