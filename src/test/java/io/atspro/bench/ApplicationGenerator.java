package io.atspro.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic synthetic users with applications and their status histories, written as CSV for COPY.
 *
 * <p>Distributions: applications per user are log-normal (median ~30, mean 50, a long tail capped at 2,000), so a
 * few users have hundreds or thousands; each user is active over a window of the last year; companies follow a
 * Zipf law over 5,000 names; 1–3 resumes per user (versions 1–6), one used on 80% of applications; half the
 * applications come from a tracked job (url, document, manual, catalog). Each application walks the real
 * pipeline: 8% stay saved; of the applied, ~55% hear nothing, ~20% are rejected without a response, 5% withdraw,
 * ~20% get screened; of those, 40% reach interviews, of which 25% get offers and half of those are accepted.
 * Every step is a row of application_status_history, 1–14 days after the previous one.
 */
final class ApplicationGenerator {

    static final String USER_COLUMNS = "id,name,email,\"emailVerified\",\"createdAt\",\"updatedAt\"";
    static final String RESUME_COLUMNS = "id,user_id,status,source,title,version,is_active";
    static final String JOB_COLUMNS = "id,user_id,status,source_type";
    static final String APPLICATION_COLUMNS = "id,user_id,job_id,company_name,job_title,status,application_method,"
            + "applied_at,response_date,offer_date,resume_id,created_at,updated_at";
    static final String HISTORY_COLUMNS = "application_id,user_id,from_status,to_status,changed_by,created_at";

    private static final String[] TITLES = {"Software Engineer", "Senior Software Engineer", "Data Engineer",
            "Product Manager", "Data Scientist", "Frontend Engineer", "Backend Engineer", "DevOps Engineer",
            "Staff Engineer", "Engineering Manager", "QA Engineer", "Designer"};
    private static final String[] SOURCES = {"url", "url", "url", "document", "manual", "catalog", "catalog"};
    private static final int COMPANIES = 5_000;

    private final Random random;
    private final Instant now;
    private final double[] zipf = new double[COMPANIES];
    private final int users;
    private final int applications;

    ApplicationGenerator(long seed, Instant now, int users, int applications) {
        this.random = new Random(seed);
        this.now = now;
        this.users = users;
        this.applications = applications;
        double sum = 0;
        for (int i = 0; i < COMPANIES; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.07);
            zipf[i] = sum;
        }
        for (int i = 0; i < COMPANIES; i++) {
            zipf[i] /= sum;
        }
    }

    static String userId(int i) {
        return String.format("bench_user_%05d", i);
    }

    /** Applications per user, log-normal, summing to exactly {@code applications}. */
    int[] applicationsPerUser() {
        int[] counts = new int[users];
        long total = 0;
        double sigma = 1.0;
        for (int i = 0; i < users; i++) {
            double v = 50 * Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
            counts[i] = (int) Math.max(1, Math.min(2000, Math.round(v)));
            total += counts[i];
        }
        while (total != applications) {
            int i = random.nextInt(users);
            if (total < applications && counts[i] < 2000) {
                counts[i]++;
                total++;
            } else if (total > applications && counts[i] > 1) {
                counts[i]--;
                total--;
            }
        }
        return counts;
    }

    UUID uuid() {
        long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    record Counts(long resumes, long jobs, long applications, long history) {
    }

    /** Writes every table of one user's share; {@code out} are the writers of users, resumes, jobs, applications, history. */
    Counts user(int index, int applicationCount, Writer users, Writer resumes, Writer jobs, Writer apps, Writer history)
            throws IOException {
        String id = userId(index);
        Instant joined = now.minusSeconds(86_400L * (30 + random.nextInt(500)));
        users.write(id + ",Bench User " + index + ",bench" + index + "@bench.test,true," + joined + "," + joined + "\n");
        int resumeCount = 1 + random.nextInt(3);
        List<UUID> resumeIds = new ArrayList<>();
        for (int r = 0; r < resumeCount; r++) {
            UUID rid = uuid();
            resumeIds.add(rid);
            resumes.write(rid + "," + id + ",manual,manual,Resume " + (r + 1) + "," + (1 + random.nextInt(6)) + ","
                    + (r == 0) + "\n");
        }
        // active over a window that ends within the last month and lasts 1-12 months
        long windowEnd = now.getEpochSecond() - random.nextInt(30 * 86_400);
        long windowDays = 30 + random.nextInt(335);
        long jobsWritten = 0;
        long historyWritten = 0;
        for (int a = 0; a < applicationCount; a++) {
            UUID appId = uuid();
            Instant created = Instant.ofEpochSecond(windowEnd - (long) (random.nextDouble() * windowDays * 86_400));
            String job = "";
            if (random.nextBoolean()) {
                UUID jid = uuid();
                jobs.write(jid + "," + id + ",completed," + SOURCES[random.nextInt(SOURCES.length)] + "\n");
                job = jid.toString();
                jobsWritten++;
            }
            List<String> path = path();
            List<Instant> times = new ArrayList<>();
            Instant t = created;
            for (int s = 0; s < path.size(); s++) {
                if (s > 0) {
                    t = t.plusSeconds(86_400L * (1 + random.nextInt(14)) + random.nextInt(86_400));
                    if (t.isAfter(now)) {
                        path = path.subList(0, s);
                        break;
                    }
                }
                times.add(t);
            }
            String applied = "";
            String response = "";
            String offer = "";
            for (int s = 0; s < path.size(); s++) {
                switch (path.get(s)) {
                    case "applied" -> applied = times.get(s).toString();
                    case "screening", "interviewing" -> response = response.isEmpty() ? times.get(s).toString() : response;
                    case "offered" -> {
                        offer = times.get(s).toString();
                        response = response.isEmpty() ? offer : response;
                    }
                    default -> {
                    }
                }
            }
            double m = random.nextDouble();
            String method = m < 0.80 ? "manual" : m < 0.95 ? "automated" : "referral";
            String resume = random.nextDouble() < 0.8 ? resumeIds.get(random.nextInt(resumeIds.size())).toString() : "";
            String company = "Company " + company();
            String status = path.get(path.size() - 1);
            Instant updated = times.get(times.size() - 1);
            apps.write(appId + "," + id + "," + job + "," + company + "," + TITLES[random.nextInt(TITLES.length)] + ","
                    + status + "," + method + "," + applied + "," + response + "," + offer + "," + resume + ","
                    + created + "," + updated + "\n");
            String from = "";
            for (int s = 0; s < path.size(); s++) {
                history.write(appId + "," + id + "," + from + "," + path.get(s) + ",user," + times.get(s) + "\n");
                from = path.get(s);
            }
            historyWritten += path.size();
        }
        return new Counts(resumeCount, jobsWritten, applicationCount, historyWritten);
    }

    private int company() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = COMPANIES - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    /** The statuses one application goes through, first to current. */
    private List<String> path() {
        List<String> path = new ArrayList<>();
        boolean startsSaved = random.nextDouble() < 0.35;
        if (startsSaved) {
            path.add("saved");
            if (random.nextDouble() < 0.23) {
                return path;
            }
        }
        path.add("applied");
        double r = random.nextDouble();
        if (r < 0.55) {
            return path;
        }
        if (r < 0.75) {
            path.add("rejected");
            return path;
        }
        if (r < 0.80) {
            path.add("withdrawn");
            return path;
        }
        path.add(random.nextDouble() < 0.7 ? "screening" : "interviewing");
        if (path.get(path.size() - 1).equals("screening")) {
            double s = random.nextDouble();
            if (s < 0.2) {
                return path;
            }
            if (s < 0.6) {
                path.add("rejected");
                return path;
            }
            path.add("interviewing");
        }
        double i = random.nextDouble();
        if (i < 0.25) {
            return path;
        }
        if (i < 0.75) {
            path.add("rejected");
            return path;
        }
        path.add("offered");
        double o = random.nextDouble();
        if (o < 0.5) {
            path.add("accepted");
        } else if (o < 0.7) {
            path.add(random.nextBoolean() ? "rejected" : "withdrawn");
        }
        return path;
    }
}
