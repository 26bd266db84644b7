package io.atspro.recommendation;

import io.atspro.posting.Countries;
import io.atspro.posting.PostingSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The blended score of a posting for a user, and the reasons shown with it. Pure: no I/O, no clock of its own.
 *
 * <p>score = 0.60 · meaning + 0.20 · skills + 0.10 · preferences + 0.10 · freshness − level penalty, where meaning is
 * the cosine of the user's and the posting's vectors mapped from [0.1, 0.7] onto [0, 1] (the range real pairs of
 * this model fall in), skills the share of the posting's skills (at most ten counted) the user has, preferences the
 * share of the user's stated preferences (location, work arrangement, salary) the posting meets, freshness
 * {@code exp(−days/30)}; a posting two or more experience levels away from the user's loses 0.1 per level beyond one.
 * Filters, not scores: a posting whose yearly salary tops out under the user's floor (same currency), and, for a user
 * not willing to relocate, an on-site or hybrid posting in none of their locations.
 */
final class Recommender {

    /** The fewest skills a posting must name for the skill overlap to count. */
    static final int MIN_SKILLS = 3;

    static final List<String> LEVELS = List.of("internship", "entry", "mid", "senior", "lead", "executive");

    /** The blend's weights, and the penalty per experience level beyond one between the user and the posting. */
    record Weights(double meaning, double skills, double preferences, double freshness, double levelPenalty) {
        static final Weights DEFAULT = new Weights(0.70, 0.10, 0.10, 0.10, 0.10);
    }

    private final Weights weights;

    Recommender() {
        this(Weights.DEFAULT);
    }

    Recommender(Weights weights) {
        this.weights = weights;
    }

    private static final Pattern INTERN = Pattern.compile(
            "\\b(intern|internship|werkstudent\\w*|praktik\\w*|trainee|apprentice\\w*|stagiaire|co-?op)\\b");
    private static final Pattern EXECUTIVE = Pattern.compile(
            "\\b(director|vp|vice president|head of|chief|cto|ceo|cfo|coo|cio|president|partner)\\b");
    private static final Pattern LEAD = Pattern.compile("\\b(staff|principal|lead|architect)\\b");
    private static final Pattern SENIOR = Pattern.compile("\\b(senior|sr\\.?|iii|expert)(?=\\s|$|,|\\))");
    private static final Pattern ENTRY = Pattern.compile(
            "\\b(junior|jr\\.?|entry|graduate|new grad|early career|associate|assistant)(?=\\s|$|,|\\))");

    /** What the user is: their vector, their skills (lower case) and what they asked for. */
    record Basis(float[] vector, Set<String> skills, Preferences preferences) {
    }

    /**
     * The profile's preferences. Null or empty: not stated.
     *
     * @param salaryFloor per year, in {@code currency}
     * @param level       one of {@link #LEVELS}: the profile's, else read off the resume
     */
    record Preferences(List<String> locations, boolean willingToRelocate, String workType, Integer salaryFloor,
            String currency, String level) {

        static final Preferences NONE = new Preferences(List.of(), true, null, null, null, null);
    }

    /** A posting the vector search found, with its similarity and skills. */
    record Candidate(PostingSummary posting, float similarity, List<String> skills, Integer salaryAnnualMax) {
    }

    record Scored(Candidate candidate, double score, RecommendationViews.Reasons reasons) {
    }

    /** The candidates the filters allow, best first (ties by posting id). */
    List<Scored> rank(Basis basis, List<Candidate> candidates, Instant now) {
        List<Scored> out = new ArrayList<>();
        for (Candidate c : candidates) {
            Scored s = score(basis, c, now);
            if (s != null) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingDouble((Scored s) -> -s.score())
                .thenComparing(s -> s.candidate().posting().id()));
        return out;
    }

    /** The blended score and reasons, or null when a filter rules the posting out. */
    Scored score(Basis basis, Candidate c, Instant now) {
        Preferences prefs = basis.preferences();
        PostingSummary p = c.posting();
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int stated = 0;

        boolean remote = "remote".equals(p.workArrangement());
        if (!prefs.locations().isEmpty()) {
            stated++;
            String where = matchingLocation(p, prefs.locations());
            if (where != null) {
                met.add("location: " + where);
            } else if (remote) {
                met.add("remote (any location)");
            } else if (hasLocation(p) && !prefs.willingToRelocate()) {
                return null;
            } else {
                missed.add(hasLocation(p) ? "location: " + locationText(p) + " (would relocate)" : "location unknown");
            }
        }
        if (prefs.workType() != null && !prefs.workType().isBlank() && !"any".equals(prefs.workType())) {
            stated++;
            if (prefs.workType().equals(p.workArrangement())) {
                met.add("work arrangement: " + p.workArrangement());
            } else {
                missed.add("work arrangement: " + (p.workArrangement() == null ? "not stated" : p.workArrangement()));
            }
        }
        if (prefs.salaryFloor() != null) {
            stated++;
            boolean sameCurrency = prefs.currency() == null || p.salaryCurrency() == null
                    || prefs.currency().equalsIgnoreCase(p.salaryCurrency());
            if (c.salaryAnnualMax() == null || !sameCurrency) {
                missed.add("salary not stated");
            } else if (c.salaryAnnualMax() < prefs.salaryFloor()) {
                return null;
            } else {
                met.add("salary up to " + c.salaryAnnualMax() + " " + (p.salaryCurrency() == null ? ""
                        : p.salaryCurrency()).strip() + " a year");
            }
        }

        String postingLevel = p.experienceLevel() != null ? p.experienceLevel() : levelOfTitle(p.title());
        double penalty = 0;
        if (prefs.level() != null && postingLevel != null) {
            int distance = Math.abs(LEVELS.indexOf(prefs.level()) - LEVELS.indexOf(postingLevel));
            if (distance == 0) {
                met.add("level: " + postingLevel);
            } else if (distance >= 2) {
                missed.add("level: " + postingLevel);
                penalty = weights.levelPenalty() * (distance - 1);
            }
        }

        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String skill : c.skills()) {
            (basis.skills().contains(skill.toLowerCase(Locale.ROOT)) ? matched : missing).add(skill);
        }
        double meaning = Math.max(0, Math.min(1, (c.similarity() - 0.1) / 0.6));
        // a posting that names fewer than three of the vocabulary's skills says too little to weigh them: its skill
        // part follows its meaning, so it neither gains nor loses against the others
        double skills = c.skills().size() < MIN_SKILLS ? meaning
                : Math.min(1, (double) matched.size() / Math.min(10, c.skills().size()));
        double preferences = stated == 0 ? 0.5 : (double) met.size() / stated;
        long days = Math.max(0, Duration.between(p.postedAt(), now).toDays());
        double freshness = Math.exp(-days / 30.0);
        double score = weights.meaning() * meaning + weights.skills() * skills
                + weights.preferences() * Math.min(1, preferences) + weights.freshness() * freshness - penalty;
        RecommendationViews.Reasons reasons = new RecommendationViews.Reasons(round(c.similarity()), matched, missing.subList(0, Math.min(10, missing.size())),
                met, missed, postingLevel, days);
        return new Scored(c, round(score), reasons);
    }

    /** The experience level a job title names, or null when it names none. */
    static String levelOfTitle(String title) {
        if (title == null) {
            return null;
        }
        String t = title.toLowerCase(Locale.ROOT);
        if (INTERN.matcher(t).find()) {
            return "internship";
        }
        if (EXECUTIVE.matcher(t).find()) {
            return "executive";
        }
        if (LEAD.matcher(t).find()) {
            return "lead";
        }
        if (SENIOR.matcher(t).find()) {
            return "senior";
        }
        if (ENTRY.matcher(t).find()) {
            return "entry";
        }
        return null;
    }

    /**
     * The level a resume suggests when the profile states none: the one its current title names (a director is
     * executive, an intern an intern), else what the years worked suggest — at most senior: years alone do not make
     * a lead.
     */
    static String levelOfResume(String currentTitle, double years) {
        String named = levelOfTitle(currentTitle);
        if (named != null) {
            return named;
        }
        if (years <= 0) {
            return null;
        }
        return levelOfYears(years);
    }

    /** The level years of experience suggest: entry under 2, mid under 5, senior from 5. */
    static String levelOfYears(double years) {
        if (years < 2) {
            return "entry";
        }
        return years < 5 ? "mid" : "senior";
    }

    private static String matchingLocation(PostingSummary p, List<String> wanted) {
        String text = locationText(p).toLowerCase(Locale.ROOT);
        for (String w : wanted) {
            String want = w.toLowerCase(Locale.ROOT).strip();
            String code = Countries.code(want);
            if (code != null && code.equalsIgnoreCase(p.country())) {
                return w;
            }
            if (want.length() >= 3 && text.contains(want)) {
                return w;
            }
        }
        return null;
    }

    private static boolean hasLocation(PostingSummary p) {
        return !locationText(p).isBlank();
    }

    private static String locationText(PostingSummary p) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {p.location(), p.city(), p.state(), p.country()}) {
            if (part != null && !part.isBlank()) {
                s.append(s.isEmpty() ? "" : ", ").append(part);
            }
        }
        return s.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
