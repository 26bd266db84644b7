package io.atspro.resume;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Countries, states and provinces, and the shape of a town's name: what a "City, Country" part of a header is. */
final class Places {

    private static final Set<String> REGIONS = Text.setOf(
            // countries and their usual short forms
            "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan",
            "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "botswana", "brazil", "bulgaria",
            "cambodia", "cameroon", "canada", "chile", "china", "colombia", "costa rica", "croatia", "cuba", "cyprus",
            "czech republic", "czechia", "denmark", "dominican republic", "ecuador", "egypt", "el salvador",
            "estonia", "ethiopia", "finland", "france", "georgia", "germany", "ghana", "greece", "guatemala",
            "honduras", "hong kong", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel",
            "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "korea", "south korea", "s.korea",
            "s. korea", "republic of korea", "kuwait", "latvia", "lebanon", "lithuania", "luxembourg", "malaysia",
            "malta", "mexico", "moldova", "mongolia", "morocco", "mozambique", "myanmar", "nepal", "netherlands",
            "the netherlands", "new zealand", "nicaragua", "nigeria", "north macedonia", "norway", "oman",
            "pakistan", "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania",
            "russia", "rwanda", "saudi arabia", "ksa", "senegal", "serbia", "singapore", "slovakia", "slovenia",
            "south africa", "spain", "sri lanka", "sudan", "sweden", "switzerland", "syria", "taiwan", "tanzania",
            "thailand", "tunisia", "turkey", "türkiye", "uganda", "ukraine", "united arab emirates", "uae", "u.a.e",
            "u.a.e.", "united kingdom", "uk", "u.k.", "england", "scotland", "wales", "united states",
            "united states of america", "usa", "u.s.a", "u.s.a.", "us", "u.s.", "uruguay", "uzbekistan",
            "venezuela", "vietnam", "viet nam", "yemen", "zambia", "zimbabwe",
            // US states and their codes
            "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
            "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
            "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
            "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
            "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
            "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin",
            "wyoming", "district of columbia", "d.c.", "dc",
            "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky",
            "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd",
            "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy",
            // Canadian provinces, Indian and Australian states, other large regions
            "ontario", "quebec", "british columbia", "alberta", "manitoba", "nova scotia", "saskatchewan",
            "on", "qc", "bc", "ab", "maharashtra", "karnataka", "tamil nadu", "kerala", "gujarat", "rajasthan",
            "punjab", "haryana", "uttar pradesh", "west bengal", "telangana", "andhra pradesh", "madhya pradesh",
            "bihar", "odisha", "delhi", "new delhi", "ncr", "new south wales", "nsw", "victoria", "queensland",
            "bavaria", "catalonia", "dubai", "abu dhabi", "sharjah", "metro manila", "europe", "asia", "emea",
            "apac", "latam");
    /** Large cities, which job headers name alone as often as with their region. */
    private static final Set<String> CITIES = Text.setOf(
            "new york city", "nyc", "los angeles", "san francisco", "chicago", "boston", "seattle", "austin",
            "houston", "dallas", "denver", "atlanta", "miami", "phoenix", "philadelphia", "san diego", "san jose",
            "toronto", "vancouver", "montreal", "london", "manchester", "edinburgh", "dublin", "paris", "berlin",
            "munich", "hamburg", "frankfurt", "amsterdam", "rotterdam", "brussels", "zurich", "geneva", "vienna",
            "madrid", "barcelona", "lisbon", "rome", "milan", "stockholm", "oslo", "copenhagen", "helsinki",
            "warsaw", "prague", "budapest", "bucharest", "athens", "istanbul", "moscow", "kyiv", "kiev", "tel aviv",
            "cairo", "lagos", "nairobi", "johannesburg", "cape town", "riyadh", "jeddah", "doha", "muscat",
            "kuwait city", "manama", "karachi", "lahore", "islamabad", "peshawar", "dhaka", "colombo", "kathmandu",
            "mumbai", "navi mumbai", "bombay", "pune", "bangalore", "bengaluru", "chennai", "madras", "hyderabad",
            "kolkata", "calcutta", "ahmedabad", "jaipur", "lucknow", "noida", "gurgaon", "gurugram", "chandigarh",
            "kochi", "cochin", "coimbatore", "madurai", "trichy", "nagpur", "indore", "bhopal", "raipur",
            "visakhapatnam", "patna", "bhubaneswar", "guwahati", "singapore city", "kuala lumpur", "jakarta",
            "bangkok", "manila", "makati", "quezon city", "ho chi minh city", "hanoi", "shanghai",
            "beijing", "shenzhen", "taipei", "seoul", "busan", "tokyo", "osaka", "sydney", "melbourne",
            "brisbane", "perth", "auckland", "sao paulo", "são paulo", "rio de janeiro", "buenos aires",
            "santiago", "lima", "bogota", "bogotá", "mexico city");
    private static final Pattern TOWN = Pattern.compile("\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2}");
    private static final Pattern TOWN_SUFFIX = Pattern.compile("(?i).*\\b(?:city|town|district|county|province)$");
    private static final Pattern PIECES = Pattern.compile("\\s*(?:,|&|/|\\band\\b)\\s*");

    private Places() {
    }


    /** A country, a state or province, or their usual codes ("CA", "U.S.A", "S.Korea"). */
    static boolean isRegion(String text) {
        String key = key(text);
        return REGIONS.contains(key) || REGIONS.contains(key.replaceAll("[.]", ""));
    }

    /** A region, or one of the large cities a header names alone ("Mumbai", "London"). */
    static boolean isRegionOrCity(String text) {
        return isRegion(text) || CITIES.contains(key(text));
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * A place and nothing else: "Mandaluyong, Philippines", "Seoul, S.Korea &amp; LA, U.S.A", "Pasay City". A lone
     * town name without its region cannot be told from a company's and does not count.
     */
    static boolean isPlace(String text) {
        String trimmed = text.strip();
        if (isRegionOrCity(trimmed) || TOWN_SUFFIX.matcher(trimmed).matches() && looksLikeTown(trimmed)) {
            return true;
        }
        String[] pieces = PIECES.split(trimmed);
        boolean region = false;
        int townsBeforeRegion = 0;
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                continue;
            }
            if (isRegionOrCity(piece) || isTownAndRegion(piece)
                    || TOWN_SUFFIX.matcher(piece).matches() && looksLikeTown(piece)) {
                region = true;
                townsBeforeRegion = 0;
            } else if (!looksLikeTown(piece) || ++townsBeforeRegion > 1) {
                return false; // "Acme Labs, Pomona, CA" is a company and its town
            }
        }
        return region;
    }

    /**
     * "B P Marine Academy NAVI MUMBAI", "Omega Enterprises New Delhi": a name with a known place glued to its end
     * loses the place, unless the place is what the name is of ("University of California", "Bank of India").
     */
    static String withoutGluedPlace(String name) {
        String[] words = name.strip().split("\\s+");
        for (int take = Math.min(3, words.length - 2); take >= 1; take--) {
            String tail = String.join(" ", Arrays.copyOfRange(words, words.length - take, words.length));
            String before = words[words.length - take - 1];
            if (isRegionOrCity(tail) && !before.matches("(?i)of|at|in|de|di|du|for|the|,")) {
                return String.join(" ", Arrays.copyOfRange(words, 0, words.length - take));
            }
        }
        return name;
    }

    /** "Kolkata West Bengal", "Pune Maharashtra": a town and its region without a comma. */
    private static boolean isTownAndRegion(String piece) {
        String[] words = piece.strip().split("\\s+");
        for (int i = 1; i < words.length && i <= 3; i++) {
            String town = String.join(" ", Arrays.copyOfRange(words, 0, i));
            String region = String.join(" ", Arrays.copyOfRange(words, i, words.length));
            if (isRegion(region) && looksLikeTown(town)) {
                return true;
            }
        }
        return false;
    }

    /** One to three capitalised words that name no title and no company. */
    static boolean looksLikeTown(String text) {
        String trimmed = text.strip();
        return TOWN.matcher(trimmed).matches() && Vocabulary.titleScore(trimmed) == 0
                && Vocabulary.companyScore(trimmed) == 0 && !Vocabulary.looksLikeInstitution(trimmed);
    }
}
