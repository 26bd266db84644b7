package io.atspro.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.posting.CatalogWriter;
import io.atspro.posting.NormalizedPosting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic, realistic synthetic job postings for the search benchmark.
 *
 * <p>{@link #posting(long)} is a pure function of (seed, index): every posting draws from its own
 * {@link SplittableRandom} seeded with {@code seed ^ mix(index)}, so postings can be produced in any order and in
 * parallel. Companies (names, industries, headquarters) are fixed per seed and chosen with a Zipf-like skew. The
 * vocabularies live in {@code src/test/resources/bench/*.txt}; their weights are what make word frequencies skewed
 * ("engineer", "manager", "senior" are common; "glaciologist" or "Elixir" occur in well under 1% of postings).
 */
public final class PostingGenerator {

    public static final int DEFAULT_COMPANIES = 20_000;
    /** The fixed "now" postings are dated against unless one is passed in; keeps runs reproducible. */
    public static final Instant DEFAULT_NOW = Instant.parse("2025-06-01T00:00:00Z");
    public static final List<String> PLATFORMS = List.of("greenhouse", "lever", "ashby", "jsonld");

    /**
     * One benchmark search: a two-word websearch query plus optional filters (null = no filter).
     *
     * @param kind common|rare
     * @param location a city name
     */
    public record BenchQuery(String kind, String q, String location, Boolean remote, String employmentType,
            Integer minSalary, String company) {
    }

    private static final double[] PLATFORM_CUMULATIVE = {0.45, 0.75, 0.95, 1.0};
    private static final long DAY_SECONDS = 86_400L;
    private static final int POSTED_WINDOW_DAYS = 120;
    private static final int MIN_DESCRIPTION = 800;
    private static final int MAX_DESCRIPTION = 2500;
    /** Zipf exponent and offset for the company of a posting: rank k has weight 1 / (k + OFFSET)^EXPONENT. */
    private static final double ZIPF_EXPONENT = 1.0;
    private static final double ZIPF_OFFSET = 3.0;

    /** Two-word queries whose words are frequent in the generated text (each in well over 2% of postings). */
    private static final String[] COMMON_QUERIES = {
        "senior engineer", "software engineer", "product manager", "data scientist", "account executive",
        "data engineer", "backend engineer", "engineering manager", "data analyst", "project manager",
        "senior manager", "customer success", "sales manager", "marketing manager", "senior analyst",
        "registered nurse", "python engineer", "remote engineer", "senior designer", "sales representative",
        "financial analyst", "operations manager", "customer support", "senior software", "kubernetes engineer",
        "sql analyst", "remote manager", "java engineer", "full time", "team lead"};
    private static final String[] RARE_TECH_PARTNERS = {"engineer", "backend", "remote", "senior", "platform",
        "engineering", "software", "services"};

    private static final Vocabulary VOCABULARY = Vocabulary.load();

    private final long seed;
    private final Instant now;
    private final Company[] companies;
    private final Sampler companySampler;

    public PostingGenerator(long seed) {
        this(seed, DEFAULT_COMPANIES, DEFAULT_NOW);
    }

    public PostingGenerator(long seed, int companies) {
        this(seed, companies, DEFAULT_NOW);
    }

    public PostingGenerator(long seed, int companies, Instant now) {
        if (companies < 1) {
            throw new IllegalArgumentException("companies must be positive");
        }
        this.seed = seed;
        this.now = now;
        this.companies = VOCABULARY.companies(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL),
                companies);
        double[] weights = new double[companies];
        for (int k = 0; k < companies; k++) {
            weights[k] = 1.0 / Math.pow(k + ZIPF_OFFSET, ZIPF_EXPONENT);
        }
        this.companySampler = new Sampler(weights);
    }

    // ------------------------------------------------------------------------------------------------ postings

    /** The board platform of posting {@code index}: greenhouse ~45%, lever ~30%, ashby ~20%, jsonld ~5%. */
    public String platform(long index) {
        return PLATFORMS.get(platformIndex(random(index).nextDouble()));
    }

    /** Name of the company of Zipf rank {@code rank} (0 = the biggest employer). */
    public String companyName(int rank) {
        return companies[rank].name;
    }

    public int companyCount() {
        return companies.length;
    }

    public NormalizedPosting posting(long index) {
        SplittableRandom r = random(index);
        int platform = platformIndex(r.nextDouble()); // first draw, shared with platform(index)
        Company company = companies[companySampler.pick(r)];
        Industry industry = VOCABULARY.industries[company.industry];
        Role role = VOCABULARY.roles[industry.roleSampler.pick(r)];
        Family family = role.family;

        String employmentType = employmentType(r, family);
        String arrangement = workArrangement(r, family);

        // ---- location
        City city = null;
        Country country;
        String locationRaw;
        String state = null;
        if ("remote".equals(arrangement)) {
            country = r.nextDouble() < 0.8 ? company.hq.country : VOCABULARY.us;
            double d = r.nextDouble();
            if (d < 0.06) {
                locationRaw = r.nextBoolean() ? "Anywhere" : "Remote - EMEA";
                country = null;
            } else if (d < 0.45) {
                locationRaw = "Remote - " + country.remoteLabel;
            } else if (d < 0.65) {
                locationRaw = "Remote (" + country.remoteLabel + ")";
            } else if (d < 0.85) {
                locationRaw = "Remote, " + country.name;
            } else {
                locationRaw = "Remote";
            }
        } else {
            city = r.nextDouble() < 0.55 ? company.hq : VOCABULARY.cities[VOCABULARY.citySampler.pick(r)];
            country = city.country;
            boolean withRegion = city.country != VOCABULARY.us && r.nextDouble() < 0.3;
            locationRaw = withRegion ? city.rawWithRegion : city.raw;
            if (withRegion || city.country == VOCABULARY.us || city.country == VOCABULARY.ca) {
                state = city.state;
            }
            if ("hybrid".equals(arrangement) && r.nextDouble() < 0.1) {
                locationRaw = locationRaw + " (Hybrid)";
            }
        }

        // ---- title and level
        double level;
        String titleCore;
        boolean intern = "internship".equals(employmentType);
        boolean exec = false;
        int years;
        if (intern) {
            titleCore = family.intern;
            level = 0.45;
            years = 0;
        } else if (role.ladder != Ladder.RARE && r.nextDouble() < 0.035) {
            exec = true;
            double d = r.nextDouble();
            if (d < 0.45) {
                titleCore = "Head of " + family.exec;
                level = 1.9;
            } else if (d < 0.85) {
                titleCore = "Director of " + family.exec;
                level = 2.0;
            } else {
                titleCore = "VP of " + family.exec;
                level = 2.5;
            }
            years = 8 + r.nextInt(5);
        } else {
            Level l = role.ladder.pick(r);
            titleCore = l.prefix.isEmpty() ? role.title : l.prefix + role.title;
            level = l.salaryFactor;
            years = l.minYears + r.nextInt(3);
        }
        String title = titleCore;
        if (!intern && !exec && role.suffixes != null && r.nextDouble() < 0.2) {
            title = title + role.suffixes[r.nextInt(role.suffixes.length)];
        }
        if ("remote".equals(arrangement) && r.nextDouble() < 0.2) {
            title = title + " (Remote)";
        } else if (intern && r.nextDouble() < 0.4) {
            title = title + " - Summer " + (now.atZone(ZoneOffset.UTC).getYear() + 1);
        }

        // ---- salary
        BigDecimal salaryMin = null;
        BigDecimal salaryMax = null;
        String currency = null;
        String interval = null;
        boolean usLike = country == VOCABULARY.us || country == null;
        if (country != null && r.nextDouble() < (usLike ? 0.69 : 0.46)) {
            double usd = role.salary * level * (city != null ? city.cost : 1.0) * (0.9 + 0.2 * r.nextDouble());
            double local = usd * country.salaryFactor;
            currency = country.currency;
            boolean hourlyType = intern || "contract".equals(employmentType) || "part_time".equals(employmentType)
                    || "temporary".equals(employmentType);
            if ((hourlyType && r.nextDouble() < 0.75) || (family.hourly && r.nextDouble() < 0.45)) {
                interval = "hour";
                double hourly = local / 2080.0 * ("contract".equals(employmentType) ? 1.3 : 1.0);
                long low = Math.max(1, Math.round(hourly * 0.92 * 2));
                long high = r.nextDouble() < 0.08 ? low : Math.max(low, Math.round(hourly * 1.15 * 2));
                salaryMin = BigDecimal.valueOf(low * 5, 1);
                salaryMax = BigDecimal.valueOf(high * 5, 1);
            } else if (country != VOCABULARY.us && r.nextDouble() < 0.06) {
                interval = "month";
                long step = country.salaryFactor >= 20 ? 1000 : 100;
                long low = roundTo(local / 12 * 0.9, step);
                salaryMin = BigDecimal.valueOf(low);
                salaryMax = BigDecimal.valueOf(Math.max(low, roundTo(local / 12 * 1.2, step)));
            } else {
                interval = "year";
                long step = country.salaryFactor >= 20 ? 10_000 : 1000;
                long low = roundTo(local * 0.88, step);
                salaryMin = BigDecimal.valueOf(low);
                salaryMax = BigDecimal.valueOf(Math.max(low + step, roundTo(local * (1.12 + 0.23 * r.nextDouble()),
                        step)));
            }
        }

        String description = new DescriptionWriter(r, company, industry, role, titleCore, years).write(arrangement,
                city != null ? city.name : null, country, salaryMin, salaryMax, interval);

        long ageSeconds = (long) (Math.min(r.nextDouble(), r.nextDouble()) * POSTED_WINDOW_DAYS * DAY_SECONDS);
        Instant postedAt = now.minusSeconds(ageSeconds);

        // ---- ids and urls
        String externalId;
        String sourceUrl;
        String applyUrl;
        switch (platform) {
            case 0 -> {
                externalId = Long.toString(4_000_000_000L + index * 3 + r.nextInt(3));
                sourceUrl = "https://boards.greenhouse.io/" + company.slug + "/jobs/" + externalId;
                applyUrl = sourceUrl;
            }
            case 1 -> {
                externalId = uuid(index, 0x4C65766572L);
                sourceUrl = "https://jobs.lever.co/" + company.slug + "/" + externalId;
                applyUrl = sourceUrl + "/apply";
            }
            case 2 -> {
                externalId = uuid(index, 0x41736862794CL);
                sourceUrl = "https://jobs.ashbyhq.com/" + company.slug + "/" + externalId;
                applyUrl = sourceUrl + "/application";
            }
            default -> {
                externalId = "JR-" + (100_000 + index);
                sourceUrl = "https://careers." + company.slug + ".com/jobs/" + externalId;
                applyUrl = sourceUrl + "/apply";
            }
        }
        Map<String, String> metadata = new HashMap<>(4);
        metadata.put("platform", PLATFORMS.get(platform));
        metadata.put("department", family.team);

        return new NormalizedPosting(externalId, title, company.name, locationRaw, city != null ? city.name : null,
                state, country != null ? country.code : null, arrangement, employmentType, salaryMin, salaryMax,
                currency, interval, description, postedAt, applyUrl, sourceUrl, metadata);
    }

    private SplittableRandom random(long index) {
        return new SplittableRandom(seed ^ mix(index));
    }

    /** SplitMix64's finalizer: a bijection, so distinct indices give distinct random streams. */
    static long mix(long z) {
        z = (z + 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int platformIndex(double d) {
        int i = 0;
        while (d >= PLATFORM_CUMULATIVE[i]) {
            i++;
        }
        return i;
    }

    private static String employmentType(SplittableRandom r, Family family) {
        double d = r.nextDouble();
        if (family.hourly) {
            return d < 0.62 ? "full_time" : d < 0.84 ? "part_time" : d < 0.89 ? "contract" : d < 0.94 ? "temporary"
                    : d < 0.96 ? "internship" : null;
        }
        return d < 0.84 ? "full_time" : d < 0.92 ? "contract" : d < 0.94 ? "part_time" : d < 0.97 ? "internship"
                : d < 0.98 ? "temporary" : null;
    }

    private static String workArrangement(SplittableRandom r, Family family) {
        double d = r.nextDouble();
        if (family.remote) {
            return d < 0.34 ? "remote" : d < 0.66 ? "hybrid" : d < 0.95 ? "onsite" : null;
        }
        return d < 0.02 ? "remote" : d < 0.06 ? "hybrid" : d < 0.94 ? "onsite" : null;
    }

    private static long roundTo(double value, long step) {
        return Math.max(step, Math.round(value / step) * step);
    }

    /**
     * A UUID-looking id (version 4, RFC 4122 variant) unique per index: the low 62 bits are a bijection of the index
     * (multiplication by an odd constant), the rest is noise.
     */
    private String uuid(long index, long salt) {
        long hi = (mix(seed ^ salt ^ index) & 0xFFFFFFFFFFFF0FFFL) | 0x4000L;
        long lo = 0x8000000000000000L | (((index * 0x9E3779B97F4A7C15L) ^ mix(seed + salt)) & 0x3FFFFFFFFFFFFFFFL);
        char[] c = new char[36];
        hex(hi >>> 32, 8, c, 0);
        c[8] = '-';
        hex(hi >>> 16, 4, c, 9);
        c[13] = '-';
        hex(hi, 4, c, 14);
        c[18] = '-';
        hex(lo >>> 48, 4, c, 19);
        c[23] = '-';
        hex(lo, 12, c, 24);
        return new String(c);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void hex(long value, int digits, char[] out, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    /**
     * Writes postings 0..count-1 through the service's own {@link CatalogWriter}: one source per
     * platform ({@code <boardPrefix>-<platform>}), {@code batch} postings of one platform per batch and transaction.
     */
    public void writeTo(Connection c, int count, int batch, String boardPrefix) throws Exception {
        CatalogWriter writer = new CatalogWriter(new ObjectMapper(), 0.5);
        Map<String, UUID> sources = new HashMap<>();
        for (String platform : PLATFORMS) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO scrape_sources (platform, board, "
                    + "company_name) VALUES (?, ?, ?) RETURNING id")) {
                st.setString(1, platform);
                st.setString(2, boardPrefix + "-" + platform);
                st.setString(3, boardPrefix + " " + platform);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    sources.put(platform, rs.getObject(1, UUID.class));
                }
            }
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Map<String, List<NormalizedPosting>> pending = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String platform = platform(i);
            List<NormalizedPosting> postings = pending.computeIfAbsent(platform, k -> new ArrayList<>());
            postings.add(posting(i));
            if (postings.size() == batch) {
                writer.write(c, sources.get(platform), platform, postings, now, false);
                c.commit();
                postings.clear();
            }
        }
        for (Map.Entry<String, List<NormalizedPosting>> rest : pending.entrySet()) {
            if (!rest.getValue().isEmpty()) {
                writer.write(c, sources.get(rest.getKey()), rest.getKey(), rest.getValue(), now, false);
                c.commit();
            }
        }
        c.setAutoCommit(autoCommit);
    }

    // ------------------------------------------------------------------------------------------------ queries

    /**
     * {@code n} benchmark queries, alternating common and rare. Rare queries pair a rare vocabulary term (a rare job
     * title such as "glaciologist" or a rarely named technology such as "elixir") with a word that occurs in the same
     * postings; roughly half of all queries carry one filter or more.
     */
    public List<BenchQuery> queries(int n) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5175657269657351L);
        List<BenchQuery> out = new ArrayList<>(n);
        List<RareTerm> rare = VOCABULARY.rareTerms;
        for (int i = 0; i < n; i++) {
            String kind;
            String q;
            if (i % 2 == 0) {
                kind = "common";
                q = COMMON_QUERIES[r.nextInt(COMMON_QUERIES.length)];
            } else {
                kind = "rare";
                RareTerm term = rare.get(r.nextInt(rare.size()));
                q = term.word + " " + term.partners[r.nextInt(term.partners.length)];
            }
            String location = null;
            Boolean remote = null;
            String employmentType = null;
            Integer minSalary = null;
            String company = null;
            double d = r.nextDouble();
            if (d < 0.2) {
                location = VOCABULARY.cities[VOCABULARY.citySampler.pick(r)].name;
            } else if (d < 0.35) {
                remote = r.nextDouble() < 0.85;
            }
            if (r.nextDouble() < 0.1) {
                double t = r.nextDouble();
                employmentType = t < 0.7 ? "full_time" : t < 0.9 ? "contract" : "part_time";
            }
            if (r.nextDouble() < 0.15) {
                minSalary = 50_000 + 10_000 * r.nextInt(16);
            }
            if (r.nextDouble() < 0.07) {
                company = companies[companySampler.pick(r)].name;
            }
            out.add(new BenchQuery(kind, q, location, remote, employmentType, minSalary, company));
        }
        return out;
    }

    /** The rare query words (lower case), each with the words it is paired with in {@link #queries(int)}. */
    public static Map<String, List<String>> rareTerms() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        VOCABULARY.rareTerms.forEach(t -> out.put(t.word, List.of(t.partners)));
        return out;
    }

    // ------------------------------------------------------------------------------------------------ descriptions

    /** Assembles one description: company intro, role intro, bullet sections, arrangement, pay, benefits, EEO. */
    private static final class DescriptionWriter {
        private final SplittableRandom r;
        private final Company company;
        private final Industry industry;
        private final Role role;
        private final String title;
        private final String years;
        private final StringBuilder sb = new StringBuilder(2700);

        DescriptionWriter(SplittableRandom r, Company company, Industry industry, Role role, String title, int years) {
            this.r = r;
            this.company = company;
            this.industry = industry;
            this.role = role;
            this.title = title;
            this.years = Integer.toString(Math.max(1, years));
        }

        String write(String arrangement, String cityName, Country country, BigDecimal min, BigDecimal max,
                String interval) {
            Vocabulary v = VOCABULARY;
            Family f = role.family;
            expand(pick(v.about));
            int mission = r.nextInt(industry.missions.length);
            sb.append(' ').append(industry.missions[mission]).append('.');
            if (r.nextBoolean()) {
                int second = (mission + 1 + r.nextInt(industry.missions.length - 1)) % industry.missions.length;
                sb.append(' ').append(industry.missions[second]).append('.');
            }
            sb.append("\n\n");
            expand(pick(v.roleIntros));
            if (r.nextDouble() < 0.5) {
                sb.append(' ');
                expand(f.dos[r.nextInt(f.dos.length)]);
                sb.append(" is a big part of the job.");
            }

            bullets(pick(v.headingDo), f.dos, 4 + r.nextInt(4));
            bullets(pick(v.headingReq), f.reqs, 3 + r.nextInt(4));

            int mark = sb.length();
            boolean rareTech = f.key.equals("eng") && r.nextDouble() < 0.03;
            if (rareTech || r.nextDouble() < 0.6) {
                bullets(pick(v.headingNice), f.nices, 1 + r.nextInt(3));
                if (rareTech) {
                    sb.append("\n- Experience with ").append(pick(v.rareTech));
                }
                undoIfTooLong(mark);
            }

            sb.append("\n\n");
            if ("remote".equals(arrangement)) {
                String where = country != null ? country.name : "any time zone between UTC-5 and UTC+3";
                switch (r.nextInt(3)) {
                    case 0 -> sb.append("This is a fully remote position open to candidates in ").append(where)
                            .append('.');
                    case 1 -> sb.append("You can work remotely from anywhere in ").append(where)
                            .append("; we meet in person a few times a year.");
                    default -> sb.append("This role is remote. Our team is distributed across ").append(where)
                            .append(" and works asynchronously.");
                }
            } else if ("hybrid".equals(arrangement)) {
                sb.append("This is a hybrid role based in our ").append(cityName).append(" office, with ")
                        .append(r.nextBoolean() ? "two" : "three").append(" days a week on site.");
            } else {
                sb.append(r.nextBoolean() ? "This position is based on site in " : "You will work from our location in ")
                        .append(cityName).append('.');
            }

            if (min != null) {
                mark = sb.length();
                sb.append(r.nextBoolean() ? " The base pay range for this position is " : " The expected salary range is ");
                money(min, country.currency);
                if (max.compareTo(min) != 0) {
                    sb.append(" - ");
                    money(max, country.currency);
                }
                sb.append(" per ").append(interval).append(r.nextBoolean() ? "." : ", depending on experience and location.");
                undoIfTooLong(mark);
            }

            if (r.nextDouble() < 0.7) {
                mark = sb.length();
                sb.append(r.nextBoolean() ? "\n\nBenefits:" : "\n\nWhat we offer:");
                int n = 3 + r.nextInt(4);
                long used = 0;
                for (int i = 0; i < n; i++) {
                    int k = distinct(v.benefits.length, used);
                    used |= 1L << k;
                    sb.append("\n- ").append(v.benefits[k]);
                }
                undoIfTooLong(mark);
            }
            if (r.nextDouble() < 0.8) {
                mark = sb.length();
                sb.append("\n\n");
                expand(pick(v.eeo));
                undoIfTooLong(mark);
            }
            if (sb.length() < MIN_DESCRIPTION) {
                sb.append("\n\nWhy join ").append(company.name).append('?');
                for (int i = 0; sb.length() < MIN_DESCRIPTION; i++) {
                    sb.append("\n- ").append(v.benefits[i % v.benefits.length]);
                }
            }
            return sb.toString();
        }

        private static String article(String noun) {
            char c = noun.charAt(0);
            boolean vowel = c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'a' || c == 'e' || c == 'i' || c == 'o'
                    || ((c == 'U' || c == 'u') && noun.length() > 1 && Character.isLowerCase(noun.charAt(1)));
            return vowel ? "an " : "a ";
        }

        private void undoIfTooLong(int mark) {
            if (sb.length() > MAX_DESCRIPTION) {
                sb.setLength(mark);
            }
        }

        private void bullets(String heading, Template[] phrases, int n) {
            sb.append("\n\n").append(heading);
            n = Math.min(n, phrases.length);
            long used = 0;
            for (int i = 0; i < n; i++) {
                int k = distinct(phrases.length, used);
                used |= 1L << k;
                sb.append("\n- ");
                expand(phrases[k]);
            }
        }

        /** A random index below {@code n} (at most 64) not yet set in {@code used}. */
        private int distinct(int n, long used) {
            int k = r.nextInt(n);
            while ((used & (1L << k)) != 0) {
                k = k + 1 == n ? 0 : k + 1;
            }
            return k;
        }

        private <T> T pick(T[] values) {
            return values[r.nextInt(values.length)];
        }

        private void money(BigDecimal amount, String currency) {
            String symbol = switch (currency) {
                case "USD" -> "$";
                case "GBP" -> "£";
                case "EUR" -> "€";
                case "CAD" -> "CA$";
                case "AUD" -> "A$";
                case "INR" -> "₹";
                default -> currency + " ";
            };
            sb.append(symbol);
            long whole = amount.longValue();
            String digits = Long.toString(whole);
            int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
            sb.append(digits, 0, lead);
            for (int i = lead; i < digits.length(); i += 3) {
                sb.append(',').append(digits, i, i + 3);
            }
            if (amount.scale() > 0) {
                int cents = amount.remainder(BigDecimal.ONE).movePointRight(2).intValue();
                sb.append('.').append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10));
            }
        }

        private void expand(Template t) {
            String[] parts = t.parts;
            int lastSkill = -1;
            for (int i = 0; i < t.slots.length; i++) {
                sb.append(parts[i]);
                switch (t.slots[i]) {
                    case Template.SKILL -> {
                        int k = r.nextInt(role.skills.length);
                        if (k == lastSkill) { // "X and X" reads wrong
                            k = k + 1 == role.skills.length ? 0 : k + 1;
                        }
                        sb.append(role.skills[k]);
                        lastSkill = k;
                    }
                    case Template.COMPANY -> sb.append(company.name);
                    case Template.INDUSTRY -> sb.append(industry.phrase);
                    case Template.TEAM -> sb.append(role.family.team);
                    case Template.TITLE -> sb.append(title);
                    case Template.YEARS -> sb.append(years);
                    case Template.HQ -> sb.append(company.hq.name);
                    case Template.FOUNDED -> sb.append(company.founded);
                    case Template.EMPLOYEES -> sb.append(company.employees);
                    case Template.A_INDUSTRY -> sb.append(article(industry.phrase)).append(industry.phrase);
                    case Template.A_TITLE -> sb.append(article(title)).append(title);
                    default -> throw new IllegalStateException();
                }
            }
            sb.append(parts[parts.length - 1]);
        }
    }

    // ------------------------------------------------------------------------------------------------ vocabulary

    /** Weighted choice by binary search over cumulative weights. */
    static final class Sampler {
        private final double[] cumulative;

        Sampler(double[] weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int pick(SplittableRandom r) {
            double x = r.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** A phrase with {slot}s, split once at load time so that expansion is plain appends. */
    static final class Template {
        static final int SKILL = 0, COMPANY = 1, INDUSTRY = 2, TEAM = 3, TITLE = 4, YEARS = 5, HQ = 6, FOUNDED = 7,
                EMPLOYEES = 8, A_INDUSTRY = 9, A_TITLE = 10;
        private static final List<String> NAMES = List.of("skill", "company", "industry", "team", "title", "years",
                "hq", "founded", "employees", "a_industry", "a_title");
        final String[] parts;
        final int[] slots;

        Template(String text) {
            List<String> p = new ArrayList<>();
            List<Integer> s = new ArrayList<>();
            int from = 0;
            int open;
            while ((open = text.indexOf('{', from)) >= 0) {
                int close = text.indexOf('}', open);
                int slot = NAMES.indexOf(text.substring(open + 1, close));
                if (slot < 0) {
                    throw new IllegalArgumentException("unknown slot in: " + text);
                }
                p.add(text.substring(from, open));
                s.add(slot);
                from = close + 1;
            }
            p.add(text.substring(from));
            parts = p.toArray(String[]::new);
            slots = s.stream().mapToInt(Integer::intValue).toArray();
        }

        static Template[] all(List<String> texts) {
            return texts.stream().map(Template::new).toArray(Template[]::new);
        }
    }

    record Level(String prefix, double weight, double salaryFactor, int minYears) {
    }

    enum Ladder {
        TECH(new Level("", 42, 1.0, 3), new Level("Senior ", 28, 1.25, 5), new Level("Junior ", 6, 0.72, 1),
                new Level("Staff ", 6, 1.5, 8), new Level("Principal ", 3, 1.75, 10), new Level("Lead ", 5, 1.3, 6),
                new Level("Sr. ", 4, 1.25, 5), new Level("Associate ", 2, 0.8, 1)),
        GENERAL(new Level("", 58, 1.0, 3), new Level("Senior ", 24, 1.22, 5), new Level("Junior ", 5, 0.75, 1),
                new Level("Lead ", 5, 1.25, 6), new Level("Associate ", 5, 0.82, 1), new Level("Sr. ", 3, 1.22, 5)),
        NONE(new Level("", 95, 1.0, 2), new Level("Lead ", 5, 1.15, 4)),
        RARE(new Level("", 1, 1.0, 3));

        private final Level[] levels;
        private final Sampler sampler;

        Ladder(Level... levels) {
            this.levels = levels;
            double[] w = new double[levels.length];
            for (int i = 0; i < levels.length; i++) {
                w[i] = levels[i].weight();
            }
            this.sampler = new Sampler(w);
        }

        Level pick(SplittableRandom r) {
            return levels.length == 1 ? levels[0] : levels[sampler.pick(r)];
        }

        static Ladder of(String code) {
            return switch (code) {
                case "T" -> TECH;
                case "G" -> GENERAL;
                case "N" -> NONE;
                case "R" -> RARE;
                default -> throw new IllegalArgumentException("ladder " + code);
            };
        }
    }

    record Country(String code, String name, String currency, double salaryFactor, String remoteLabel) {
    }

    static final class City {
        final String name;
        final String state;
        final Country country;
        final double cost;
        final String raw;
        final String rawWithRegion;

        City(String name, String state, Country country, double cost) {
            this.name = name;
            this.state = state;
            this.country = country;
            this.cost = cost;
            boolean us = country.code().equals("US");
            this.raw = us ? name + ", " + state
                    : country.code().equals("CA") ? name + ", " + state + ", Canada" : name + ", " + country.name();
            this.rawWithRegion = us ? raw : name + ", " + state + ", " + country.name();
        }
    }

    static final class Family {
        final String key;
        String team;
        String intern;
        String exec;
        boolean remote;
        boolean hourly;
        Template[] dos;
        Template[] reqs;
        Template[] nices;

        Family(String key) {
            this.key = key;
        }
    }

    record Role(Family family, String title, double weight, double salary, Ladder ladder, String[] skills,
            String[] suffixes) {
    }

    static final class Industry {
        String name;
        double weight;
        String phrase;
        String[] nameSuffixes;
        String[] missions;
        Sampler roleSampler;
    }

    static final class Company {
        final String name;
        final String slug;
        final int industry;
        final City hq;
        final String founded;
        final String employees;

        Company(String name, String slug, int industry, City hq, String founded, String employees) {
            this.name = name;
            this.slug = slug;
            this.industry = industry;
            this.hq = hq;
            this.founded = founded;
            this.employees = employees;
        }
    }

    record RareTerm(String word, String[] partners) {
    }

    /** Everything read from {@code bench/*.txt}, once per JVM. */
    static final class Vocabulary {
        Country us;
        Country ca;
        City[] cities;
        Sampler citySampler;
        Industry[] industries;
        Sampler industrySampler;
        Role[] roles;
        Template[] about;
        Template[] roleIntros;
        String[] headingDo;
        String[] headingReq;
        String[] headingNice;
        String[] benefits;
        Template[] eeo;
        String[] rareTech;
        List<RareTerm> rareTerms;
        String[] words;
        String[] syllableStart;
        String[] syllableEnd;

        static Vocabulary load() {
            Vocabulary v = new Vocabulary();
            Map<String, Country> countries = new HashMap<>();
            for (String line : lines("countries.txt")) {
                String[] f = line.split("\\|");
                countries.put(f[0], new Country(f[0], f[1], f[2], Double.parseDouble(f[3]), f[4]));
            }
            v.us = countries.get("US");
            v.ca = countries.get("CA");
            List<City> cities = new ArrayList<>();
            List<Double> cityWeights = new ArrayList<>();
            for (String line : lines("cities.txt")) {
                String[] f = line.split("\\|");
                cities.add(new City(f[0], f[1], require(countries.get(f[2]), f[2]), Double.parseDouble(f[4])));
                cityWeights.add(Double.parseDouble(f[3]));
            }
            v.cities = cities.toArray(City[]::new);
            v.citySampler = new Sampler(cityWeights.stream().mapToDouble(Double::doubleValue).toArray());

            Map<String, List<String>> skills = new HashMap<>();
            for (String line : lines("skills.txt")) {
                String[] f = line.split("\\|");
                skills.put(f[0], List.of(f[1].split(",")));
            }
            v.rareTech = skills.get("@rare-tech").toArray(String[]::new);

            Map<String, List<String>> sections = sections(lines("families.txt"));
            Map<String, Family> families = new LinkedHashMap<>();
            Map<String, String[]> suffixes = new HashMap<>();
            for (String line : sections.get("suffix")) {
                int eq = line.indexOf('=');
                suffixes.put(line.substring(0, eq), line.substring(eq + 1).split("\\|"));
            }
            for (Map.Entry<String, List<String>> e : sections.entrySet()) {
                if (e.getValue().isEmpty() || !e.getValue().get(0).startsWith("team=")) {
                    continue;
                }
                Family f = new Family(e.getKey());
                List<String> dos = new ArrayList<>();
                List<String> reqs = new ArrayList<>();
                List<String> nices = new ArrayList<>();
                for (String line : e.getValue()) {
                    int eq = line.indexOf('=');
                    String value = line.substring(eq + 1);
                    switch (line.substring(0, eq)) {
                        case "team" -> f.team = value;
                        case "intern" -> f.intern = value;
                        case "exec" -> f.exec = value;
                        case "remote" -> f.remote = value.equals("1");
                        case "hourly" -> f.hourly = value.equals("1");
                        case "do" -> dos.add(value);
                        case "req" -> reqs.add(value);
                        case "nice" -> nices.add(value);
                        default -> throw new IllegalArgumentException(line);
                    }
                }
                f.dos = Template.all(dos);
                f.reqs = Template.all(reqs);
                f.nices = Template.all(nices);
                families.put(f.key, f);
            }
            v.about = Template.all(sections.get("about"));
            v.roleIntros = Template.all(sections.get("role"));
            v.headingDo = sections.get("heading-do").toArray(String[]::new);
            v.headingReq = sections.get("heading-req").toArray(String[]::new);
            v.headingNice = sections.get("heading-nice").toArray(String[]::new);
            v.benefits = sections.get("benefits").toArray(String[]::new);
            v.eeo = Template.all(sections.get("eeo"));

            List<Role> roles = new ArrayList<>();
            for (String line : lines("roles.txt")) {
                String[] f = line.split("\\|");
                roles.add(new Role(require(families.get(f[0]), f[0]), f[1], Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Ladder.of(f[4]), require(skills.get(f[5]), f[5]).toArray(String[]::new),
                        f[6].equals("-") ? null : require(suffixes.get(f[6]), f[6])));
            }
            v.roles = roles.toArray(Role[]::new);

            List<Industry> industries = new ArrayList<>();
            for (String line : lines("industries.txt")) {
                String[] f = line.split("\\|");
                Industry ind = new Industry();
                ind.name = f[0];
                ind.weight = Double.parseDouble(f[1]);
                ind.phrase = f[2];
                ind.nameSuffixes = f[3].split(",");
                Map<String, Double> factors = new HashMap<>();
                for (String kv : f[4].split(",")) {
                    String[] p = kv.split(":");
                    require(families.get(p[0]), p[0]);
                    factors.put(p[0], Double.parseDouble(p[1]));
                }
                double[] w = new double[v.roles.length];
                for (int i = 0; i < w.length; i++) {
                    w[i] = v.roles[i].weight() * factors.getOrDefault(v.roles[i].family().key, 1.0);
                }
                ind.roleSampler = new Sampler(w);
                ind.missions = f[5].split(";");
                industries.add(ind);
            }
            v.industries = industries.toArray(Industry[]::new);
            v.industrySampler = new Sampler(industries.stream().mapToDouble(i -> i.weight).toArray());

            Map<String, List<String>> words = sections(lines("company-words.txt"));
            v.words = words.get("word").get(0).split(",");
            v.syllableStart = words.get("syllable-start").get(0).split(",");
            v.syllableEnd = words.get("syllable-end").get(0).split(",");

            v.rareTerms = rareTerms(v);
            return v;
        }

        /**
         * Rare titles are paired with single words from their skill set (they occur in the same postings about half
         * the time); rare technologies with words that engineering postings use a lot.
         */
        private static List<RareTerm> rareTerms(Vocabulary v) {
            List<RareTerm> out = new ArrayList<>();
            for (Role role : v.roles) {
                if (role.ladder() != Ladder.RARE) {
                    continue;
                }
                Set<String> partners = new java.util.TreeSet<>();
                for (String skill : role.skills()) {
                    for (String w : skill.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                        if (w.length() >= 4 && !w.equals("management") && !w.equals("with")) {
                            partners.add(w);
                        }
                    }
                }
                out.add(new RareTerm(role.title().toLowerCase(Locale.ROOT), partners.toArray(String[]::new)));
            }
            for (String tech : v.rareTech) {
                out.add(new RareTerm(tech.toLowerCase(Locale.ROOT), RARE_TECH_PARTNERS));
            }
            return List.copyOf(out);
        }

        /** Companies in rank order; names and slugs unique. */
        Company[] companies(SplittableRandom r, int n) {
            Company[] out = new Company[n];
            Set<String> slugs = new HashSet<>(n * 2);
            for (int k = 0; k < n; k++) {
                int industry = industrySampler.pick(r);
                Industry ind = industries[industry];
                String name;
                String slug;
                int attempt = 0;
                do {
                    name = companyName(r, ind, attempt++);
                    slug = slug(name);
                } while (!slugs.add(slug));
                City hq = cities[citySampler.pick(r)];
                int size = k < 50 ? 10_000 : k < 1000 ? 1000 : 50;
                String employees = Integer.toString((size + r.nextInt(size * 4)) / 10 * 10);
                out[k] = new Company(name, slug, industry, hq, Integer.toString(1950 + r.nextInt(74)), employees);
            }
            return out;
        }

        private String companyName(SplittableRandom r, Industry ind, int attempt) {
            String suffix = ind.nameSuffixes[r.nextInt(ind.nameSuffixes.length)];
            double d = r.nextDouble();
            String base;
            if (d < 0.5) {
                base = words[r.nextInt(words.length)] + " " + suffix;
            } else if (d < 0.75) {
                base = coined(r) + " " + suffix;
            } else if (d < 0.9) {
                base = coined(r);
            } else if (d < 0.95) {
                base = words[r.nextInt(words.length)] + " & " + words[r.nextInt(words.length)];
            } else {
                base = words[r.nextInt(words.length)] + " " + coined(r) + " " + suffix;
            }
            // after a few collisions, disambiguate the way real companies do
            return attempt < 8 ? base : base + (attempt % 2 == 0 ? " Group" : " " + (char) ('A' + r.nextInt(26)) + ".");
        }

        private String coined(SplittableRandom r) {
            return syllableStart[r.nextInt(syllableStart.length)] + syllableEnd[r.nextInt(syllableEnd.length)];
        }

        private static String slug(String name) {
            StringBuilder sb = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = Character.toLowerCase(name.charAt(i));
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        private static <T> T require(T value, String name) {
            if (value == null) {
                throw new IllegalStateException("bench vocabulary: unknown " + name);
            }
            return value;
        }

        private static Map<String, List<String>> sections(List<String> lines) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : lines) {
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = new ArrayList<>();
                    out.put(line.substring(1, line.length() - 1), current);
                } else if (current != null) {
                    current.add(line);
                }
            }
            return out;
        }

        private static List<String> lines(String file) {
            String path = "/bench/" + file;
            try (InputStream in = PostingGenerator.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                List<String> out = new ArrayList<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line.strip());
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
