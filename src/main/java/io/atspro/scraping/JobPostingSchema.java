package io.atspro.scraping;

import static io.atspro.scraping.Normalization.blankToNull;
import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a schema.org JobPosting that every board embedding one reads alike: career pages' JSON-LD and
 * Teamtailor's JSON feed (each item's {@code _jobposting}). Places, pay, employment type, the hiring organisation and
 * the identifier each have several legal shapes (a value or a list, text or an object), handled once here.
 */
final class JobPostingSchema {

    private JobPostingSchema() {
    }

    /**
     * A posting's places.
     *
     * @param raw every place as "City, Region, Country", joined by "; ", or null when none is named
     * @param first the first place, the one the catalog files the posting under
     */
    record Places(String raw, Normalization.Location first) {
    }

    /** A posting's {@code baseSalary}; every field null when it has none. */
    record Pay(BigDecimal min, BigDecimal max, String currency, String interval) {
        static final Pay NONE = new Pay(null, null, null, null);
    }

    /** Every {@code jobLocation} (a Place, a list of them, or bare address text). */
    static Places places(JsonNode jobLocation) {
        List<String> raw = new ArrayList<>();
        Normalization.Location first = null;
        for (JsonNode place : asList(jobLocation)) {
            JsonNode address = place.has("address") ? place.get("address") : place;
            Normalization.Location location;
            if (address.isTextual()) {
                location = Normalization.parseLocation(address.asText());
                raw.add(address.asText().trim());
            } else {
                String city = placeValue(address.get("addressLocality"));
                String country = placeValue(address.get("addressCountry"));
                String region = placeValue(address.get("addressRegion"));
                String countryCode = Normalization.country(country);
                if (region != null && countryCode != null && countryCode.equals(Normalization.countryCode(region))) {
                    region = null; // Teamtailor fills the region of a Polish city with "Poland"
                }
                location = new Normalization.Location(city, region, countryCode);
                List<String> parts = new ArrayList<>();
                for (String s : new String[] {city, region, country}) {
                    if (s != null) {
                        parts.add(s);
                    }
                }
                if (!parts.isEmpty()) {
                    raw.add(String.join(", ", parts));
                }
            }
            if (first == null) {
                first = location;
            }
        }
        return new Places(raw.isEmpty() ? null : String.join("; ", raw),
                first == null ? Normalization.Location.EMPTY : first);
    }

    /** remote|hybrid|onsite from {@code jobLocationType} ("TELECOMMUTE"), else from the places' text. */
    static String arrangement(JsonNode jobLocationType, String locationRaw) {
        List<String> types = new ArrayList<>();
        asList(jobLocationType).forEach(t -> types.add(t.asText()));
        String arrangement = Normalization.workArrangement(types.toArray(String[]::new));
        return arrangement != null ? arrangement : Normalization.workArrangement(locationRaw);
    }

    /** The first recognised of {@code employmentType}'s values ("FULL_TIME", ["CONTRACTOR", "PART_TIME"]). */
    static String employmentType(JsonNode employmentType) {
        List<String> types = new ArrayList<>();
        asList(employmentType).forEach(t -> types.add(t.asText()));
        return Normalization.employmentType(types.toArray(String[]::new));
    }

    /** {@code baseSalary}: a MonetaryAmount whose value is a QuantitativeValue (range or exact) or a bare number. */
    static Pay pay(JsonNode salary) {
        if (salary == null || !salary.isObject()) {
            return Pay.NONE;
        }
        BigDecimal min = null;
        BigDecimal max = null;
        String interval = null;
        String currency = text(salary, "currency");
        JsonNode value = salary.get("value");
        if (value != null && value.isObject()) {
            min = Normalization.decimal(value.get("minValue"));
            max = Normalization.decimal(value.get("maxValue"));
            BigDecimal exact = Normalization.decimal(value.get("value"));
            if (min == null && max == null && exact != null) {
                min = exact;
                max = exact;
            }
            interval = Normalization.salaryInterval(text(value, "unitText"));
            currency = currency != null ? currency : text(value, "currency");
        } else if (value != null) {
            min = Normalization.decimal(value);
            max = min;
        }
        if (interval == null) {
            interval = Normalization.salaryInterval(text(salary, "unitText"));
        }
        return new Pay(min, max, currency, interval);
    }

    /** {@code hiringOrganization}'s name (an Organization or plain text), without the padding boards leave. */
    static String organizationName(JsonNode organization) {
        if (organization == null) {
            return null;
        }
        return organization.isTextual() ? blankToNull(organization.asText()) : text(organization, "name");
    }

    /** {@code identifier}: a PropertyValue's value or plain text. */
    static String identifier(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isObject()) {
            return text(id, "value");
        }
        return blankToNull(id.asText());
    }

    /** iCIMS (and others) put "UNAVAILABLE" in unknown address parts; countries may be {"name": ...} objects. */
    private static String placeValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String v = node.isObject() ? text(node, "name") : blankToNull(node.asText());
        if (v == null || v.equalsIgnoreCase("unavailable") || v.equalsIgnoreCase("n/a")) {
            return null;
        }
        return v;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }
}
