/// The vocabulary of generated shops: small fixed lists the generator picks from by a seeded
/// hash. Some entries are not ASCII (umlauts, Nordic letters, Polish, CJK) so that a large
/// generated shop exercises the same text paths as a real one.
enum GeneratorWords {
    static let adjectives = [
        "Alpine", "Nordic", "Storm", "Trail", "Fjord", "Birch", "Aurora", "Glacier", "Harbour", "Meadow",
        "Summit", "Coastal", "Bergfest", "Weißwald", "Høst", "Kräuter", "Café", "Łąka", "Sólarfjall", "Nørre",
        "Classic", "Light", "Heavy", "Urban",
    ]
    static let materials = [
        "Merino", "Linen", "Cotton", "Wool", "Bamboo", "Leather", "Canvas", "Down", "Fleece", "Ceramic",
        "Enamel", "Steel", "Oak", "Loden", "Tweed", "Hemp",
    ]
    /// Product types, each with its category and a noun for titles; the category id is the
    /// position in this list plus one.
    static let types: [(type: String, category: String, noun: String)] = [
        ("Jackets", "Apparel > Outerwear", "Jacket"), ("Shirts", "Apparel > Shirts", "Shirt"),
        ("Socks", "Apparel > Socks", "Socks"), ("Footwear", "Apparel > Shoes", "Boot"),
        ("Backpacks", "Luggage > Backpacks", "Backpack"), ("Tents", "Outdoor > Tents", "Tent"),
        ("Drinkware", "Kitchen > Drinkware", "Mug"), ("Tea", "Food > Tea", "Tea"),
        ("Knives", "Outdoor > Tools", "Knife"), ("Hats", "Apparel > Hats", "Beanie"),
        ("Gloves", "Apparel > Gloves", "Gloves"), ("Blankets", "Home > Textiles", "Blanket"),
        ("Lamps", "Outdoor > Lighting", "Lantern"), ("Bottles", "Kitchen > Bottles", "Bottle"),
        ("Scarves", "Apparel > Scarves", "Scarf"), ("Sleeping bags", "Outdoor > Sleeping", "Sleeping Bag"),
    ]
    static let vendors = [
        "Fjällvik Apparel", "Müller & Söhne", "Høst & Hav", "Teekontor Łódź", "Nørrebro Gear", "Atelier Céleste",
        "Weißwald Socks", "Alpenglühen Outdoor", "Nordlicht Basics", "北欧 Design", "Kaffekoppen", "Bergführer & Co",
    ]
    static let tags = [
        "outerwear", "gift", "summer", "winter", "clearance", "new", "bestseller", "organic", "vegan", "recycled",
        "handmade", "limited", "kids", "travel", "camping", "tea-time",
    ]
    static let sizes = ["XS", "S", "M", "L", "XL"]
    static let firstNames = [
        "Anna", "Jürgen", "Søren", "Małgorzata", "José", "Zoë", "Björn", "Élodie", "Øystein", "Chloé", "Lukas", "Mia",
        "Ólafur", "Ingrid", "Paweł", "Aiko",
    ]
    static let lastNames = [
        "Nowak", "Müller", "Jensen", "García", "Dubois", "Øberg", "Schmidt", "Kowalski", "Lindqvist", "Rossi",
        "Van der Berg", "Sørensen", "Weiß", "Hansen", "Łukasik", "Tanaka",
    ]
    static let cities = [
        ("Berlin", "DE"), ("Hamburg", "DE"), ("München", "DE"), ("Wrocław", "PL"), ("København", "DK"),
        ("Malmö", "SE"), ("Zürich", "CH"), ("Wien", "AT"), ("Lyon", "FR"), ("Tromsø", "NO"),
    ]
    static let complaintSubjects = [
        "Where is my parcel?", "Arrived damaged", "Wrong size delivered", "Item missing from the box",
        "Seam came apart after a week", "Jacke kam beschädigt an", "Mauvaise taille reçue", "Angry post on social media",
        "Colour differs from the photo", "Refund not received yet", "Zipper broke", "Tea tastes stale",
    ]
    static let assignees = ["", "anna", "dana", "jonas", "mira"]
}
