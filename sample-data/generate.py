#!/usr/bin/env python3
"""Generate the shopdesk demo shop as CSV files in sample-data/demo/.

Deterministic: a fixed seed and a fixed anchor date (2026-11-20, the "today"
of the data).  Nothing depends on the current time, so re-running produces
byte-identical files.  Money is handled in integer cents throughout.

Usage:  python3 sample-data/generate.py
"""

import csv
import heapq
import math
import os
import random
from datetime import date, datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "demo")

rng = random.Random(20261120)

ANCHOR = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 12, 0, 0)          # anchor date, 12:00Z
START = datetime(2026, 5, 20, 0, 0, 0)          # six months of history
SHOP_NAME = "Nordlicht Outfitters"

BER, HAM, FBA, QUA = "BER", "HAM", "FBA", "QUA"
USERS = ["anna", "ben", "chris", "dana"]


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

def money(cents):
    assert isinstance(cents, int) and cents >= 0, cents
    return "%d.%02d" % (cents // 100, cents % 100)


def ts(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def ds(d):
    return d.strftime("%Y-%m-%d")


def ean13(twelve):
    assert len(twelve) == 12 and twelve.isdigit()
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(twelve))
    return twelve + str((10 - s % 10) % 10)


def pct_of(cents, pct):
    """cents * pct / 100, rounded half up, integers only."""
    return (cents * pct + 50) // 100


def price_ending(euros, r):
    """A shelf price in cents: 24.90, 24.95 or 25.00."""
    x = r.random()
    if x < 0.70:
        return euros * 100 - 10
    if x < 0.85:
        return euros * 100 - 5
    return euros * 100


def poisson(lam, r):
    if lam <= 0:
        return 0
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= r.random()
        if p <= L:
            return k
        k += 1


TRANSLIT = {
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "oe", "å": "aa", "æ": "ae",
    "é": "e", "è": "e", "ê": "e", "à": "a", "â": "a", "ç": "c", "ô": "o",
    "ō": "o", "ū": "u", "ī": "i", "ñ": "n", "ł": "l", "ó": "o", "ś": "s",
    "ż": "z", "ź": "z", "ć": "c", "ń": "n", "ę": "e", "ą": "a", "í": "i",
    "á": "a", "ú": "u", "×": "x", "ï": "i", "î": "i", "ë": "e", "œ": "oe",
}


def ascii_fold(s):
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in TRANSLIT:
            out.append(TRANSLIT[lo])
        elif ord(ch) < 128 and (ch.isprintable()):
            out.append(ch)
        else:
            out.append(" ")
    return "".join(out)


def slug(s):
    s = ascii_fold(s).lower()
    out, dash = [], False
    for ch in s:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def clean_text(s):
    """Text with control and bidi characters removed (for handles/SEO)."""
    bad = set(range(0x00, 0x20)) | set(range(0x7F, 0xA0)) | {
        0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2066, 0x2067, 0x2068, 0x2069}
    out = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\x1b":
            # skip CSI / OSC sequences entirely
            if i + 1 < len(s) and s[i + 1] == "[":
                j = i + 2
                while j < len(s) and not ("@" <= s[j] <= "~"):
                    j += 1
                i = j + 1
                continue
            if i + 1 < len(s) and s[i + 1] == "]":
                j = i + 2
                while j < len(s) and s[j] != "\x07":
                    j += 1
                i = j + 1
                continue
        if ord(ch) not in bad:
            out.append(ch)
        i += 1
    return " ".join("".join(out).split())


def write_csv(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        plain = csv.writer(f, lineterminator="\n")
        quoted = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL)
        plain.writerow(header)
        for row in rows:
            row = ["" if v is None else str(v) for v in row]
            assert len(row) == len(header), (name, row)
            # A bare CR is not quoted by the csv module; quote such rows fully.
            (quoted if any("\r" in v for v in row) else plain).writerow(row)
    return len(rows)


# --------------------------------------------------------------------------
# catalogue
# --------------------------------------------------------------------------

# type, sku code, Shopify product category, price range (EUR), grams range
TYPES = [
    ("Jackets", "JKT", "Apparel & Accessories > Clothing > Outerwear > Coats & Jackets", (89, 329), (380, 1250)),
    ("Shirts", "SHT", "Apparel & Accessories > Clothing > Shirts & Tops", (29, 89), (140, 420)),
    ("Footwear", "BOT", "Apparel & Accessories > Shoes", (89, 239), (600, 1700)),
    ("Backpacks", "BPK", "Luggage & Bags > Backpacks", (39, 229), (250, 2100)),
    ("Tents", "TNT", "Sporting Goods > Outdoor Recreation > Camping & Hiking > Tents", (49, 649), (450, 9000)),
    ("Drinkware", "MUG", "Home & Garden > Kitchen & Dining > Tableware > Drinkware > Mugs", (12, 49), (90, 900)),
    ("Knives", "KNF", "Sporting Goods > Outdoor Recreation > Camping & Hiking > Camping Tools > Multifunction Tools & Knives", (19, 229), (60, 900)),
    ("Socks", "SCK", "Apparel & Accessories > Clothing > Underwear & Socks > Socks", (12, 34), (50, 180)),
    ("Tea", "TEA", "Food, Beverages & Tobacco > Beverages > Tea & Infusions", (7, 32), (50, 260)),
]

V_NLO = "Nordlicht Outfitters"
V_NOR = "Nørrebro Gear"
V_MUE = "Müller & Söhne"
V_FJA = "Fjällvik Apparel"
V_ALP = "Alpenglühen Bergsport"
V_KYO = "Kyōto Chaya 京都茶屋"
V_SEKI = "Seki Hamono 関刃物"
V_BRI = "Brise Marine"
V_HOS = "Høst & Hav"
V_ATE = "Atelier Céramique Lumière"
V_WEI = "Weißwald Socken"
V_TEE = "Teekontor Friesland"
V_GIP = "Gipfel\x1b]0;pwned\x07 Supply"      # hostile: OSC window-title change

VENDOR_POOLS = {
    "Jackets": [V_NLO, V_NLO, V_NOR, V_FJA, V_BRI, V_ALP],
    "Shirts": [V_NLO, V_NLO, V_FJA, V_BRI, V_NOR],
    "Footwear": [V_ALP, V_ALP, V_NLO, V_FJA],
    "Backpacks": [V_NLO, V_NOR, V_ALP],
    "Tents": [V_ALP, V_NLO, V_NOR],
    "Drinkware": [V_HOS, V_ATE, V_MUE, V_NLO],
    "Knives": [V_MUE, V_MUE, V_NLO],
    "Socks": [V_WEI, V_WEI, V_FJA, V_HOS],
    "Tea": [V_TEE, V_TEE, V_NLO],
}

LEAD_TIME = {V_NLO: 14, V_NOR: 10, V_MUE: 12, V_FJA: 14, V_ALP: 10, V_KYO: 35,
             V_SEKI: 42, V_BRI: 12, V_HOS: 9, V_ATE: 21, V_WEI: 7, V_TEE: 5, V_GIP: 14}

H1 = "Trail Mug\x1b[2J 350 ml"                       # ESC clear screen
H3 = "Merino Hiking Socks\r 3-pack"                  # carriage return
H4 = "Fjord Folding Knife\b 8 cm"                    # backspace
H5 = "Aurora Graphic Tee \u202egpj.exe\u202c"         # right-to-left override
H6 = "Mint Tea \u200fNana\u061c Blend"                # RLM + Arabic letter mark

HANDLE_OVERRIDE = {H5: "aurora-graphic-tee"}

TITLES = {
    "Jackets": [
        ("Storm Shell Jacket", None), ("Fjord Down Jacket", V_NOR), ("Harbour Rain Jacket", None),
        ("Ridge Softshell Jacket", V_FJA), ("Lofoten Insulated Parka", V_NOR), ("Tundra Fleece Jacket", None),
        ("Gale Windbreaker", V_NLO), ("Nordkap 3L Hardshell", V_NLO), ("Birkenwald Wool Jacket", V_FJA),
        ("Sørlandet Quilted Vest", V_NOR), ("Polar Night Parka", V_NLO), ("Alpenglühen Hybrid Jacket", V_ALP),
        ("Veste Légère Brume", V_BRI), ("Coastal Anorak", V_BRI), ("Trailhead Light Jacket", None),
        ("Drift Insulated Hoodie", V_FJA),
    ],
    "Shirts": [
        ("Merino Base Layer Tee", None), ("Flannel Check Shirt", None), ("Linen Camp Shirt", None),
        ("Trail Tech Tee", V_NLO), ("Organic Cotton Logo Tee", V_NLO), ("Chambray Work Shirt", None),
        ("Merino Long Sleeve 200", V_FJA), ("Marinière Classique", V_BRI), ("Sun Hoodie UPF 50", None),
        ("Waffle Henley", None), ("Oxford Field Shirt", None), ("Quick-Dry Hiking Shirt", V_NLO),
        ("Piqué Polo Nord", V_BRI), ("Mountain Graphic Tee", V_NLO), (H5, V_NLO),
        ("Hemp Blend Tee", None), ("Thermal Zip Neck", V_FJA), ("Wool Blend Overshirt", None),
        ("Seersucker Short Sleeve Shirt", V_BRI), ("Bergführer Flannel", V_NLO), ("Chemise Lin Côte", V_BRI),
        ("Fjällvik Rugby Shirt", V_FJA),
    ],
    "Footwear": [
        ("Ridge Hiking Boot GTX", None), ("Trail Runner Ultra", None), ("Fjell Leather Boot", None),
        ("Granit Approach Shoe", V_ALP), ("Polarstern Winter Boot", None), ("Wool Camp Slipper", V_FJA),
        ("Alpine Mountaineering Boot", V_ALP), ("Light Hiker Mid", V_NLO), ("Städter Chelsea Boot", None),
        ("Waterproof Trail Shoe", None), ("Sandale Rivière", None), ("Gämse Trek Boot", V_ALP),
        ("Barefoot Trail Shoe", None), ("Ylläs Snow Boot", V_FJA),
    ],
    "Backpacks": [
        ("Summit Daypack 22 L", None), ("Fjord Roll-Top 28 L", V_NOR), ("Trek 45+10 Backpack", None),
        ("Expedition Pack 65 L", V_ALP), ("City Commuter 20 L", V_NOR), ("Hip Pack Lite", None),
        ("Alpine Climbing Pack 35 L", V_ALP), ("Murmel Kids' Daypack", None), ("Travel Duffel 60 L", None),
        ("Hydration Pack 12 L", None), ("Gipfel Daypack 18 L", V_GIP), ("Nørrebro Tote Pack", V_NOR),
        ("Ultralight Stuff Pack 16 L", None), ("Klassik Canvas Rucksack", None), ("Laptop Backpack 26 L", V_NOR),
        ("Bike Pack 18 L", None), ("Lumière Photo Pack", None), ("Waxed Canvas Messenger", V_NOR),
    ],
    "Tents": [
        ("Fjellhytte 2 Tent", None), ("Nordlys 3 Dome Tent", None), ("Ultralight Trekking Tent 1P", V_NLO),
        ("Vidda 4 Tunnel Tent", None), ("Sommerhus 6 Family Tent", V_ALP), ("Bivy Shelter Lite", None),
        ("Tarp 3×3 m", None), ("Geodesic Expedition Tent", V_ALP), ("Strand Beach Shelter", None),
        ("Luft Hammock Tent", None), ("Festival Pop-up Tent", None), ("Solo Trekking Pole Tent", V_NLO),
        ("Polarlys Winter Tent", V_ALP), ("Tent Footprint 2P", None), ("Mesh Inner Tent 2P", None),
        ("Canvas Bell Tent 4 m", V_NOR),
    ],
    "Drinkware": [
        (H1, V_NLO), ("Enamel Camp Mug", V_HOS), ("Double-Wall Tumbler 450 ml", None),
        ("Insulated Bottle 750 ml", V_NLO), ("Titanium Cup 450", V_NLO), ("Café Crème Ceramic Mug", V_ATE),
        ("Petit Espresso Cup Set", V_ATE), ("Fjord Stoneware Mug", V_HOS), ("Collapsible Cup", None),
        ("Thermos Flask 1 L", V_MUE), ("Birch Kuksa Cup", V_HOS), ("Travel French Press", None),
        ("Tea Tumbler with Infuser", None), ("Bergfest Beer Stein", V_MUE), ("Steel Hip Flask", V_MUE),
        ("Wal Kids' Bottle", None), ("Growler 1.9 L", V_NLO), ("Høst Mug Set", V_HOS),
        ("Bol Breton Latte Bowl", V_ATE), ("Glass Bottle 600 ml", None), ("Sports Bottle 500 ml", V_NLO),
        ("Gletscher Ice Cup", None),
    ],
    "Knives": [
        ("Santoku 三徳 Knife 18 cm", V_SEKI), ("Gyuto 牛刀 Chef Knife 21 cm", V_SEKI),
        ("Petty ペティ Knife 13 cm", V_SEKI), (H4, V_NLO), ("Skog Bushcraft Knife", V_NLO),
        ("Taschenmesser Classic", V_MUE), ("Lachs Fillet Knife", V_MUE), ("Multi-Tool 12 Pro", V_NLO),
        ("Rentier Camp Knife", None), ("Spån Whittling Knife", None), ("Kløyv Hatchet", V_NLO),
        ("Whetstone 砥石 1000/6000", V_SEKI), ("Birch Handle Outdoor Knife", None), ("Säge 21 Folding Saw", V_MUE),
    ],
    "Socks": [
        (H3, V_WEI), ("Trail Running Socks", None), ("Wool Ski Socks", None), ("Liner Socks 2-pack", None),
        ("Everyday Crew Socks", None), ("Alpaca Lounge Socks", V_HOS), ("Compression Trek Socks", None),
        ("Summer Ankle Socks 3-pack", None), ("Expedition Heavyweight Socks", V_FJA), ("Bär Kids' Wool Socks", V_WEI),
        ("Cotton Stripe Socks", V_HOS), ("Hygge Bed Socks", V_HOS), ("Waterproof Socks", None),
        ("Trail Toe Socks", None), ("Merino No-Show 2-pack", V_WEI), ("Lodge Boot Socks", None),
        ("Bamboo Socks 3-pack", None), ("Velo Cycling Socks", None), ("Cashmere Blend Socks", V_WEI),
        ("Highland Argyle Socks", None),
    ],
    "Tea": [
        ("Hōjicha 焙じ茶 Tea", V_KYO), ("Sencha 煎茶 Tea", V_KYO), ("Genmaicha 玄米茶 Tea", V_KYO),
        ("Matcha 抹茶 Ceremonial Grade", V_KYO), ("Gyokuro 玉露 Tea", V_KYO), ("Ostfriesen Blend", V_TEE),
        ("Earl Grey Nordlicht", V_NLO), ("Rooibos Vanilla", None), ("Campfire Chai Blend", V_NLO),
        (H6, V_TEE), ("Darjeeling First Flush", V_TEE), ("Assam Breakfast", V_TEE),
        ("Lapsang Campfire", None), ("Chamomile Meadow", None), ("Beerenwald Fruit Tea", V_TEE),
        ("Ginger Lemon Infusion", None), ("Jasmine Pearls", None), ("Winter Punch Tea", V_TEE),
        ("Lemon Myrtle Green Tea", None), ("Alpine Kräutertee", V_TEE),
    ],
}

COLORS = [("Black", "BLK"), ("Navy", "NVY"), ("Forest", "FOR"), ("Sand", "SND"), ("Red", "RED"),
          ("Ochre", "OCH"), ("Grey", "GRY"), ("Petrol", "PET")]
MUG_COLORS = [("White", "WHT"), ("Ochre", "OCH"), ("Forest", "FOR"), ("Blue", "BLU"), ("Black", "BLK")]
SIZE_CODE = {"XS": "XS", "S": "S", "M": "M", "L": "L", "XL": "XL", "XXL": "XXL"}
SIZE_WEIGHT = {"XS": 0.5, "S": 1.0, "M": 2.0, "L": 2.0, "XL": 1.2, "XXL": 0.6,
               "36-38": 1.0, "39-42": 2.0, "43-46": 1.6}

BODY_BITS = {
    "Jackets": ["Windproof and breathable for changeable weather on the coast and in the hills.",
                "Fully taped seams, a helmet-compatible hood and two-way front zip.",
                "Recycled shell fabric with a PFC-free water-repellent finish.",
                "Packs into its own chest pocket.", "Fill power 700 cuin, responsibly sourced down."],
    "Shirts": ["Soft, quick-drying and comfortable from trailhead to town.",
               "Made from organic cotton, garment washed for a lived-in feel.",
               "Merino wool that stays fresh for days on the trail.",
               "Relaxed fit with a chest pocket.", "UPF 50 sun protection."],
    "Footwear": ["Grippy rubber outsole and a supportive heel counter for long days.",
                 "Waterproof membrane keeps your feet dry in wet grass and shallow streams.",
                 "Full-grain leather upper that moulds to your foot.",
                 "Resoleable construction.", "Removable insole with arch support."],
    "Backpacks": ["Padded, ventilated back panel and an adjustable hip belt.",
                  "Roll-top closure keeps your gear dry in heavy rain.",
                  "Laptop sleeve and plenty of small pockets for everyday carry.",
                  "Made from recycled polyester.", "Includes a rain cover."],
    "Tents": ["Freestanding design, pitches in under five minutes.",
              "Two doors and two vestibules give space for boots and packs.",
              "Colour-coded poles and a fly-first pitch keep the inner dry.",
              "Hydrostatic head 3000 mm.", "Includes pegs and a stuff sack."],
    "Drinkware": ["Keeps drinks hot for 8 hours and cold for 24.",
                  "Dishwasher safe and tough enough for the campsite.",
                  "Handmade, every piece is slightly different.",
                  "BPA-free.", "Fits most car cup holders."],
    "Knives": ["Razor-sharp blade with a comfortable, non-slip handle.",
               "Hand-forged in a small family workshop.",
               "Comes with a leather sheath.",
               "Hardness 60 HRC.", "Hand wash only, dry immediately."],
    "Socks": ["Cushioned sole and a seamless toe for blister-free miles.",
              "Merino blend that regulates temperature and resists odour.",
              "Reinforced heel and toe.", "Made in Europe.", "Machine washable at 40 °C."],
    "Tea": ["Loose-leaf tea, carefully selected from small gardens.",
            "A warming cup for cold evenings at the hut.",
            "Steep 2–3 minutes at 80 °C.", "Resealable bag.", "Organic certified."],
}

TYPE_TAGS = {
    "Jackets": ["outerwear", "jacket"], "Shirts": ["shirts", "tops"], "Footwear": ["footwear", "boots"],
    "Backpacks": ["bags", "backpack"], "Tents": ["camping", "tent"], "Drinkware": ["drinkware", "kitchen"],
    "Knives": ["knives", "tools"], "Socks": ["socks", "accessories"], "Tea": ["tea", "food"],
}
EXTRA_TAGS = ["new", "bestseller", "gift", "waterproof", "vegan", "organic", "ultralight",
              "made-in-eu", "limited", "recycled", "winter", "summer"]

# type popularity (relative units per product) and monthly seasonality
TYPE_POP = {"Jackets": 0.9, "Shirts": 1.0, "Footwear": 0.7, "Backpacks": 0.7, "Tents": 0.35,
            "Drinkware": 1.3, "Knives": 0.7, "Socks": 1.6, "Tea": 1.5}
SEASON = {  # month -> factor
    "Jackets": {5: 0.4, 6: 0.35, 7: 0.35, 8: 0.5, 9: 0.9, 10: 1.4, 11: 1.8},
    "Shirts": {5: 1.3, 6: 1.5, 7: 1.5, 8: 1.3, 9: 1.0, 10: 0.8, 11: 0.7},
    "Footwear": {5: 1.0, 6: 1.0, 7: 1.0, 8: 1.0, 9: 1.2, 10: 1.2, 11: 1.1},
    "Backpacks": {5: 1.1, 6: 1.3, 7: 1.3, 8: 1.2, 9: 1.1, 10: 0.9, 11: 0.9},
    "Tents": {5: 1.5, 6: 1.8, 7: 1.8, 8: 1.3, 9: 0.7, 10: 0.4, 11: 0.3},
    "Drinkware": {5: 0.9, 6: 0.9, 7: 0.9, 8: 0.9, 9: 1.0, 10: 1.1, 11: 1.4},
    "Knives": {5: 1.0, 6: 1.0, 7: 1.0, 8: 1.0, 9: 1.0, 10: 1.1, 11: 1.3},
    "Socks": {5: 0.8, 6: 0.7, 7: 0.7, 8: 0.8, 9: 1.0, 10: 1.3, 11: 1.6},
    "Tea": {5: 0.7, 6: 0.6, 7: 0.6, 8: 0.7, 9: 1.0, 10: 1.3, 11: 1.6},
}


class Product:
    pass


class Variant:
    pass


def make_options(typ, title, r):
    """Return list of (option name, [(value, code, weight, price_delta_cents, grams_factor)])."""
    if typ == "Jackets":
        sizes = ["S", "M", "L", "XL"] if r.random() < 0.65 else ["XS", "S", "M", "L", "XL", "XXL"]
        ncol = 1 if r.random() < 0.6 else 2
        cols = r.sample(COLORS, ncol)
        return [("Size", [(s, s, SIZE_WEIGHT[s], 1000 if s == "XXL" else 0, 0.9 + 0.05 * i) for i, s in enumerate(sizes)]),
                ("Color", [(c, cc, 1.5 if i == 0 else 1.0, 0, 1.0) for i, (c, cc) in enumerate(cols)])]
    if typ == "Shirts":
        sizes = ["S", "M", "L", "XL"] if r.random() < 0.75 else ["XS", "S", "M", "L", "XL", "XXL"]
        ncol = 1 if r.random() < 0.75 else 2
        cols = r.sample(COLORS, ncol)
        return [("Size", [(s, s, SIZE_WEIGHT[s], 0, 0.9 + 0.05 * i) for i, s in enumerate(sizes)]),
                ("Color", [(c, cc, 1.5 if i == 0 else 1.0, 0, 1.0) for i, (c, cc) in enumerate(cols)])]
    if typ == "Footwear":
        sizes = list(range(40, 46)) if r.random() < 0.55 else list(range(39, 47))
        if "Slipper" in title or "Sandale" in title:
            sizes = [38, 40, 42, 44, 46]
        w = {38: 0.6, 39: 0.8, 40: 1.2, 41: 1.6, 42: 2.0, 43: 1.9, 44: 1.5, 45: 1.0, 46: 0.6}
        return [("Size", [(f"EU {s}", str(s), w[s], 0, 0.85 + 0.03 * (s - 38)) for s in sizes])]
    if typ == "Backpacks":
        x = r.random()
        if x < 0.45:
            return []
        if x < 0.85:
            cols = r.sample(COLORS, r.choice([2, 2, 3]))
            return [("Color", [(c, cc, 1.5 if i == 0 else 1.0, 0, 1.0) for i, (c, cc) in enumerate(cols)])]
        return [("Volume", [("22 L", "22L", 1.0, 0, 0.9), ("30 L", "30L", 1.0, 2000, 1.1)])]
    if typ == "Tents":
        if r.random() < 0.75 or "Footprint" in title or "Tarp" in title:
            return []
        return [("Capacity", [("2 Person", "2P", 1.4, 0, 0.85), ("3 Person", "3P", 1.0, 6000, 1.15)])]
    if typ == "Drinkware":
        x = r.random()
        if x < 0.45:
            return []
        cols = r.sample(MUG_COLORS, r.choice([2, 2, 3]))
        return [("Color", [(c, cc, 1.4 if i == 0 else 1.0, 0, 1.0) for i, (c, cc) in enumerate(cols)])]
    if typ == "Knives":
        if r.random() < 0.7 or "Whetstone" in title or "Multi" in title:
            return []
        return [("Material", [("Carbon steel", "STL", 1.5, 0, 1.0), ("Damascus", "DMS", 0.8, 4000, 1.05)])]
    if typ == "Socks":
        sizes = [("36-38", "S"), ("39-42", "M"), ("43-46", "L")]
        opts = [("Size", [(s, c, SIZE_WEIGHT[s], 0, 0.9 + 0.1 * i) for i, (s, c) in enumerate(sizes)])]
        if r.random() < 0.12:
            cols = r.sample(COLORS, 2)
            opts.append(("Color", [(c, cc, 1.3 if i == 0 else 1.0, 0, 1.0) for i, (c, cc) in enumerate(cols)]))
        return opts
    if typ == "Tea":
        if r.random() < 0.4:
            return []
        return [("Weight", [("100 g", "100G", 1.6, 0, 1.0), ("250 g", "250G", 1.0, None, 2.4)])]
    raise ValueError(typ)


def build_catalogue():
    products = []
    num = 0
    barcode_seq = 0
    handles = set()
    for typ, code, taxonomy, (pmin, pmax), (gmin, gmax) in TYPES:
        for title, vendor in TITLES[typ]:
            num += 1
            p = Product()
            p.num = num
            p.type = typ
            p.code = code
            p.taxonomy = taxonomy
            p.title = title
            p.clean_title = clean_text(title)
            p.vendor = vendor or rng.choice(VENDOR_POOLS[typ])
            h = HANDLE_OVERRIDE.get(title) or slug(p.clean_title)
            assert h not in handles, h
            handles.add(h)
            p.handle = h
            p.hostile = title != p.clean_title or p.vendor == V_GIP
            # price
            lo, hi = pmin, pmax
            if typ == "Tents" and ("Footprint" in title or "Inner" in title or "Tarp" in title):
                lo, hi = 39, 89
            if typ == "Knives" and title.startswith(("Santoku", "Gyuto", "Petty")):
                lo, hi = 119, 229
            p.base_price = price_ending(rng.randint(lo, hi), rng)
            p.base_grams = rng.randint(gmin, gmax)
            p.margin = rng.randint(35, 65)
            p.options = make_options(typ, title, rng)
            p.pop = min(rng.paretovariate(1.4), 8.0) * TYPE_POP[typ]
            p.tags = list(TYPE_TAGS[typ]) + rng.sample(EXTRA_TAGS, rng.choice([0, 1, 1, 2, 2, 3]))
            p.status = "active"
            p.launch = START - timedelta(days=1)     # sellable from this moment
            p.sell_until = None                      # drafts that were once active
            p.ham = rng.random() < 0.55
            p.amazon = False
            p.ebay = False
            p.compare_pct = None
            p.thin = False
            p.clearance = False
            products.append(p)
    return products


products = build_catalogue()
by_handle = {p.handle: p for p in products}


def pick(pred, n, exclude=()):
    cands = [p for p in products if pred(p) and p.handle not in exclude]
    return rng.sample(cands, n)


taken = set()


def take(pred, n):
    chosen = pick(lambda p: pred(p) and not p.hostile and p.handle not in taken, n)
    for p in chosen:
        taken.add(p.handle)
    return chosen


# reserved for promotions that name them
for h in ("hojicha-tea", "sencha-tea", "genmaicha-tea", "fjord-stoneware-mug", "cafe-creme-ceramic-mug"):
    taken.add(h)

# clearance: products with ordinary margins tagged "clearance" (60 % off pushes them below cost)
for p in take(lambda p: p.type in ("Shirts", "Backpacks", "Footwear", "Tents"), 6):
    p.clearance = True
mug = by_handle["enamel-camp-mug"]
mug.clearance = True
taken.add(mug.handle)
if not mug.options:
    mug.options = [("Color", [("White", "WHT", 1.4, 0, 1.0), ("Ochre", "OCH", 1.0, 0, 1.0)])]
for p in products:
    if p.clearance:
        p.tags = [t for t in p.tags if t not in ("new", "bestseller")] + ["clearance"]
        p.margin = rng.randint(38, 55)
        p.compare_pct = rng.randint(125, 150)

# thin margins (< 25 %): categories not covered by an active percentage promotion
for p in take(lambda p: p.type in ("Backpacks", "Knives", "Tents", "Footwear", "Drinkware"), 5):
    p.thin = True
    p.margin = rng.randint(12, 22)

# tea and jackets keep margins that stay above the 25 % floor under their active promotions
for p in products:
    if p.type == "Tea":
        p.margin = rng.randint(52, 68)
    if p.type == "Jackets":
        p.margin = max(p.margin, 45)

# compare-at prices on some other products
for p in products:
    if p.compare_pct is None and not p.thin and rng.random() < 0.13:
        p.compare_pct = rng.randint(115, 135)

# statuses
for p in take(lambda p: p.type not in ("Tea",), 5):
    p.status = "archived"
once_active = take(lambda p: True, 4)
for p in once_active:
    p.status = "draft"
    p.sell_until = START + timedelta(days=rng.randint(60, 140), hours=rng.randint(8, 16))
never_active = take(lambda p: True, 6)
for p in never_active:
    p.status = "draft"
    p.launch = NOW + timedelta(days=rng.randint(5, 40))
for p in take(lambda p: p.status == "active", 14):
    p.launch = datetime(2026, 7, 1, 8, 0) + timedelta(days=rng.randint(0, 125))
    p.tags = p.tags + (["new"] if "new" not in p.tags else [])
# the Japanese tea discovery promotion needs these three
for h in ("hojicha-tea", "sencha-tea", "genmaicha-tea"):
    assert by_handle[h].status == "active"

# channels
for p in products:
    if p.status == "active":
        p.amazon = rng.random() < 0.44
        p.ebay = rng.random() < 0.28
for h in ("hojicha-tea", "enamel-camp-mug"):
    by_handle[h].amazon = True

# variants
sku_set = set()
variants = []
for p in products:
    p.variants = []
    combos = [[]]
    for name, vals in p.options:
        combos = [c + [v] for c in combos for v in vals]
    for combo in combos:
        v = Variant()
        v.product = p
        v.values = [val[0] for val in combo] if combo else ["Default Title"]
        codes = [val[1] for val in combo]
        v.sku = "NLO-%s-%04d%s" % (p.code, p.num, "".join("-" + c for c in codes))
        assert v.sku not in sku_set
        sku_set.add(v.sku)
        price = p.base_price
        weight = 1.0
        gf = 1.0
        for val in combo:
            weight *= val[2]
            if val[3] is None:          # 250 g tea
                price = price_ending((p.base_price * 22 + 999) // 1000, rng)
            else:
                price += val[3]
            gf *= val[4]
        v.price = price
        v.weight = weight
        v.grams = max(20, int(p.base_grams * gf))
        m = p.margin + (rng.randint(-2, 2) if not p.thin else 0)
        v.cost = v.price * (100 - m) // 100
        v.compare = None
        if p.compare_pct:
            c = v.price * p.compare_pct // 100
            v.compare = (c // 100 + 1) * 100 - 10 if c % 100 else c
            if v.compare <= v.price:
                v.compare = v.price + 500
        p.variants.append(v)
        variants.append(v)

# one variant costs more than it sells for (supplier price increase on a clearance item)
loss_variant = [v for v in mug.variants if v.values[0] == "Ochre"][0]
loss_variant.cost = loss_variant.price * 112 // 100

# barcodes: GS1 Germany style prefix + item reference, valid check digit
for i, v in enumerate(variants):
    v.barcode = ean13("4260751" + "%05d" % (10000 + i * 7))

vweights = {p.handle: [v.weight for v in p.variants] for p in products}

# content-health findings and images
active_plain = [p for p in products if p.status == "active" and not p.hostile and not p.clearance]
health = rng.sample(active_plain, 13)
no_body = health[0:3]
no_image = health[3:7]
long_seo = health[7:10]
no_seo_title = health[10:13]
for p in products:
    bits = BODY_BITS[p.type]
    lead, extra = rng.sample(bits[:3], 2), rng.sample(bits[3:], 2)
    if rng.random() < 0.35:
        p.body = "<p>%s %s</p>\n<ul>\n<li>%s</li>\n<li>%s</li>\n</ul>" % (lead[0], lead[1], extra[0], extra[1])
    else:
        p.body = "<p>%s %s</p>" % (lead[0], extra[0])
    p.seo_title = "%s | %s" % (p.clean_title, SHOP_NAME)
    p.seo_desc = "%s %s" % (p.clean_title + ":", lead[0])
    if len(p.seo_desc) > 155:
        p.seo_desc = p.seo_desc[:150].rsplit(" ", 1)[0] + "…"
    nvar = len(p.variants)
    p.n_images = 1
    if nvar > 1 and rng.random() < 0.3:
        p.n_images = min(nvar, 3)
for p in no_body:
    p.body = ""
for p in no_image:
    p.n_images = 0
for p in long_seo:
    p.seo_desc = ("%s from %s. %s %s Free returns within 30 days, fast shipping from our Berlin warehouse "
                  "and friendly advice from people who actually use this gear outdoors." %
                  (p.clean_title, p.vendor, BODY_BITS[p.type][0], BODY_BITS[p.type][1]))
    assert len(p.seo_desc) > 160
for p in no_seo_title:
    p.seo_title = ""
# extra image-only rows: single-variant products with several pictures
multi = [p for p in products if len(p.variants) == 1 and p.n_images >= 1 and p.status != "archived"]
for p in rng.sample(multi, 4):
    p.n_images = rng.choice([2, 3])
# hostile bodies and tags
h4 = by_handle[slug(clean_text(H4))]
h4.body = "<p>Carbon steel blade\x9b2J with a birch handle.\x7f</p>\n<p>Locks open, fits any pocket.</p>"
h3 = by_handle[slug(clean_text(H3))]
h3.tags = ["socks", "merino\twool", "hiking"]
h5 = by_handle["aurora-graphic-tee"]
h5.tags = ["shirts", "\u2066new\u2069", "\u2067limited\u2069", "\u2068gift\u2069"]
h6 = by_handle[slug(clean_text(H6))]
h6.body = "<p>Moroccan nana mint with \u200fgreen gunpowder tea\u061c.</p>"

# marketplace price overrides (product level, only where all variants share one price)
overrides = {}
single_price = [p for p in products if p.status == "active" and len({v.price for v in p.variants}) == 1 and not p.clearance]
for p in rng.sample([p for p in single_price if p.amazon], 6):
    overrides[(p.handle, "amazon")] = price_ending((p.base_price * 108 + 9999) // 10000, rng)
for p in rng.sample([p for p in single_price if p.ebay], 3):
    overrides[(p.handle, "ebay")] = price_ending((p.base_price * 95 + 9999) // 10000, rng)
for (h, ch), c in overrides.items():
    assert all(c > v.cost for v in by_handle[h].variants)


def unit_price(v, channel):
    return overrides.get((v.product.handle, channel), v.price)


# --------------------------------------------------------------------------
# stock settings (derived from expected demand)
# --------------------------------------------------------------------------

TOTAL_WEEKLY_UNITS = 250.0
wsum = sum(p.pop * v.weight / sum(vweights[p.handle]) for p in products for v in p.variants)
for p in products:
    tot = sum(vweights[p.handle])
    for v in p.variants:
        v.wd = TOTAL_WEEKLY_UNITS * p.pop * v.weight / tot / wsum     # expected units per week
        v.lead = LEAD_TIME[p.vendor]
        v.rp = max(2, math.ceil(v.wd * (v.lead / 7.0 + 1.0)))
        rq = max(5, math.ceil(v.wd * 6))
        v.rq = rq if rq < 20 else (rq + 9) // 10 * 10
        v.settings = p.status == "active" or p.handle in [q.handle for q in never_active]
        v.fba_target = max(3, math.ceil(v.wd * 0.7 * 2.5)) if p.amazon else 0
no_settings = rng.sample([v for v in variants if v.product.status == "active" and not v.product.hostile], 28)
for v in no_settings:
    v.settings = False


# --------------------------------------------------------------------------
# customers
# --------------------------------------------------------------------------

NAMES = {
    "DE": (["Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Sophie", "Maximilian", "Hannah",
            "Jürgen", "Bärbel", "Jörg", "Günther", "Lena", "Tobias", "Katrin", "Stefan", "Sabine", "Moritz"],
           ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
            "Hoffmann", "Koch", "Richter", "Wolf", "Schröder", "Neumann", "Schwarz", "Krüger", "Hartmann",
            "Weiß", "Groß", "Köhler", "Lange", "Braun", "Zimmermann"]),
    "AT": (["Florian", "Katharina", "Sebastian", "Theresa", "Lorenz", "Valentina"],
           ["Gruber", "Huber", "Bauer", "Pichler", "Moser", "Steiner", "Hofer", "Leitner"]),
    "CH": (["Luca", "Noemi", "Reto", "Seraina", "Urs", "Mia"],
           ["Meier", "Keller", "Brunner", "Baumann", "Frei", "Zürcher", "Gerber"]),
    "FR": (["Élodie", "Théo", "Camille", "Léa", "Hugo", "Chloé", "Mathis", "Inès", "François", "Amélie"],
           ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine"]),
    "DK": (["Søren", "Mette", "Rasmus", "Freja", "Mads", "Ida", "Jesper", "Astrid"],
           ["Jørgensen", "Nielsen", "Hansen", "Pedersen", "Christensen", "Møller", "Sørensen", "Thøgersen"]),
    "SE": (["Erik", "Linnéa", "Oskar", "Ebba", "Björn", "Åsa"],
           ["Andersson", "Johansson", "Lindström", "Öberg", "Bergström", "Nyström"]),
    "NL": (["Daan", "Sanne", "Bram", "Femke", "Joost", "Lotte"],
           ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "van den Berg"]),
    "JP": ([("花子", "Hanako"), ("健太", "Kenta"), ("陽菜", "Hina"), ("翔", "Sho"), ("美咲", "Misaki"), ("大輔", "Daisuke")],
           [("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka"), ("渡辺", "Watanabe"), ("伊藤", "Ito")]),
    "PL": (["Zofia", "Jakub", "Małgorzata", "Paweł", "Agnieszka", "Łukasz"],
           ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamiński", "Zieliński"]),
    "IT": (["Giulia", "Marco", "Chiara", "Alessandro", "Francesca"],
           ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"]),
    "GB": (["Oliver", "Amelia", "Harry", "Isla", "George", "Emily"],
           ["Smith", "Jones", "Taylor", "Brown", "Evans", "O'Connor"]),
    "ES": (["Lucía", "Martín", "Sofía", "Álvaro", "Carmen"],
           ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez"]),
}
COUNTRY_WEIGHT = {"DE": 58, "AT": 8, "CH": 5, "FR": 6, "DK": 4, "SE": 3, "NL": 5, "JP": 2, "PL": 3, "IT": 2, "GB": 2, "ES": 2}
CITIES = {
    "DE": [("Berlin", "30"), ("Hamburg", "40"), ("München", "89"), ("Köln", "221"), ("Leipzig", "341"),
           ("Dresden", "351"), ("Freiburg im Breisgau", "761"), ("Düsseldorf", "211"), ("Münster", "251"),
           ("Lübeck", "451"), ("Göttingen", "551"), ("Frankfurt am Main", "69")],
    "AT": [("Wien", "1"), ("Graz", "316"), ("Innsbruck", "512"), ("Salzburg", "662")],
    "CH": [("Zürich", "44"), ("Bern", "31"), ("Genève", "22"), ("Luzern", "41")],
    "FR": [("Paris", "1"), ("Lyon", "4"), ("Grenoble", "4"), ("Nantes", "2"), ("Annecy", "4")],
    "DK": [("København", ""), ("Aarhus", ""), ("Odense", ""), ("Aalborg", "")],
    "SE": [("Stockholm", "8"), ("Göteborg", "31"), ("Malmö", "40"), ("Umeå", "90")],
    "NL": [("Amsterdam", "20"), ("Utrecht", "30"), ("Rotterdam", "10"), ("Groningen", "50")],
    "JP": [("東京", "3"), ("Kyoto", "75"), ("大阪", "6"), ("Sapporo", "11")],
    "PL": [("Warszawa", "22"), ("Kraków", "12"), ("Wrocław", "71"), ("Gdańsk", "58")],
    "IT": [("Milano", "02"), ("Torino", "011"), ("Bolzano", "0471")],
    "GB": [("London", "20"), ("Edinburgh", "131"), ("Manchester", "161")],
    "ES": [("Madrid", "91"), ("Barcelona", "93"), ("Valencia", "96")],
}
CC = {"DE": "49", "AT": "43", "CH": "41", "FR": "33", "DK": "45", "SE": "46", "NL": "31", "JP": "81",
      "PL": "48", "IT": "39", "GB": "44", "ES": "34"}
DOMAINS = ["example.com", "example.org", "example.net"]

customers = []          # dicts; ids assigned at the end (sorted by created_at)
email_seen = set()


def digits(n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def phone_for(country, area):
    cc = CC[country]
    if country == "DE":
        return "+49 %s %s" % (area, digits(7 if len(area) <= 2 else 6))
    if country == "FR":
        return "+33 %s %s %s %s %s" % ((area or "1"), digits(2), digits(2), digits(2), digits(2))
    if country == "DK":
        return "+45 %s %s %s %s" % (digits(2), digits(2), digits(2), digits(2))
    if country == "CH":
        return "+41 %s %s %s %s" % (area, digits(3), digits(2), digits(2))
    if country == "JP":
        return "+81 %s %s %s" % (area, digits(4), digits(4))
    if country == "NL":
        return "+31 %s %s %s" % (area, digits(3), digits(4))
    if country == "GB":
        return "+44 %s %s %s" % (area, digits(4), digits(4))
    return "+%s %s %s %s" % (cc, area, digits(3), digits(4))


def new_customer(created_at):
    country = rng.choices(list(COUNTRY_WEIGHT), weights=list(COUNTRY_WEIGHT.values()))[0]
    firsts, lasts = NAMES[country]
    f, l = rng.choice(firsts), rng.choice(lasts)
    if country == "JP":
        if rng.random() < 0.5:
            name = l[0] + " " + f[0]                 # family name first, in kanji
        else:
            name = f[1] + " " + l[1]
        local = "%s.%s" % (f[1], l[1])
    else:
        name = f + " " + l
        local = "%s.%s" % (f, l)
    local = slug(local).replace("-", ".")
    base = local
    n = 1
    while True:
        dom = DOMAINS[rng.randint(0, 2)]
        email = "%s@%s" % (local, dom)
        if email not in email_seen:
            break
        n += 1
        local = "%s%d" % (base, n if n > 2 else rng.randint(2, 99))
    email_seen.add(email)
    city, area = rng.choice(CITIES[country])
    phone = phone_for(country, area) if rng.random() < 0.8 else ""
    c = {"name": name, "email": email, "phone": phone, "city": city, "country": country,
         "created_at": created_at, "loyal": min(rng.paretovariate(1.5), 8.0), "orders": [],
         "id": None, "signup": False}
    customers.append(c)
    return c


# customers who already existed before the history window
for _ in range(230):
    new_customer(START - timedelta(days=rng.randint(3, 820), minutes=rng.randint(0, 1439)))
# newsletter sign-ups during the window who never ordered
for _ in range(70):
    new_customer(START + timedelta(days=rng.randint(0, 183), minutes=rng.randint(0, 1439)))
for c in customers[230:]:
    c["signup"] = True


# --------------------------------------------------------------------------
# promotions
# --------------------------------------------------------------------------

def P(**kw):
    d = dict(trigger="automatic", code="", scope="shop", scope_value="", min_order=None, ends_at=None,
             paused=False, usage_limit=None, per_customer_limit=None, combines="combines",
             pause_at=None, weight=1.0)
    d.update(kw)
    d["uses"] = 0
    d["customers"] = {}
    return d


promotions = [
    P(name="Welcome: free shipping on your first order", kind="free_shipping", value="", trigger="code",
      code="WELCOME", starts_at=datetime(2026, 1, 1), per_customer_limit=1, weight=3.0),
    P(name="Summer Sale shirts 20 %", kind="percentage", value="20", scope="category", scope_value="Shirts",
      starts_at=datetime(2026, 6, 21), ends_at=datetime(2026, 7, 6), combines="exclusive"),
    P(name="Summer 10 off 60", kind="fixed_amount", value="10.00", trigger="code", code="SUMMER10",
      min_order=6000, starts_at=datetime(2026, 7, 1), ends_at=datetime(2026, 9, 1), weight=2.0),
    P(name="Back to the trail: boots 15 %", kind="percentage", value="15", trigger="code", code="BOOTS15",
      scope="category", scope_value="Footwear", starts_at=datetime(2026, 9, 1), ends_at=datetime(2026, 10, 1), weight=2.0),
    P(name="Nørrebro Gear week", kind="percentage", value="20", trigger="code", code="NORREBRO20",
      scope="vendor", scope_value=V_NOR, starts_at=datetime(2026, 10, 12), ends_at=datetime(2026, 10, 19, 23, 59),
      usage_limit=50, weight=5.0),
    P(name="Mug duo", kind="percentage", value="10", trigger="code", code="MUGDUO", scope="products",
      scope_value="|".join(["fjord-stoneware-mug", "cafe-creme-ceramic-mug", "enamel-camp-mug"]),
      starts_at=datetime(2026, 8, 1), ends_at=datetime(2026, 8, 16), usage_limit=30, weight=8.0),
    P(name="Tea: 3 for 2", kind="buy_x_get_y", value="3for2", scope="category", scope_value="Tea",
      starts_at=datetime(2026, 10, 1)),
    P(name="Clearance 60 % off", kind="percentage", value="60", scope="tag", scope_value="clearance",
      starts_at=datetime(2026, 11, 10), ends_at=datetime(2026, 12, 10, 23, 59), combines="exclusive"),
    P(name="Winter jackets 15 %", kind="percentage", value="15", trigger="code", code="WINTER15",
      scope="category", scope_value="Jackets", starts_at=datetime(2026, 11, 1), ends_at=datetime(2027, 1, 31, 23, 59),
      per_customer_limit=1, weight=3.0),
    P(name="Japanese tea discovery", kind="percentage", value="10", trigger="code", code="JPTEA10",
      scope="products", scope_value="hojicha-tea|sencha-tea|genmaicha-tea", starts_at=datetime(2026, 11, 5),
      ends_at=datetime(2026, 11, 26, 23, 59), usage_limit=100, weight=15.0),
    P(name="Flash sale 30 %", kind="percentage", value="30", trigger="code", code="FLASH30",
      starts_at=datetime(2026, 11, 1), ends_at=datetime(2026, 11, 30, 23, 59), usage_limit=40,
      per_customer_limit=1, combines="exclusive", weight=20.0),
    P(name="Socks: buy 2 get 1", kind="buy_x_get_y", value="buy2get1", trigger="code", code="SOCKS3",
      scope="category", scope_value="Socks", starts_at=datetime(2026, 10, 15), ends_at=datetime(2026, 12, 31, 23, 59),
      paused=True, pause_at=datetime(2026, 11, 12, 9, 30), weight=12.0),
    P(name="Black Week 25 %", kind="percentage", value="25", starts_at=datetime(2026, 11, 23),
      ends_at=datetime(2026, 11, 30, 23, 59), combines="exclusive"),
    P(name="Free shipping week", kind="free_shipping", value="", min_order=3000,
      starts_at=datetime(2026, 12, 1), ends_at=datetime(2026, 12, 8, 23, 59)),
    P(name="Christmas 10 off 75", kind="fixed_amount", value="10.00", trigger="code", code="XMAS10",
      min_order=7500, starts_at=datetime(2026, 12, 1), ends_at=datetime(2026, 12, 24, 23, 59),
      usage_limit=200, per_customer_limit=1),
]
for i, pr in enumerate(promotions):
    pr["id"] = i + 1


def in_scope(pr, p):
    s = pr["scope"]
    if s == "shop":
        return True
    if s == "category":
        return p.type == pr["scope_value"]
    if s == "vendor":
        return p.vendor == pr["scope_value"]
    if s == "tag":
        return pr["scope_value"] in p.tags
    if s == "products":
        return p.handle in pr["scope_value"].split("|")
    raise ValueError(s)


def live(pr, t):
    if t < pr["starts_at"]:
        return False
    if pr["ends_at"] is not None and t >= pr["ends_at"]:
        return False
    if pr["pause_at"] is not None and t >= pr["pause_at"]:
        return False
    if pr["usage_limit"] is not None and pr["uses"] >= pr["usage_limit"]:
        return False
    return True


def compute_discounts(pr, lines, subtotal):
    """Per-line discount cents for promotion pr (None if it does not apply)."""
    if pr["min_order"] is not None and subtotal < pr["min_order"]:
        return None
    idx = [i for i, ln in enumerate(lines) if in_scope(pr, ln["v"].product)]
    if not idx:
        return None
    d = [0] * len(lines)
    kind = pr["kind"]
    if kind == "percentage":
        pct = int(pr["value"])
        for i in idx:
            d[i] = pct_of(lines[i]["unit"] * lines[i]["qty"], pct)
    elif kind == "fixed_amount":
        amount = int(pr["value"].replace(".", ""))
        base = sum(lines[i]["unit"] * lines[i]["qty"] for i in idx)
        amount = min(amount, base)
        given = 0
        for k, i in enumerate(idx):
            if k == len(idx) - 1:
                d[i] = amount - given
            else:
                d[i] = amount * lines[i]["unit"] * lines[i]["qty"] // base
                given += d[i]
    elif kind == "buy_x_get_y":
        units = []
        for i in idx:
            units += [(lines[i]["unit"], i)] * lines[i]["qty"]
        units.sort()
        free = len(units) // 3
        if free == 0:
            return None
        for price, i in units[:free]:
            d[i] += price
    elif kind == "free_shipping":
        pass
    else:
        raise ValueError(kind)
    return d


# --------------------------------------------------------------------------
# event simulation: orders, stock ledger, restocking
# --------------------------------------------------------------------------

onhand = {}
committed = {}
pending_in = {}
moves = []
heap = []
seq = [0]
counters = {"PO": 0, "TR": 0, "ADJ": 0, "DMG": 0, "LOSS": 0, "FND": 0, "QUA": 0}


def nextref(kind):
    counters[kind] += 1
    if kind == "PO":
        return "PO-2026-%04d" % counters[kind]
    return "%s-%04d" % (kind, counters[kind])


def push(at, prio, kind, data):
    seq[0] += 1
    heapq.heappush(heap, (at, prio, seq[0], kind, data))


def move(at, sku, loc, reason, qty, ref, actor):
    assert qty != 0
    key = (sku, loc)
    nh = onhand.get(key, 0) + qty
    assert nh >= 0, (at, sku, loc, reason, qty)
    onhand[key] = nh
    moves.append((at, sku, loc, reason, qty, ref, actor))


def avail(sku, loc):
    return onhand.get((sku, loc), 0) - committed.get((sku, loc), 0)


def workday(dt):
    while dt.weekday() >= 5:
        dt += timedelta(days=1)
    return dt


def receipt_time(day):
    d = workday(datetime(day.year, day.month, day.day))
    return d + timedelta(hours=7, minutes=rng.randint(0, 110), seconds=rng.randint(1, 59))


vendors_in_order = []
for p in products:
    if p.vendor not in vendors_in_order:
        vendors_in_order.append(p.vendor)


def create_po(created, lines_by_vendor, loc):
    """lines_by_vendor: vendor -> [(variant, qty)]; schedules receipts."""
    for vendor in vendors_in_order:
        lines = lines_by_vendor.get(vendor)
        if not lines:
            continue
        ref = nextref("PO")
        lead = LEAD_TIME[vendor]
        arrive = receipt_time(created + timedelta(days=lead))
        for v, q in lines:
            if loc == BER:
                pending_in[v.sku] = pending_in.get(v.sku, 0) + q
            push(arrive, 0, "receipt", (v, loc, q, ref, "ben" if loc == BER else "dana", True))


# initial stock: before the window for the existing catalogue, one PO per vendor and location
initial = {BER: {}, HAM: {}, FBA: {}}
for p in products:
    if p.launch > START:
        continue
    for v in p.variants:
        q_ber = v.rp + v.rq + rng.randint(0, 4)
        initial[BER].setdefault(p.vendor, []).append((v, q_ber))
        if p.ham:
            initial[HAM].setdefault(p.vendor, []).append((v, max(2, math.ceil(v.wd * 4)) + rng.randint(0, 3)))
        if p.amazon:
            initial[FBA].setdefault(p.vendor, []).append((v, v.fba_target + rng.randint(0, 2)))
t0 = datetime(2026, 5, 20, 6, 0, 0)
k = 0
for loc in (BER, HAM, FBA):
    for vendor in vendors_in_order:
        lines = initial[loc].get(vendor)
        if not lines:
            continue
        ref = nextref("PO")
        for v, q in lines:
            k += 1
            move(t0 + timedelta(seconds=k), v.sku, loc, "receipt", q, ref, "import")

# products launched later: a purchase order some weeks before launch
for p in sorted([p for p in products if p.launch > START], key=lambda p: (p.launch, p.num)):
    created = p.launch - timedelta(days=LEAD_TIME[p.vendor] + 3)
    if p.status == "draft":
        created = min(created, NOW - timedelta(days=LEAD_TIME[p.vendor] + 3))
    push(created, 0, "launch_po", p)

# archived products are written off (sold to an outlet) early in the window; one keeps its stock
archived = [p for p in products if p.status == "archived"]
for p in archived[:-1]:
    push(datetime(2026, 6, 12, 10, 15, 0) + timedelta(days=rng.randint(0, 20)), 1, "writeoff", p)

# weekly restock check (Mondays) and FBA inbound shipments (Wednesdays)
d = START
while d < NOW:
    if d.weekday() == 0:
        push(d + timedelta(hours=6), 0, "restock", None)
    if d.weekday() == 2:
        push(d + timedelta(hours=8, minutes=30), 0, "fba", None)
    d += timedelta(days=1)
push(datetime(2026, 9, 1, 6, 0), 0, "ham_prestock", None)
push(datetime(2026, 8, 31, 16, 0, 0), 2, "stocktake", BER)
push(datetime(2026, 10, 30, 15, 0, 0), 2, "stocktake", HAM)

# sprinkled corrections
for kind, n in (("adjustment", 26), ("damage", 30), ("loss", 12), ("found", 9)):
    for _ in range(n):
        day = START + timedelta(days=rng.randint(2, 182))
        at = workday(day) + timedelta(hours=rng.randint(8, 15), minutes=rng.randint(0, 59), seconds=rng.randint(1, 59))
        if at < NOW:
            push(at, 1, "misc", kind)

# order arrival process
HOUR_W = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 3.5, 3.5, 3.5, 4, 4, 3.5, 3.5, 4, 5, 6, 7, 7, 6, 4, 2]
WEEKDAY_F = [1.10, 1.00, 1.00, 0.95, 0.85, 0.80, 1.30]
CHANNEL_W = {"web": 0.58, "amazon": 0.30, "ebay": 0.12}
TOTAL_DAYS = (NOW - START).total_seconds() / 86400.0


def season_level(day):
    x = (day - START).total_seconds() / 86400.0 / TOTAL_DAYS
    bump = 0.18 if datetime(2026, 6, 25) <= day <= datetime(2026, 7, 12) else 0.0
    return 0.72 + 0.95 * x ** 1.6 + bump


days = []
d = START
while d < NOW:
    frac = 0.5 if d.date() == ANCHOR else 1.0
    days.append((d, season_level(d) * WEEKDAY_F[d.weekday()] * frac))
    d += timedelta(days=1)
base = 3420.0 / sum(f for _, f in days)
expected_web = {}
for d, f in days:
    lam = base * f
    expected_web[d.date()] = lam * CHANNEL_W["web"]
    n = poisson(lam, rng)
    hours = list(range(12)) if d.date() == ANCHOR else list(range(24))
    times = []
    for _ in range(n):
        h = rng.choices(hours, weights=[HOUR_W[x] for x in hours])[0]
        times.append(d + timedelta(hours=h, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59)))
    for t in sorted(times):
        if t >= NOW:
            continue
        ch = rng.choices(list(CHANNEL_W), weights=list(CHANNEL_W.values()))[0]
        push(t, 3, "order", ch)

chan_products = {
    "web": [p for p in products if p.status == "active" or p.sell_until is not None],
    "amazon": [p for p in products if p.amazon],
    "ebay": [p for p in products if p.ebay],
}
chan_weights = {ch: [p.pop for p in ps] for ch, ps in chan_products.items()}
MAX_SEASON = {typ: max(m.values()) for typ, m in SEASON.items()}

orders = []
OPEN_CUTOFF = NOW - timedelta(hours=48)


def sellable(p, t):
    if t < p.launch:
        return False
    if p.sell_until is not None and t >= p.sell_until:
        return False
    return p.status == "active" or p.sell_until is not None


def ship_time(placed, channel):
    if channel == "amazon":
        return placed + timedelta(minutes=rng.randint(120, 1200), seconds=rng.randint(0, 59))
    t = placed + timedelta(hours=1)
    day = datetime(t.year, t.month, t.day)
    while True:
        wd = day.weekday()
        batches = [9, 14] if wd < 5 else ([9] if wd == 5 else [])
        for h in batches:
            cand = day + timedelta(hours=h)
            if cand >= t:
                return cand
        day += timedelta(days=1)


def choose_customer(t, channel):
    nxt = len(orders)
    if rng.random() < 0.3 or nxt < 5:
        created = t - timedelta(minutes=rng.randint(1, 20)) if channel == "web" else t
        return new_customer(created), True
    pool = [c for c in customers if c["created_at"] <= t and (c["orders"] or not c["signup"])]
    c = rng.choices(pool, weights=[c["loyal"] for c in pool])[0]
    return c, False


def apply_promotion(order, t, cust, first):
    lines = order["lines"]
    subtotal = sum(ln["unit"] * ln["qty"] for ln in lines)
    best = None
    for pr in promotions:
        if pr["trigger"] != "automatic" or pr["kind"] == "free_shipping" or not live(pr, t):
            continue
        d = compute_discounts(pr, lines, subtotal)
        if d and sum(d) > 0 and (best is None or sum(d) > sum(best[1])):
            best = (pr, d)
    if best is not None:
        pr, d = best
        pr["uses"] += 1
        for ln, x in zip(lines, d):
            ln["discount"] = x
        return None
    cands = []
    for pr in promotions:
        if pr["trigger"] != "code" or not live(pr, t):
            continue
        if pr["per_customer_limit"] is not None and pr["customers"].get(cust["email"], 0) >= pr["per_customer_limit"]:
            continue
        if pr["code"] == "WELCOME" and not first:
            continue
        d = compute_discounts(pr, lines, subtotal)
        if d is None:
            continue
        if pr["kind"] != "free_shipping" and sum(d) == 0:
            continue
        cands.append((pr, d))
    if not cands:
        return None
    targeted = any(c[0]["scope"] != "shop" for c in cands)
    if rng.random() >= (0.4 if targeted else 0.18):
        return None
    pr, d = rng.choices(cands, weights=[c[0]["weight"] for c in cands])[0]
    pr["uses"] += 1
    pr["customers"][cust["email"]] = pr["customers"].get(cust["email"], 0) + 1
    for ln, x in zip(lines, d):
        if pr["kind"] == "free_shipping" or x > 0:
            ln["discount"] = x
            ln["code"] = pr["code"]
    return pr


def place_order(t, channel):
    n_lines = rng.choices([1, 2, 3, 4], weights=[55, 28, 12, 5])[0]
    lines = []
    used = []
    tries = 0
    month = t.month
    tea_promo = [pr for pr in promotions if pr["code"] == "" and pr["kind"] == "buy_x_get_y"][0]
    socks_promo = [pr for pr in promotions if pr["code"] == "SOCKS3"][0]
    while len(lines) < n_lines and tries < 40:
        tries += 1
        p = rng.choices(chan_products[channel], weights=chan_weights[channel])[0]
        if not sellable(p, t):
            continue
        if rng.random() > SEASON[p.type][month] / MAX_SEASON[p.type]:
            continue
        v = rng.choices(p.variants, weights=vweights[p.handle])[0]
        if v.sku in used:
            continue
        if p.type in ("Socks", "Tea", "Drinkware"):
            qty = rng.choices([1, 2, 3], weights=[70, 20, 10])[0]
            if channel == "web" and p.type == "Tea" and live(tea_promo, t) and rng.random() < 0.35:
                qty = 3
            if channel == "web" and p.type == "Socks" and live(socks_promo, t) and rng.random() < 0.3:
                qty = 3
        else:
            qty = 1 if rng.random() < 0.96 else 2
        if channel == "amazon":
            loc = FBA if avail(v.sku, FBA) >= qty else None
        elif avail(v.sku, BER) >= qty:
            loc = BER
        elif avail(v.sku, HAM) >= qty:
            loc = HAM
        else:
            loc = None
        if loc is None:
            continue
        used.append(v.sku)
        lines.append({"v": v, "qty": qty, "loc": loc, "unit": unit_price(v, channel), "discount": 0, "code": ""})
    if not lines:
        return
    cust, first = choose_customer(t, channel)
    order = {"number": "#%d" % (1001 + len(orders)), "placed": t, "channel": channel, "cust": cust,
             "lines": lines, "status": "shipped", "ship": None, "ret": None, "promo": None}
    orders.append(order)
    cust["orders"].append(order)
    for ln in lines:
        key = (ln["v"].sku, ln["loc"])
        committed[key] = committed.get(key, 0) + ln["qty"]
    promo = None
    if channel == "web":
        promo = apply_promotion(order, t, cust, first)
    # shipping charged
    goods = sum(ln["unit"] * ln["qty"] - ln["discount"] for ln in lines)
    if channel == "web":
        if promo is not None and promo["kind"] == "free_shipping":
            ship = 0
        elif goods >= 5900:
            ship = 0
        else:
            ship = 490 if cust["country"] == "DE" else 990
    elif channel == "ebay":
        ship = 490 if goods < 4000 else 0
    else:
        ship = 0
    order["shipping"] = ship
    # fate
    if t < NOW - timedelta(hours=30) and rng.random() < 0.025:
        order["status"] = "cancelled"
        push(t + timedelta(minutes=rng.randint(20, 1200)), 1, "cancel", order)
        return
    if t >= OPEN_CUTOFF:
        order["status"] = "open"
        return
    st = ship_time(t, channel)
    if st >= NOW:
        order["status"] = "open"
        return
    order["ship"] = st
    push(st, 1, "ship", order)


def do_ship(order):
    at = order["ship"]
    for ln in order["lines"]:
        key = (ln["v"].sku, ln["loc"])
        committed[key] -= ln["qty"]
        if ln["loc"] == FBA:
            actor = "import"
        elif ln["loc"] == HAM:
            actor = "dana"
        else:
            actor = "ben" if at.hour < 12 else "chris"
        move(at, ln["v"].sku, ln["loc"], "sale", -ln["qty"], order["number"], actor)
    if rng.random() < 0.055:
        rt = workday(at + timedelta(days=rng.randint(5, 24)))
        rt = datetime(rt.year, rt.month, rt.day, rng.randint(10, 15), rng.randint(0, 59), rng.randint(1, 59))
        if rt < NOW - timedelta(hours=2):
            order["status"] = "returned"
            order["ret"] = rt
            push(rt, 1, "return", order)


quarantined = [0]


def do_return(order):
    at = order["ret"]
    clerk = rng.choice(["chris", "ben"])
    for ln in order["lines"]:
        loc = FBA if ln["loc"] == FBA else BER
        actor = "import" if loc == FBA else clerk
        move(at, ln["v"].sku, loc, "return", ln["qty"], order["number"], actor)
        if rng.random() < 0.18:
            when = at + timedelta(minutes=rng.randint(5, 50))
            quarantined[0] += 1
            if loc == BER and quarantined[0] % 2 == 0:
                # every other damaged return in Berlin waits in quarantine for the supplier's claim
                ref = nextref("QUA")
                move(when, ln["v"].sku, BER, "transfer_out", -1, ref, actor)
                move(when, ln["v"].sku, QUA, "transfer_in", 1, ref, actor)
            else:
                move(when, ln["v"].sku, loc, "damage", -1, order["number"], actor)


def restockable(v, t):
    p = v.product
    return v.settings and p.status == "active" and t >= p.launch - timedelta(days=v.lead)


def do_restock(t):
    po = {}
    for v in variants:
        if not restockable(v, t):
            continue
        proj = avail(v.sku, BER) + pending_in.get(v.sku, 0)
        if proj > v.rp:
            continue
        ham = avail(v.sku, HAM)
        if ham >= 3:
            q = min(ham, max(v.rq // 2, v.rp + 1 - proj))
            ref = nextref("TR")
            at = t + timedelta(hours=1, minutes=rng.randint(0, 50))
            move(at, v.sku, HAM, "transfer_out", -q, ref, "dana")
            move(at, v.sku, BER, "transfer_in", q, ref, "dana")
            proj += q
        if proj <= v.rp:
            q = v.rq
            if proj + q <= v.rp:
                q = v.rp + v.rq - proj
            po.setdefault(v.product.vendor, []).append((v, q))
    create_po(t, po, BER)


def do_fba(t):
    k = 0
    for v in variants:
        p = v.product
        if not p.amazon or t < p.launch or p.status != "active":
            continue
        a = avail(v.sku, FBA)
        if a > v.fba_target // 2:
            continue
        q = min(v.fba_target - a + (1 if t.month >= 10 else 0), avail(v.sku, BER) - 1)
        if q <= 0:
            continue
        k += 1
        ref = nextref("TR")
        at = t + timedelta(seconds=k)
        move(at, v.sku, BER, "transfer_out", -q, ref, "anna")
        move(at, v.sku, FBA, "transfer_in", q, ref, "anna")


def do_ham_prestock(t):
    po = {}
    for v in variants:
        p = v.product
        if p.ham and p.status == "active" and p.type in ("Jackets", "Footwear", "Socks", "Tea") and t >= p.launch:
            po.setdefault(p.vendor, []).append((v, max(3, math.ceil(v.wd * 5))))
    create_po(t, po, HAM)


def do_launch_po(t, p):
    po = {}
    for v in p.variants:
        po.setdefault(p.vendor, []).append((v, v.rp + v.rq))
    create_po(t, po, BER)          # FBA stock follows with the regular Wednesday shipment


def stocked(loc):
    return [v for v in variants if onhand.get((v.sku, loc), 0) > 0]


def do_misc(t, kind):
    locs = [BER, BER, BER, HAM, FBA] if kind in ("damage", "loss") else [BER, BER, HAM, FBA]
    loc = rng.choice(locs)
    cands = stocked(loc)
    if kind == "found":
        cands = [v for v in variants if (v.sku, loc) in onhand]
    if not cands:
        return
    v = rng.choice(cands)
    actor = "import" if loc == FBA else rng.choice(USERS)
    if kind == "adjustment":
        q = rng.choice([-3, -2, -1, -1, 1, 1, 2, 4, 6])
        ref = nextref("ADJ")
    elif kind == "damage":
        q = -1
        ref = nextref("DMG")
    elif kind == "loss":
        q = -rng.choice([1, 1, 2])
        ref = nextref("LOSS")
    else:
        q = rng.choice([1, 1, 2])
        ref = nextref("FND")
    if q < 0 and avail(v.sku, loc) < -q:
        return
    move(t, v.sku, loc, kind, q, ref, actor)


def do_stocktake(t, loc):
    cands = stocked(loc)
    chosen = rng.sample(cands, min(len(cands), 34))
    chosen.sort(key=lambda v: v.sku)
    ref = "ST-%04d-%02d-%s" % (t.year, t.month, loc)
    actor = "chris" if loc == BER else "dana"
    for i, v in enumerate(chosen):
        diff = rng.choice([-2, -1, -1, -1, 1, 1, 2, 3])
        if diff < 0 and avail(v.sku, loc) < -diff:
            continue
        move(t + timedelta(seconds=i), v.sku, loc, "stocktake", diff, ref, actor)


def do_writeoff(t, p):
    ref = nextref("ADJ")
    for i, v in enumerate(p.variants):
        for loc in (BER, HAM, FBA):
            q = onhand.get((v.sku, loc), 0)
            if q > 0:
                move(t + timedelta(seconds=i), v.sku, loc, "adjustment", -q, ref, "anna")


while heap:
    at, prio, _, kind, data = heapq.heappop(heap)
    if at >= NOW:
        continue
    if kind == "receipt":
        v, loc, q, ref, actor, is_po = data
        move(at, v.sku, loc, "receipt", q, ref, actor)
        if loc == BER:
            pending_in[v.sku] = pending_in.get(v.sku, 0) - q
    elif kind == "order":
        place_order(at, data)
    elif kind == "ship":
        do_ship(data)
    elif kind == "cancel":
        for ln in data["lines"]:
            key = (ln["v"].sku, ln["loc"])
            committed[key] -= ln["qty"]
    elif kind == "return":
        do_return(data)
    elif kind == "restock":
        do_restock(at)
    elif kind == "fba":
        do_fba(at)
    elif kind == "ham_prestock":
        do_ham_prestock(at)
    elif kind == "launch_po":
        do_launch_po(at, data)
    elif kind == "misc":
        do_misc(at, data)
    elif kind == "stocktake":
        do_stocktake(at, data)
    elif kind == "writeoff":
        do_writeoff(at, data)
    else:
        raise ValueError(kind)

# the ledger is written sorted by time (stable: simulation order within a timestamp)
moves.sort(key=lambda m: m[0])
assert all(m[0] < NOW for m in moves)

# customer ids: ordered by creation time
customers.sort(key=lambda c: (c["created_at"], c["email"]))
for i, c in enumerate(customers):
    c["id"] = i + 1


# --------------------------------------------------------------------------
# complaints
# --------------------------------------------------------------------------

SLA = {"urgent": timedelta(hours=4), "high": timedelta(hours=24), "normal": timedelta(hours=48),
       "low": timedelta(days=5)}
KINDS = ["damaged", "wrong_item", "late_delivery", "missing_item", "quality", "negative_review", "other"]
CHANNELS = ["email", "phone", "social", "marketplace", "review_site"]
PRIORITIES = ["urgent", "high", "normal", "low"]
STATUSES = ["new", "investigating", "waiting_for_customer", "resolved", "rejected"]

APPAREL = ("Jackets", "Shirts", "Footwear", "Socks")
SOFT = ("Jackets", "Shirts", "Backpacks", "Footwear", "Socks", "Tents")
# subject, description, product types (None = any), channels (None = any), resolution when settled without money
TEXT = {
    "damaged": [
        ("Parcel arrived damaged", "The box was crushed on one side and the {item} inside is dented. Photos attached.",
         None, None, "Customer kept the item after a partial refund was declined; replacement sent."),
        ("{item} broken on arrival", "Hello,\nI just unpacked my order and the {item} is broken.\nCan you send a replacement?\nThanks",
         ("Drinkware", "Knives", "Tents"), None, "Replacement shipped from BER."),
        ("Beschädigte Lieferung", "Das Paket kam völlig durchnässt an, die Verpackung war aufgerissen und der Artikel ({item}) ist verkratzt.",
         None, ("email", "phone"), "Ersatz verschickt, Kundin zufrieden."),
        ("Colis abîmé", "Bonjour,\nle colis est arrivé abîmé et le produit ({item}) est rayé.\nMerci de me proposer une solution.",
         None, ("email",), "Remplacement envoyé, cliente satisfaite."),
        ("Tent pole snapped in transit", "One of the poles of the {item} was snapped when I opened the bag. The box had a hole.",
         ("Tents",), None, "Replacement pole set sent by the vendor."),
    ],
    "wrong_item": [
        ("Wrong size delivered", "I ordered {item} in my usual size but received a different one. I need the right one before my trip next week.",
         APPAREL, None, "Exchanged for the correct size."),
        ("Wrong colour", "The colour I received does not match the order confirmation for {item}.",
         ("Jackets", "Shirts", "Backpacks", "Drinkware"), None, "Exchanged for the ordered colour."),
        ("Wrong product in the box", "Instead of {item} the parcel contained a completely different product.",
         None, None, "Correct item shipped, return label sent for the wrong one."),
        ("Received someone else's order", "Hi,\nthe parcel contained items I never ordered.\nMy order was {item}.\nPlease advise how to send them back.",
         None, ("email", "phone"), "Return label sent, correct order shipped."),
    ],
    "late_delivery": [
        ("Order still not delivered", "My order has been 'in transit' for 9 days now. Tracking has not updated since Leipzig.",
         None, None, "Carrier found the parcel, delivered two days later."),
        ("Where is my parcel?", "Tracking says delivered but nothing arrived. Neighbours have not seen it either.",
         None, None, "Parcel was left at a neighbour two doors down; customer has it."),
        ("Lieferung verspätet", "Die Bestellung sollte vor dem Wochenende ankommen, ist aber immer noch nicht da. Wir fahren am Samstag in die Berge.",
         None, ("email", "phone"), "Paket kam am Freitag an, Kunde informiert."),
        ("配送の遅れについて", "注文した商品がまだ届いていません。追跡番号を教えてください。\nよろしくお願いします。",
         None, ("email",), "Tracking number sent; parcel was held at customs and has been delivered."),
        ("Late delivery on marketplace order", "Buyer message: estimated delivery date passed, asks for tracking.",
         None, ("marketplace",), "Tracking shared with the buyer, delivered the next day."),
    ],
    "missing_item": [
        ("Item missing from parcel", "The parcel only contained part of my order, {item} was missing.",
         None, None, "Missing item shipped separately."),
        ("Only one of two items arrived", "Hello,\nI ordered two items but only one was in the box.\nMissing: {item}.\nRegards",
         None, ("email",), "Missing item shipped separately."),
    ],
    "quality": [
        ("Zip broke after two weeks", "The main zip of my {item} broke after two weeks of normal use.",
         ("Jackets", "Backpacks"), None, "Repaired by the vendor under warranty."),
        ("Seam came apart", "After three hikes the seam on the {item} came apart. I expected better for this price.",
         SOFT, None, "Vendor confirmed a faulty batch; exchanged."),
        ("Reißverschluss kaputt", "Der Reißverschluss am {item} klemmt und ist jetzt ausgerissen. Ich hätte gern Ersatz.",
         ("Jackets", "Backpacks"), ("email", "phone"), "Reparatur über den Hersteller veranlasst."),
        ("Glaze came off in the dishwasher", "The {item} lost most of its glaze after a few runs in the dishwasher although it says dishwasher safe.",
         ("Drinkware",), None, "Exchanged for the newer batch."),
        ("Blade chipped", "The edge of my {item} chipped while cutting vegetables. Is this covered by the warranty?",
         ("Knives",), None, "Blade re-sharpened by the vendor and returned."),
        ("Holes after a month", "My {item} already have holes at the heel after a month.",
         ("Socks",), None, "Exchanged as a goodwill gesture."),
        ("Tea tastes stale", "The {item} I received tastes flat and stale. Best-before date is fine though.",
         ("Tea",), None, "Replaced with a bag from the new harvest."),
        ("Boots leak", "My {item} let water in after an hour in wet grass. They are supposed to be waterproof.",
         ("Footwear",), None, "Vendor tested the pair, membrane faulty; exchanged."),
        ("品質について", "{item}の縫い目がほつれてきました。交換をお願いできますか。",
         SOFT, ("email",), "Exchanged, customer confirmed."),
    ],
    "negative_review": [
        ("1-star review: slow shipping", "Customer left a 1-star review complaining about shipping time and lack of updates.",
         None, ("review_site",), "Answered publicly and privately; review updated to 4 stars."),
        ("Negative review about sizing", "Review says the sizing of {item} runs small and the size chart is wrong.",
         APPAREL, ("review_site", "marketplace"), "Size chart corrected, replied to the review."),
        ("2-star review on marketplace", "\"Product okay, but packaging was excessive and the invoice was missing.\"",
         None, ("marketplace",), "Invoice uploaded, buyer revised the rating."),
        ("Angry post on social media", "Customer posted a photo of a damaged box and tagged us. Several comments already.",
         None, ("social",), "Replied publicly, sent a replacement; customer deleted the post."),
        ("Review mentions rude support", "Review claims our phone support hung up on them.",
         None, ("review_site", "social", "phone", "email"), "Apologised, call recording reviewed with the team."),
    ],
    "other": [
        ("Invoice with VAT ID needed", "Could you please send an invoice with our company VAT ID? Our accounting needs it.",
         None, ("email", "marketplace"), "Sent the corrected invoice."),
        ("Delete my account", "Please delete my customer account and all personal data (GDPR).",
         None, ("email", "phone"), "Account and personal data deleted, confirmation sent."),
        ("Question about warranty", "How long is the warranty on {item} and do you repair items?",
         None, None, "Explained the two-year warranty and the repair service."),
        ("Adresse ändern", "Bitte die Lieferadresse ändern: Straße und Hausnummer sind falsch übernommen worden.",
         None, ("email", "phone"), "Adresse vor dem Versand korrigiert."),
        ("Collaboration request", "Hi! We run an outdoor channel and would love to feature your gear. DM us?",
         None, ("social",), "Forwarded to marketing."),
    ],
}
REJECTIONS = {
    "damaged": "Rejected: the damage was caused by use, not in transit.",
    "wrong_item": "Rejected: the item matches the order; the customer ordered this variant.",
    "late_delivery": "Rejected: the carrier confirms delivery with a signature.",
    "missing_item": "Rejected: parcel weight at dispatch matches the complete order.",
    "quality": "Rejected: inspection found no defect beyond normal wear.",
    "negative_review": "Rejected: the review refers to an order from another shop.",
    "other": "Rejected: request outside our terms.",
}
HOSTILE_DESCRIPTIONS = {
    "damaged": ("Parcel wet and torn, refund now", "Please see photo\x1b[2J\x1b]0;pwned\x07 the box was wet and torn.\r\nI want my money back."),
    "negative_review": ("Review reply needed", "Customer review text: \u202e!tsrow eht si pohs sihT\u202c \u2066see attachment\u2069 \x9b31m"),
}
NOTES = {
    "damaged": ["Asked customer for photos.", "Customer sent photos, damage confirmed.",
                "Filed a damage claim with the carrier.", "Kunde hat Fotos geschickt, Schaden bestätigt."],
    "wrong_item": ["Checked the packing list: picking error in BER.", "Stock checked in BER: correct item available.",
                   "Return label sent to customer."],
    "late_delivery": ["Checked with the carrier, parcel stuck in the hub.", "Opened a trace request with the carrier.",
                      "Called customer, left a voicemail."],
    "missing_item": ["Parcel weight at dispatch checked.", "Asked customer to check the packaging again.",
                     "Checked the packing list."],
    "quality": ["Asked customer for photos.", "Escalated to the vendor.",
                "Vendor confirms a known issue with this batch.", "Customer sent the item back for inspection."],
    "negative_review": ["Replied publicly to the review.", "Contacted the reviewer privately.",
                        "Looked up the order history of the reviewer."],
    "other": ["Forwarded to accounting.", "Called customer back.", "Checked the customer record."],
}


def order_total_line(ln):
    return ln["unit"] * ln["qty"] - ln["discount"]


shipped_orders = [o for o in orders if o["ship"] is not None]


def find_order(opened, kind, marketplace):
    lo, hi = opened - timedelta(days=40), opened - timedelta(days=1)
    if kind == "late_delivery":
        lo = opened - timedelta(days=12)
    cands = [o for o in shipped_orders if lo <= o["ship"] <= hi
             and ((o["channel"] != "web") == marketplace) and (o["ret"] is None or o["ret"] > opened)]
    if not cands:
        cands = [o for o in shipped_orders if o["ship"] <= hi and ((o["channel"] != "web") == marketplace)]
    return rng.choice(cands)


N_COMPLAINTS = 72
status_list = (["new"] * 11 + ["investigating"] * 14 + ["waiting_for_customer"] * 10 +
               ["resolved"] * 30 + ["rejected"] * 7)
rng.shuffle(status_list)
kind_list = KINDS + [rng.choices(KINDS, weights=[18, 10, 16, 8, 16, 12, 6])[0] for _ in range(N_COMPLAINTS - len(KINDS))]
rng.shuffle(kind_list)
prio_list = PRIORITIES + [rng.choices(PRIORITIES, weights=[10, 25, 45, 20])[0] for _ in range(N_COMPLAINTS - 4)]
rng.shuffle(prio_list)
chan_list = CHANNELS + [rng.choices(CHANNELS, weights=[45, 15, 12, 18, 10])[0] for _ in range(N_COMPLAINTS - 5)]
rng.shuffle(chan_list)
# negative reviews live on review sites or social media more often than not
for i, k in enumerate(kind_list):
    if k == "negative_review" and chan_list[i] in ("email", "phone") and rng.random() < 0.7:
        chan_list[i] = rng.choice(["review_site", "social", "marketplace"])

open_targets = {}
open_idx = [i for i, s in enumerate(status_list) if s in ("new", "investigating", "waiting_for_customer")]
for j, i in enumerate(open_idx):
    open_targets[i] = "overdue" if j < 10 else ("soon" if j < 17 else "later")

complaints = []
hostile_left = dict(HOSTILE_DESCRIPTIONS)
for i in range(N_COMPLAINTS):
    kind, channel, prio, status = kind_list[i], chan_list[i], prio_list[i], status_list[i]
    sla = SLA[prio]
    if status in ("resolved", "rejected"):
        opened = datetime(2026, 6, 3, 8) + timedelta(minutes=rng.randint(0, 166 * 24 * 60))
    else:
        target = open_targets[i]
        if target == "overdue":
            due = NOW - timedelta(minutes=rng.randint(60, 6 * 24 * 60))
        elif target == "soon" or sla <= timedelta(hours=20):
            due = NOW + timedelta(minutes=rng.randint(20, min(20 * 60, int(sla.total_seconds() // 60) - 10)))
        else:
            due = NOW + timedelta(minutes=rng.randint(20 * 60, int(sla.total_seconds() // 60) - 10))
        opened = due - sla
    opened = opened.replace(second=0)
    marketplace = channel == "marketplace"
    needs_order = kind not in ("negative_review", "other") or marketplace or rng.random() < 0.5
    order = find_order(opened, kind, marketplace)
    cust = order["cust"]
    if not needs_order:
        order_no, sku = "", ""
        item = order["lines"][0]["v"].product.clean_title
        item_type = order["lines"][0]["v"].product.type
        if kind == "negative_review" and rng.random() < 0.5:
            sku = order["lines"][0]["v"].sku
    else:
        ln = rng.choice(order["lines"])
        order_no, sku = order["number"], ln["v"].sku
        item = ln["v"].product.clean_title
        item_type = ln["v"].product.type
        if kind in ("late_delivery", "other") and rng.random() < 0.5:
            sku = ""
    templates = [t for t in TEXT[kind] if (t[2] is None or item_type in t[2]) and (t[3] is None or channel in t[3])]
    if not templates:
        templates = [t for t in TEXT[kind] if t[2] is None and t[3] is None] or \
                    [t for t in TEXT[kind] if t[2] is None or item_type in t[2]]
    subject, desc, _, _, resolution = rng.choice(templates)
    if kind in hostile_left and channel in ("email", "review_site", "social"):
        subject, desc = hostile_left.pop(kind)
    complaints.append({"kind": kind, "channel": channel, "priority": prio, "status": status,
                       "opened": opened, "due": opened + sla, "cust": cust, "order": order,
                       "order_no": order_no, "sku": sku, "subject": subject.format(item=item),
                       "description": desc.format(item=item), "template_resolution": resolution})
assert not hostile_left, hostile_left

complaints.sort(key=lambda c: (c["opened"], c["kind"]))
events = []
for n, c in enumerate(complaints):
    c["id"] = n + 1
    status = c["status"]
    prio = c["priority"]
    final_assignee = ""
    if status == "new":
        final_assignee = rng.choice(USERS) if rng.random() < 0.4 else ""
    else:
        final_assignee = rng.choice(USERS)
    c["assignee"] = final_assignee
    steps = []
    if final_assignee:
        if status != "new" and rng.random() < 0.15:
            other = rng.choice([u for u in USERS if u != final_assignee])
            steps.append(("assigned", other))
        steps.append(("assigned", final_assignee))
    if status != "new" and rng.random() < 0.25:
        initial = rng.choice([p for p in PRIORITIES if p != prio])
        steps.insert(0 if not steps else 1, ("priority", "%s -> %s" % (initial, prio)))
    if status == "new":
        if rng.random() < 0.3:
            steps.append(("note", rng.choice(NOTES[c["kind"]])))
    else:
        path = ["new", "investigating"]
        if status == "waiting_for_customer":
            path.append("waiting_for_customer")
        elif status in ("resolved", "rejected"):
            if rng.random() < 0.35:
                path += ["waiting_for_customer", "investigating"]
            path.append(status)
        for a, b in zip(path, path[1:]):
            if rng.random() < 0.6:
                steps.append(("note", rng.choice(NOTES[c["kind"]])))
            if b == "resolved" and c["kind"] in ("damaged", "wrong_item", "missing_item", "quality", "late_delivery") \
                    and c["order_no"] and rng.random() < 0.8:
                ln = [l for l in c["order"]["lines"] if l["v"].sku == c["sku"]] or c["order"]["lines"]
                ln = ln[0]
                x = rng.random()
                if x < 0.55:
                    amt = order_total_line(ln)
                    steps.append(("settlement", "refund %s" % money(amt)))
                    c["resolution"] = "Refunded %s EUR to the original payment method." % money(amt)
                elif x < 0.8:
                    steps.append(("settlement", "replacement %s" % ln["v"].sku))
                    c["resolution"] = "Replacement %s sent, customer confirmed receipt." % ln["v"].sku
                else:
                    steps.append(("settlement", "voucher 10.00"))
                    c["resolution"] = "Voucher of 10.00 EUR issued as a goodwill gesture."
            steps.append(("status", "%s -> %s" % (a, b)))
    # timing: the team works 06:00-20:00 UTC every day; customers write at any hour
    if status in ("resolved", "rejected"):
        span = SLA[prio] * rng.uniform(0.3, 2.5) + timedelta(minutes=rng.randint(10, 600))
        end = min(c["opened"] + span, NOW - timedelta(minutes=30)).replace(second=0)
        if not 6 <= end.hour < 20:
            day = end if end.hour >= 20 else end - timedelta(days=1)
            back = datetime(day.year, day.month, day.day, 19, rng.randint(0, 59))
            if back > c["opened"] + timedelta(hours=1):
                end = back
            else:
                day = end if end.hour < 6 else end + timedelta(days=1)
                end = datetime(day.year, day.month, day.day, 6, rng.randint(0, 59))
        c["resolved"] = end
        if "resolution" not in c:
            c["resolution"] = REJECTIONS[c["kind"]] if status == "rejected" else c["template_resolution"]
    else:
        c["resolved"] = None
        c["resolution"] = ""
        end = NOW - timedelta(minutes=rng.randint(5, 90))
        if end < c["opened"] + timedelta(minutes=len(steps) + 2):
            end = NOW - timedelta(minutes=1)
    assert c["opened"] < end < NOW
    # minute offsets after opening that fall into working hours
    slots = []
    m = 1
    span_min = int((end - c["opened"]).total_seconds() // 60)
    while m <= span_min:
        h = (c["opened"] + timedelta(minutes=m)).hour
        if 6 <= h < 20:
            slots.append(m)
        m += 1
    if len(slots) < len(steps) + 1:
        slots = list(range(1, span_min + 1))
    assert len(slots) >= len(steps) + 1, (c["opened"], end, steps)
    if steps:
        if status in ("resolved", "rejected"):
            mins = sorted(rng.sample(slots[:-1], len(steps) - 1)) + [span_min]
        else:
            mins = sorted(rng.sample(slots, len(steps)))
        for (k, detail), m in zip(steps, mins):
            actor = c["assignee"] or rng.choice(USERS)
            if k == "assigned":
                actor = rng.choice(["anna", "dana"])
            events.append((c["id"], c["opened"] + timedelta(minutes=m), actor, k, detail))
events.sort(key=lambda e: (e[0], e[1]))


# --------------------------------------------------------------------------
# write everything
# --------------------------------------------------------------------------

os.makedirs(OUT, exist_ok=True)
counts = {}

counts["shop.csv"] = write_csv("shop.csv", ["key", "value"], [
    ("name", SHOP_NAME), ("currency", "EUR"), ("anchor_date", ds(ANCHOR)),
    ("timezone", "Europe/Berlin"), ("margin_floor_percent", "25")])

counts["locations.csv"] = write_csv("locations.csv", ["code", "name", "kind"], [
    (BER, "Berlin warehouse", "warehouse"), (HAM, "Hamburg warehouse", "warehouse"),
    (FBA, "Amazon FBA Leipzig", "fulfilment"), (QUA, "Berlin quarantine", "damaged")])

counts["channels.csv"] = write_csv("channels.csv", ["code", "name"], [
    ("web", "Web shop"), ("amazon", "Amazon"), ("ebay", "eBay")])

# on-hand at the anchor, per SKU over all locations
qty_total = {}
for at, sku, loc, reason, q, ref, actor in moves:
    qty_total[sku] = qty_total.get(sku, 0) + q

PRODUCT_HEADER = ["Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published",
                  "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
                  "Variant SKU", "Variant Grams", "Variant Inventory Tracker", "Variant Inventory Qty",
                  "Variant Inventory Policy", "Variant Fulfillment Service", "Variant Price",
                  "Variant Compare At Price", "Variant Requires Shipping", "Variant Taxable", "Variant Barcode",
                  "Image Src", "Image Position", "Image Alt Text", "Gift Card", "SEO Title", "SEO Description",
                  "Variant Weight Unit", "Cost per item", "Status"]
rows = []
for p in products:
    opt_names = [o[0] for o in p.options] or ["Title"]
    for vi, v in enumerate(p.variants):
        r = dict.fromkeys(PRODUCT_HEADER, "")
        r["Handle"] = p.handle
        if vi == 0:
            r.update({"Title": p.title, "Body (HTML)": p.body, "Vendor": p.vendor, "Product Category": p.taxonomy,
                      "Type": p.type, "Tags": ", ".join(p.tags), "Published": "true" if p.status == "active" else "false",
                      "Gift Card": "false", "SEO Title": p.seo_title, "SEO Description": p.seo_desc,
                      "Status": p.status})
        for k in range(3):
            if k < len(v.values):
                if vi == 0:
                    r["Option%d Name" % (k + 1)] = opt_names[k]
                r["Option%d Value" % (k + 1)] = v.values[k]
        r.update({"Variant SKU": v.sku, "Variant Grams": v.grams, "Variant Inventory Tracker": "shopify",
                  "Variant Inventory Qty": qty_total.get(v.sku, 0), "Variant Inventory Policy": "deny",
                  "Variant Fulfillment Service": "manual", "Variant Price": money(v.price),
                  "Variant Compare At Price": money(v.compare) if v.compare else "",
                  "Variant Requires Shipping": "true", "Variant Taxable": "true", "Variant Barcode": v.barcode,
                  "Variant Weight Unit": "kg", "Cost per item": money(v.cost)})
        if vi < p.n_images:
            r["Image Src"] = "https://cdn.example.com/nlo/%s-%d.jpg" % (p.handle, vi + 1)
            r["Image Position"] = vi + 1
            r["Image Alt Text"] = p.clean_title if vi == 0 else "%s – %s" % (p.clean_title, " / ".join(v.values))
        rows.append([r[h] for h in PRODUCT_HEADER])
    for img in range(len(p.variants), p.n_images):
        r = dict.fromkeys(PRODUCT_HEADER, "")
        r["Handle"] = p.handle
        r["Image Src"] = "https://cdn.example.com/nlo/%s-%d.jpg" % (p.handle, img + 1)
        r["Image Position"] = img + 1
        r["Image Alt Text"] = "%s – detail" % p.clean_title
        rows.append([r[h] for h in PRODUCT_HEADER])
counts["products.csv"] = write_csv("products.csv", PRODUCT_HEADER, rows)

rows = []
for p in products:
    for ch, listed in (("web", p.status == "active"), ("amazon", p.amazon), ("ebay", p.ebay)):
        ov = overrides.get((p.handle, ch))
        rows.append((p.handle, ch, "listed" if listed else "unlisted", money(ov) if ov else ""))
counts["listings.csv"] = write_csv("listings.csv", ["handle", "channel", "state", "price"], rows)

rows = [(v.sku, v.rp, v.rq, v.lead) for v in variants if v.settings]
counts["stock_settings.csv"] = write_csv("stock_settings.csv", ["sku", "reorder_point", "reorder_quantity", "lead_time_days"], rows)

rows = [(c["id"], c["name"], c["email"], c["phone"], c["city"], c["country"], ts(c["created_at"])) for c in customers]
counts["customers.csv"] = write_csv("customers.csv", ["id", "name", "email", "phone", "city", "country", "created_at"], rows)

rows = [(o["number"], o["cust"]["id"], ts(o["placed"]), o["channel"], o["status"], money(o["shipping"])) for o in orders]
counts["orders.csv"] = write_csv("orders.csv", ["number", "customer_id", "placed_at", "channel", "status", "shipping"], rows)

rows = []
for o in orders:
    for i, ln in enumerate(o["lines"]):
        rows.append((o["number"], i + 1, ln["v"].sku, ln["qty"], money(ln["unit"]), money(ln["discount"]), ln["code"]))
counts["order_lines.csv"] = write_csv("order_lines.csv", ["order_number", "line", "sku", "quantity", "unit_price", "discount", "promotion_code"], rows)

rows = []
for pr in promotions:
    if pr["kind"] == "fixed_amount" or pr["kind"] == "percentage" or pr["kind"] == "buy_x_get_y":
        value = pr["value"]
    else:
        value = ""
    rows.append((pr["id"], pr["name"], pr["kind"], value, pr["trigger"], pr["code"], pr["scope"], pr["scope_value"],
                 money(pr["min_order"]) if pr["min_order"] is not None else "", ts(pr["starts_at"]),
                 ts(pr["ends_at"]) if pr["ends_at"] else "", "true" if pr["paused"] else "false",
                 pr["usage_limit"] if pr["usage_limit"] is not None else "",
                 pr["per_customer_limit"] if pr["per_customer_limit"] is not None else "",
                 pr["combines"], pr["uses"]))
counts["promotions.csv"] = write_csv("promotions.csv", ["id", "name", "kind", "value", "trigger", "code", "scope", "scope_value",
                                                        "min_order", "starts_at", "ends_at", "paused", "usage_limit",
                                                        "per_customer_limit", "combines", "uses"], rows)

rows = [(ts(at), sku, loc, reason, q, ref, actor) for at, sku, loc, reason, q, ref, actor in moves]
counts["stock_movements.csv"] = write_csv("stock_movements.csv", ["at", "sku", "location", "reason", "quantity", "reference", "actor"], rows)

rows = []
for c in complaints:
    rows.append((c["id"], c["cust"]["id"], c["order_no"], c["sku"], c["kind"], c["channel"], c["priority"], c["status"],
                 c["assignee"], ts(c["opened"]), ts(c["due"]), ts(c["resolved"]) if c["resolved"] else "",
                 c["subject"], c["description"], c["resolution"]))
counts["complaints.csv"] = write_csv("complaints.csv", ["id", "customer_id", "order_number", "sku", "kind", "channel", "priority",
                                                        "status", "assignee", "opened_at", "due_at", "resolved_at", "subject",
                                                        "description", "resolution"], rows)

rows = [(cid, ts(at), actor, kind, detail) for cid, at, actor, kind, detail in events]
counts["complaint_events.csv"] = write_csv("complaint_events.csv", ["complaint_id", "at", "actor", "kind", "detail"], rows)

rows = []
for d, f in days:
    lam = expected_web[d.date()]
    rate = rng.uniform(0.018, 0.027)
    rows.append((ds(d.date()), "web", max(1, int(round(lam / rate)))))
counts["web_sessions.csv"] = write_csv("web_sessions.csv", ["day", "channel", "sessions"], rows)

if __name__ == "__main__":
    for name in sorted(counts):
        print("%-22s %6d rows" % (name, counts[name]))
    print("variants: %d, products: %d" % (len(variants), len(products)))
