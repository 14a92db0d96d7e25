#!/usr/bin/env python3
"""Re-read the demo CSV files and assert the invariants the loader relies on.

Usage:  python3 sample-data/check.py      (exits non-zero on the first failure)
"""

import csv
import os
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta

DEMO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo")
NOW = datetime(2026, 11, 20, 12, 0, 0)
START = datetime(2026, 5, 20, 0, 0, 0)

HEADERS = {
    "shop.csv": "key,value",
    "locations.csv": "code,name,kind",
    "channels.csv": "code,name",
    "products.csv": "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,"
                    "Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,"
                    "Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,"
                    "Variant Fulfillment Service,Variant Price,Variant Compare At Price,Variant Requires Shipping,"
                    "Variant Taxable,Variant Barcode,Image Src,Image Position,Image Alt Text,Gift Card,SEO Title,"
                    "SEO Description,Variant Weight Unit,Cost per item,Status",
    "listings.csv": "handle,channel,state,price",
    "stock_settings.csv": "sku,reorder_point,reorder_quantity,lead_time_days",
    "customers.csv": "id,name,email,phone,city,country,created_at",
    "orders.csv": "number,customer_id,placed_at,channel,status,shipping",
    "order_lines.csv": "order_number,line,sku,quantity,unit_price,discount,promotion_code",
    "promotions.csv": "id,name,kind,value,trigger,code,scope,scope_value,min_order,starts_at,ends_at,paused,"
                      "usage_limit,per_customer_limit,combines,uses",
    "stock_movements.csv": "at,sku,location,reason,quantity,reference,actor",
    "complaints.csv": "id,customer_id,order_number,sku,kind,channel,priority,status,assignee,opened_at,due_at,"
                      "resolved_at,subject,description,resolution",
    "complaint_events.csv": "complaint_id,at,actor,kind,detail",
    "web_sessions.csv": "day,channel,sessions",
}

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
    return cond


def read(name):
    path = os.path.join(DEMO, name)
    with open(path, "rb") as f:
        raw = f.read()
    check(not raw.startswith(b"\xef\xbb\xbf"), name + ": BOM present")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    check(",".join(rows[0]) == HEADERS[name], name + ": header mismatch")
    header = rows[0]
    out = []
    for r in rows[1:]:
        check(len(r) == len(header), "%s: ragged row %r" % (name, r[:3]))
        out.append(dict(zip(header, r)))
    return out


def cents(s):
    check(len(s) >= 4 and s[-3] == "." and s.replace(".", "", 1).isdigit(), "bad money %r" % s)
    whole, frac = s.split(".")
    return int(whole) * 100 + int(frac)


def parse_ts(s):
    check(len(s) == 20 and s.endswith("Z") and s[10] == "T", "bad timestamp %r" % s)
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")


def ean_ok(code):
    if len(code) != 13 or not code.isdigit():
        return False
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(code[:12]))
    return (10 - s % 10) % 10 == int(code[12])


data = {name: read(name) for name in HEADERS}

# ---- shop, locations, channels ------------------------------------------------
shop = {r["key"]: r["value"] for r in data["shop.csv"]}
check(shop.get("currency") == "EUR" and shop.get("anchor_date") == "2026-11-20"
      and shop.get("timezone") == "Europe/Berlin" and shop.get("margin_floor_percent") == "25" and shop.get("name"),
      "shop.csv keys")
locs = {r["code"]: r["kind"] for r in data["locations.csv"]}
check(len(locs) == 4 and Counter(locs.values()) == Counter({"warehouse": 2, "fulfilment": 1, "damaged": 1}), "locations")
channels = [r["code"] for r in data["channels.csv"]]
check(channels == ["web", "amazon", "ebay"], "channels")

# ---- products -------------------------------------------------------------------
products = {}
variants = {}
barcodes = set()
image_only = 0
current = None
for r in data["products.csv"]:
    h = r["Handle"]
    check(h, "product row without handle")
    if not r["Variant SKU"]:
        check(r["Image Src"] and r["Image Position"] and all(
            r[k] == "" for k in r if k not in ("Handle", "Image Src", "Image Position", "Image Alt Text")),
            "image-only row malformed for " + h)
        check(h in products, "image-only row before product " + h)
        image_only += 1
        continue
    if h not in products:
        check(r["Title"] and r["Vendor"] and r["Type"] and r["Status"] in ("active", "draft", "archived")
              and r["Published"] in ("true", "false") and r["Option1 Name"] and r["Gift Card"] == "false",
              "first row of %s incomplete" % h)
        products[h] = {"title": r["Title"], "vendor": r["Vendor"], "type": r["Type"], "status": r["Status"],
                       "tags": [t.strip() for t in r["Tags"].split(",") if t.strip()], "skus": [],
                       "body": r["Body (HTML)"], "image": r["Image Src"], "seo_title": r["SEO Title"],
                       "seo_desc": r["SEO Description"], "category": r["Product Category"]}
        if r["Option1 Name"] == "Title":
            check(r["Option1 Value"] == "Default Title", "default variant of " + h)
    else:
        check(all(r[k] == "" for k in ("Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published", "Status",
                                         "SEO Title", "SEO Description", "Option1 Name")),
              "product-level field repeated on a variant row of " + h)
    sku = r["Variant SKU"]
    check(sku not in variants, "duplicate SKU " + sku)
    check(r["Variant Barcode"] not in barcodes, "duplicate barcode " + r["Variant Barcode"])
    check(ean_ok(r["Variant Barcode"]), "bad EAN-13 " + r["Variant Barcode"])
    barcodes.add(r["Variant Barcode"])
    check(r["Variant Inventory Tracker"] == "shopify" and r["Variant Inventory Policy"] == "deny"
          and r["Variant Fulfillment Service"] == "manual" and r["Variant Weight Unit"] == "kg"
          and r["Variant Requires Shipping"] == "true" and r["Variant Taxable"] == "true", "variant flags " + sku)
    check(r["Variant Grams"].isdigit() and int(r["Variant Grams"]) > 0, "grams " + sku)
    price = cents(r["Variant Price"])
    cost = cents(r["Cost per item"])
    if r["Variant Compare At Price"]:
        check(cents(r["Variant Compare At Price"]) > price, "compare-at not above price " + sku)
    variants[sku] = {"handle": h, "price": price, "cost": cost, "qty": int(r["Variant Inventory Qty"])}
    products[h]["skus"].append(sku)

n_var = len(variants)
check(len(products) >= 150, "fewer than 150 products")
check(450 <= n_var <= 560, "variant count %d not about 500" % n_var)
check(image_only >= 3, "image-only rows missing")
check(len({p["type"] for p in products.values()}) >= 8, "categories")
check(len({p["vendor"] for p in products.values()}) >= 11, "vendors")
status = Counter(p["status"] for p in products.values())
check(status["draft"] >= 3 and status["archived"] >= 2 and status["active"] > 120, "statuses %r" % status)
margins = {s: (v["price"] - v["cost"]) * 100 / v["price"] for s, v in variants.items()}
check(sum(1 for m in margins.values() if m < 0) == 1, "exactly one variant must cost more than its price")
check(sum(1 for m in margins.values() if 0 <= m < 25) >= 3, "thin-margin variants missing")
check(sum(1 for m in margins.values() if 35 <= m <= 65) > 0.7 * n_var, "most margins should be 35-65 %")
check(any(not p["body"] for p in products.values()), "no product without body")
check(any(not p["image"] for p in products.values()), "no product without image")
check(any(len(p["seo_desc"]) > 160 for p in products.values()), "no long SEO description")
check(any(not p["seo_title"] for p in products.values()), "no empty SEO title")
hostile = [h for h, p in products.items()
           if any(ord(ch) < 32 and ch != "\n" or 0x7f <= ord(ch) < 0xa0 or ch in "\u202e\u2066\u2067\u2068\u2069\u200f\u061c"
                  for ch in p["title"] + p["vendor"] + ",".join(p["tags"]) + p["body"])]
check(4 <= len(hostile) <= 6, "hostile products: %d" % len(hostile))
alltext = "".join(p["title"] + p["vendor"] + ",".join(p["tags"]) + p["body"] for p in products.values())
for needle in ("\x1b[2J", "\x1b]0;pwned\x07", "\r", "\b", "\t", "\x9b", "\x7f", "\u202e", "\u2066", "\u2067",
               "\u2068", "\u2069", "\u200f", "\u061c", "ü", "é", "ø", "ß", "焙じ茶", "三徳"):
    check(needle in alltext, "catalogue lacks %r" % needle)

# ---- listings & settings ------------------------------------------------------------
listing = {}
for r in data["listings.csv"]:
    check(r["handle"] in products and r["channel"] in channels and r["state"] in ("listed", "unlisted"), "listing row")
    listing[(r["handle"], r["channel"])] = r
    if r["price"]:
        check(r["channel"] != "web" and r["state"] == "listed", "override only on listed marketplace listing")
for h, p in products.items():
    if p["status"] == "active":
        check(listing.get((h, "web"), {}).get("state") == "listed", "active product not on web: " + h)
n_act = status["active"]
amz = sum(1 for (h, c), r in listing.items() if c == "amazon" and r["state"] == "listed")
eb = sum(1 for (h, c), r in listing.items() if c == "ebay" and r["state"] == "listed")
check(0.3 <= amz / len(products) <= 0.5 and 0.15 <= eb / len(products) <= 0.35, "listing shares %d %d" % (amz, eb))
for r in data["stock_settings.csv"]:
    check(r["sku"] in variants and int(r["reorder_point"]) >= 0 and int(r["reorder_quantity"]) > 0
          and int(r["lead_time_days"]) > 0, "stock setting " + r["sku"])
check(len(data["stock_settings.csv"]) > 0.8 * n_var, "stock settings for most SKUs")

# ---- customers ------------------------------------------------------------------------
customers = {}
for i, r in enumerate(data["customers.csv"]):
    check(r["id"] == str(i + 1), "customer ids must be 1..N")
    check(r["email"].split("@")[-1] in ("example.com", "example.org", "example.net"), "email domain " + r["email"])
    customers[r["id"]] = parse_ts(r["created_at"])
check(len(customers) >= 800, "fewer than 800 customers")
check(len({r["email"] for r in data["customers.csv"]}) == len(customers), "duplicate emails")

# ---- orders ---------------------------------------------------------------------------
orders = {}
for r in data["orders.csv"]:
    check(r["number"] not in orders, "duplicate order " + r["number"])
    check(r["customer_id"] in customers, "unknown customer in " + r["number"])
    t = parse_ts(r["placed_at"])
    check(START <= t < NOW, "order outside window " + r["number"])
    check(customers.get(r["customer_id"], t) <= t, "customer created after order " + r["number"])
    check(r["channel"] in channels and r["status"] in ("open", "shipped", "cancelled", "returned"), "order fields")
    cents(r["shipping"])
    orders[r["number"]] = dict(r, placed=t, lines=[])
check(len(orders) >= 3000, "fewer than 3000 orders")
ost = Counter(o["status"] for o in orders.values())
check(ost["open"] > 10 and ost["cancelled"] > 10 and ost["returned"] > 10, "order statuses %r" % ost)
for o in orders.values():
    if o["status"] == "open":
        check(o["placed"] >= NOW - timedelta(days=3), "open order too old " + o["number"])

for r in data["order_lines.csv"]:
    o = orders.get(r["order_number"])
    if not check(o is not None, "line for unknown order"):
        continue
    check(r["sku"] in variants, "unknown sku in line " + r["sku"])
    v = variants[r["sku"]]
    p = products[v["handle"]]
    check(p["status"] in ("active", "draft"), "sold a %s product: %s" % (p["status"], r["sku"]))
    q = int(r["quantity"])
    unit = cents(r["unit_price"])
    ov = listing.get((v["handle"], o["channel"]), {}).get("price")
    check(unit == (cents(ov) if ov else v["price"]), "unit price of %s line %s" % (r["order_number"], r["line"]))
    disc = cents(r["discount"])
    check(0 <= disc <= unit * q, "discount range")
    check(int(r["line"]) == len(o["lines"]) + 1, "line numbering " + r["order_number"])
    o["lines"].append(dict(r, q=q, unit=unit, disc=disc))
check(all(1 <= len(o["lines"]) <= 4 for o in orders.values()), "1-4 lines per order")
for o in orders.values():
    check(len({l["sku"] for l in o["lines"]}) == len(o["lines"]), "repeated sku in " + o["number"])
    check(len({l["promotion_code"] for l in o["lines"] if l["promotion_code"]}) <= 1, "two codes in " + o["number"])

# ---- promotions -----------------------------------------------------------------------
promos = data["promotions.csv"]
check(len(promos) >= 12, "fewer than 12 promotions")
codes = {p["code"]: p for p in promos if p["trigger"] == "code"}
code_uses = defaultdict(set)
for o in orders.values():
    for l in o["lines"]:
        if l["promotion_code"]:
            check(l["promotion_code"] in codes, "unknown code " + l["promotion_code"])
            code_uses[l["promotion_code"]].add(o["number"])


def in_scope(pr, h):
    p = products[h]
    s, val = pr["scope"], pr["scope_value"]
    return (s == "shop" or (s == "category" and p["type"] == val) or (s == "vendor" and p["vendor"] == val)
            or (s == "tag" and val in p["tags"]) or (s == "products" and h in val.split("|")))


def window(pr):
    return parse_ts(pr["starts_at"]), (parse_ts(pr["ends_at"]) if pr["ends_at"] else None)


auto_uses = defaultdict(set)
for o in orders.values():
    for l in o["lines"]:
        if l["disc"] > 0 and not l["promotion_code"]:
            h = variants[l["sku"]]["handle"]
            match = []
            for pr in promos:
                s, e = window(pr)
                if pr["trigger"] == "automatic" and pr["kind"] != "free_shipping" and s <= o["placed"] \
                        and (e is None or o["placed"] < e) and in_scope(pr, h):
                    match.append(pr["id"])
            check(len(match) == 1, "automatic discount not attributable in " + o["number"])
            if match:
                auto_uses[match[0]].add(o["number"])
state = Counter()
below_cost_active = []
below_floor_active = []
for pr in promos:
    check(pr["kind"] in ("percentage", "fixed_amount", "buy_x_get_y", "free_shipping"), "promo kind")
    check(pr["combines"] in ("exclusive", "combines") and pr["paused"] in ("true", "false"), "promo flags")
    if pr["kind"] == "percentage":
        check(pr["value"].isdigit(), "percentage value")
    elif pr["kind"] == "fixed_amount":
        cents(pr["value"])
    elif pr["kind"] == "buy_x_get_y":
        check(pr["value"] in ("3for2", "buy2get1"), "bxgy value")
    else:
        check(pr["value"] == "", "free shipping value")
    uses = int(pr["uses"])
    if pr["trigger"] == "code":
        check(pr["code"] != "" and uses == len(code_uses[pr["code"]]),
              "uses of %s: %d vs %d" % (pr["code"], uses, len(code_uses[pr["code"]])))
    else:
        check(pr["code"] == "", "automatic promotion with code")
        if pr["kind"] != "free_shipping":
            check(uses == len(auto_uses[pr["id"]]), "uses of automatic promotion %s" % pr["id"])
    if pr["usage_limit"]:
        check(uses <= int(pr["usage_limit"]), "usage over limit " + pr["id"])
    s, e = window(pr)
    exhausted = pr["usage_limit"] != "" and uses >= int(pr["usage_limit"])
    if pr["paused"] == "true":
        state["paused"] += 1
    elif s > NOW:
        state["scheduled"] += 1
    elif e is not None and e <= NOW:
        state["expired"] += 1
    elif exhausted:
        state["exhausted"] += 1
    else:
        state["active"] += 1
        for sku, v in variants.items():
            if not in_scope(pr, v["handle"]) or products[v["handle"]]["status"] != "active":
                continue
            if pr["kind"] == "percentage":
                eff = v["price"] * (100 - int(pr["value"])) // 100
            elif pr["kind"] == "buy_x_get_y":
                eff = v["price"] * 2 // 3
            else:
                continue
            if eff < v["cost"] and pr["id"] not in below_cost_active:
                below_cost_active.append(pr["id"])
            if (eff - v["cost"]) * 100 < 25 * eff and pr["id"] not in below_floor_active:
                below_floor_active.append(pr["id"])
check(state["active"] >= 3 and state["scheduled"] >= 2 and state["expired"] >= 3 and state["paused"] == 1
      and state["exhausted"] == 1, "promotion states %r" % state)
check(len(below_cost_active) == 1, "active promotions pushing below cost: %r" % below_cost_active)
check(below_floor_active == below_cost_active, "active promotions pushing below the margin floor: %r" % below_floor_active)

# ---- stock ledger ---------------------------------------------------------------------
moves = data["stock_movements.csv"]
prev = None
by_time = defaultdict(list)
transfers = defaultdict(list)
sales = defaultdict(list)
returns = defaultdict(list)
total = Counter()
for r in moves:
    t = parse_ts(r["at"])
    check(prev is None or prev <= t, "ledger not sorted at " + r["at"])
    prev = t
    check(t < NOW, "movement after the anchor")
    check(r["sku"] in variants and r["location"] in locs, "ledger sku/location " + r["sku"])
    q = int(r["quantity"])
    check(q != 0, "zero movement")
    reason = r["reason"]
    check(reason in ("receipt", "sale", "return", "adjustment", "damage", "loss", "found", "transfer_out",
                     "transfer_in", "stocktake"), "reason " + reason)
    sign = {"receipt": 1, "sale": -1, "return": 1, "damage": -1, "loss": -1, "found": 1, "transfer_out": -1,
            "transfer_in": 1}.get(reason)
    if sign:
        check(q * sign > 0, "sign of %s" % reason)
    check(r["actor"] != "", "actor missing")
    if reason == "receipt":
        check(r["reference"].startswith("PO-2026-"), "receipt reference")
    if reason.startswith("transfer"):
        transfers[r["reference"]].append((t, r["sku"], r["location"], q))
    if reason == "sale":
        sales[r["reference"]].append((t, r["sku"], -q))
    if reason == "return":
        returns[r["reference"]].append((r["sku"], q))
    by_time[(r["sku"], r["location"])].append((t, q))
    total[r["sku"]] += q
for key, seq in by_time.items():
    # strictest order: within one timestamp all decreases happen before the increases
    seq.sort(key=lambda x: (x[0], x[1] > 0))
    level = 0
    for t, q in seq:
        level += q
        if not check(level >= 0, "negative stock %s at %s" % (key, t)):
            break
for sku, v in variants.items():
    check(v["qty"] == total[sku], "Variant Inventory Qty of %s: %d vs ledger %d" % (sku, v["qty"], total[sku]))
check(any(r["reference"] == "PO-2026-0001" for r in moves), "PO-2026-0001 missing")
for ref, legs in transfers.items():
    ok = (len(legs) == 2 and legs[0][0] == legs[1][0] and legs[0][1] == legs[1][1]
          and legs[0][2] != legs[1][2] and legs[0][3] == -legs[1][3])
    check(ok, "transfer pair " + ref)
for o in orders.values():
    s = sales.get(o["number"], [])
    if o["status"] in ("shipped", "returned"):
        check(sorted((sku, q) for _, sku, q in s) == sorted((l["sku"], l["q"]) for l in o["lines"]),
              "sales of " + o["number"])
        check(all(t > o["placed"] for t, _, _ in s), "shipped before placed " + o["number"])
    else:
        check(not s, "%s order has sales: %s" % (o["status"], o["number"]))
    if o["status"] == "returned":
        check(sorted(returns.get(o["number"], [])) == sorted((l["sku"], l["q"]) for l in o["lines"]),
              "returns of " + o["number"])
    else:
        check(o["number"] not in returns, "return for non-returned order " + o["number"])
check(set(sales) <= set(orders), "sale for unknown order")
reasons = Counter(r["reason"] for r in moves)
for reason in ("adjustment", "damage", "loss", "found", "transfer_out", "stocktake", "return"):
    check(reasons[reason] > 0, "no %s movements" % reason)

# ---- complaints -----------------------------------------------------------------------
SLA = {"urgent": timedelta(hours=4), "high": timedelta(hours=24), "normal": timedelta(hours=48),
       "low": timedelta(days=5)}
complaints = {}
lines_by_order = {n: {l["sku"] for l in o["lines"]} for n, o in orders.items()}
overdue = soon = 0
for r in data["complaints.csv"]:
    check(r["customer_id"] in customers, "complaint customer")
    if r["order_number"]:
        o = orders.get(r["order_number"])
        if check(o is not None, "complaint order"):
            check(o["customer_id"] == r["customer_id"], "complaint order belongs to another customer " + r["id"])
            if r["sku"]:
                check(r["sku"] in lines_by_order[r["order_number"]], "complaint sku not in order " + r["id"])
            if r["channel"] == "marketplace":
                check(o["channel"] != "web", "marketplace complaint on a web order")
    if r["sku"]:
        check(r["sku"] in variants, "complaint sku")
    opened, due = parse_ts(r["opened_at"]), parse_ts(r["due_at"])
    check(due - opened == SLA.get(r["priority"]), "due_at != opened_at + SLA for " + r["id"])
    check(opened < NOW, "complaint opened after anchor")
    closed = r["status"] in ("resolved", "rejected")
    check(bool(r["resolved_at"]) == closed and bool(r["resolution"]) == closed, "resolution fields " + r["id"])
    if r["resolved_at"]:
        check(opened < parse_ts(r["resolved_at"]) < NOW, "resolved_at " + r["id"])
    if not closed:
        if due < NOW:
            overdue += 1
        elif due < NOW + timedelta(hours=24):
            soon += 1
    check(r["assignee"] in ("", "anna", "ben", "chris", "dana"), "assignee")
    complaints[r["id"]] = dict(r, opened=opened, events=[])
check(len(complaints) >= 60, "fewer than 60 complaints")
for field, values in (("kind", "damaged wrong_item late_delivery missing_item quality negative_review other"),
                      ("channel", "email phone social marketplace review_site"),
                      ("priority", "urgent high normal low"),
                      ("status", "new investigating waiting_for_customer resolved rejected")):
    seen = Counter(c[field] for c in complaints.values())
    check(set(seen) == set(values.split()), "complaint %s coverage %r" % (field, seen))
check(overdue >= 3 and soon >= 3, "overdue %d / due soon %d" % (overdue, soon))
check(any(any(ord(ch) < 32 and ch not in "\n" for ch in c["description"]) for c in complaints.values()),
      "no hostile complaint description")

for r in data["complaint_events.csv"]:
    c = complaints.get(r["complaint_id"])
    if not check(c is not None, "event for unknown complaint"):
        continue
    t = parse_ts(r["at"])
    check(c["opened"] < t < NOW, "event time out of range for complaint " + r["complaint_id"])
    check(r["kind"] in ("note", "status", "assigned", "priority", "settlement"), "event kind")
    c["events"].append((t, r))
for cid, c in complaints.items():
    ev = c["events"]
    check([t for t, _ in ev] == sorted(t for t, _ in ev), "events out of order for " + cid)
    st = [r["detail"] for _, r in ev if r["kind"] == "status"]
    cur = "new"
    for d in st:
        a, b = d.split(" -> ")
        check(a == cur, "status chain broken for %s: %s" % (cid, d))
        cur = b
    check(cur == c["status"], "final status mismatch for " + cid)
    asg = [r["detail"] for _, r in ev if r["kind"] == "assigned"]
    check((asg[-1] if asg else "") == c["assignee"], "assignee mismatch for " + cid)
    pri = [r["detail"] for _, r in ev if r["kind"] == "priority"]
    if pri:
        check(pri[-1].split(" -> ")[1] == c["priority"], "priority mismatch for " + cid)
    if c["resolved_at"]:
        last_status = [t for t, r in ev if r["kind"] == "status"][-1]
        check(last_status == parse_ts(c["resolved_at"]), "resolved_at != final status event for " + cid)
    for _, r in ev:
        if r["kind"] == "settlement":
            kind, arg = r["detail"].split(" ", 1)
            check(kind in ("refund", "voucher", "replacement"), "settlement detail")
            if kind != "replacement":
                cents(arg)

# ---- web sessions -----------------------------------------------------------------------
sess = data["web_sessions.csv"]
check(sess[0]["day"] == "2026-05-20" and sess[-1]["day"] == "2026-11-20" and len(sess) == 185, "session days")
web_orders = sum(1 for o in orders.values() if o["channel"] == "web")
rate = web_orders / sum(int(r["sessions"]) for r in sess)
check(0.015 <= rate <= 0.03, "web conversion %.4f" % rate)

# ---- size -----------------------------------------------------------------------------
size = sum(os.path.getsize(os.path.join(DEMO, n)) for n in os.listdir(DEMO))
check(size < 3 * 1024 * 1024, "demo data larger than 3 MB")

if failures:
    for f in failures[:40]:
        print("FAIL:", f)
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("ok: %d products, %d variants, %d customers, %d orders, %d order lines, %d movements, %d complaints, "
      "conversion %.2f %%, %d bytes" % (len(products), n_var, len(customers), len(orders), len(data["order_lines.csv"]),
                                        len(moves), len(complaints), rate * 100, size))
