#!/usr/bin/env python3
"""Writes a deterministic Mautic-like contact list of about SIZE_MB megabytes (compact JSON).

Usage: generate_contacts.py OUTPUT SIZE_MB
"""
import json
import random
import sys

FIRST = ["Ada", "Grace", "Linus", "Émilie", "Søren", "Zoë", "Łukasz", "Ñuño", "Chloé", "Björk",
         "Анна", "Дмитрий", "李", "王芳", "さくら", "太郎", "민준", "أحمد", "יעל", "Αλέξανδρος"]
LAST = ["Lovelace", "Hopper", "Torvalds", "du Châtelet", "Kierkegaard", "Müller", "Øster", "O'Brien",
        "Иванова", "张", "山田", "김", "Nakamura", "García Márquez", "Dvořák", "Şahin"]
WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
         "et dolore magna aliqua naïve café résumé über straße 日本語 テキスト 🚀 ✨ \"quoted\" back\\slash "
         "tab\there newline\nthere").split(" ")
TAGS = ["lead", "customer", "vip", "newsletter", "webinar-2026", "trial", "churned", "partner"]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def field(alias, label, group, kind, value, order):
    return {"id": str(order), "label": label, "alias": alias, "type": kind, "group": group,
            "object": "lead", "is_fixed": "1", "properties": "a:0:{}", "default_value": None,
            "value": value, "normalizedValue": value}


def contact(rng, cid):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    email = f"{first.lower()}.{cid}@example.{rng.choice(['com', 'org', 'net'])}"
    points = rng.randint(0, 5000)
    core = {
        "firstname": field("firstname", "First Name", "core", "text", first, 2),
        "lastname": field("lastname", "Last Name", "core", "text", last, 3),
        "email": field("email", "Email", "core", "email", email, 6),
        "company": field("company", "Company", "core", "text", sentence(rng, 3), 4),
        "points": field("points", "Points", "core", "number", points, 9),
        "notes": field("notes", "Notes", "core", "textarea", sentence(rng, rng.randint(20, 400)), 30),
    }
    social = {"twitter": field("twitter", "Twitter", "social", "text", f"@{first.lower()}{cid}", 11)}
    flat = {"id": cid, "firstname": first, "lastname": last, "email": email, "points": points,
            "company": core["company"]["value"], "notes": core["notes"]["value"], "twitter": social["twitter"]["value"]}
    return {
        "id": cid,
        "isPublished": True,
        "dateAdded": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00+00:00",
        "dateModified": None,
        "createdBy": rng.randint(1, 20),
        "createdByUser": "Admin User",
        "points": points,
        "color": rng.choice([None, "ff0000", "00ff00"]),
        "score": rng.random() * 100,
        "revenue": rng.randint(0, 10 ** 6) / 100,
        "externalId": rng.randint(10 ** 19, 10 ** 22),
        "avogadro": 6.02214076e23 * rng.random(),
        "fields": {"core": core, "social": social, "personal": [], "professional": [], "all": flat},
        "ipAddresses": [{"ipAddress": f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}",
                         "ipDetails": {"city": rng.choice(["Zürich", "Москва", "東京", "Lisboa", ""]),
                                       "latitude": rng.uniform(-90, 90), "longitude": rng.uniform(-180, 180)}}
                        for _ in range(rng.randint(0, 3))],
        "tags": [{"id": i, "tag": t} for i, t in enumerate(rng.sample(TAGS, rng.randint(0, 4)))],
        "utmtags": [],
        "stage": None if rng.random() < 0.7 else {"id": rng.randint(1, 5), "name": "Qualified"},
        "doNotContact": [],
        "frequencyRules": [],
        "owner": {"id": 1, "firstName": "Admin", "lastName": "User"} if rng.random() < 0.5 else None,
    }


def main():
    output, size_mb = sys.argv[1], float(sys.argv[2])
    target = int(size_mb * 1_000_000)
    rng = random.Random(20261127)
    parts = []
    written = 0
    cid = 0
    while written < target:
        cid += 1
        text = json.dumps(str(cid), ensure_ascii=False) + ":" + json.dumps(contact(rng, cid), ensure_ascii=False, separators=(",", ":"))
        parts.append(text)
        written += len(text.encode()) + 1
    with open(output, "w", encoding="utf-8") as f:
        f.write('{"total":"%d","contacts":{' % cid)
        f.write(",".join(parts))
        f.write("}}\n")


if __name__ == "__main__":
    main()
