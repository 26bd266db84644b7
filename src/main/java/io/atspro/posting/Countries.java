package io.atspro.posting;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country names and codes: the catalog stores ISO 3166 alpha-2; people type names. */
public final class Countries {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            CODES.put(code.toLowerCase(Locale.ROOT), code);
            CODES.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        CODES.put("usa", "US");
        CODES.put("united states of america", "US");
        CODES.put("u.s.", "US");
        CODES.put("uk", "GB");
        CODES.put("england", "GB");
        CODES.put("scotland", "GB");
    }

    private Countries() {
    }

    /** ISO 3166 alpha-2 for a country name or code, or null if not recognised. */
    public static String code(String value) {
        if (value == null) {
            return null;
        }
        return CODES.get(value.trim().replace("(", "").replace(")", "").toLowerCase(Locale.ROOT));
    }
}
