package io.atspro.bench;

import io.atspro.posting.NormalizedPosting;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Writes synthetic postings as CSV for {@code COPY ... FROM ... WITH (FORMAT csv)}: RFC 4180 quoting, a null field
 * is left empty and unquoted (COPY reads it as NULL), an empty string is written as {@code ""}.
 *
 * <p>Usage: {@code GeneratePostingsCsv <file> [count=1000000] [seed=42] [--header]}. Rows are built in parallel in
 * blocks and written in index order, so the file is the same whatever the number of cores.
 */
public final class GeneratePostingsCsv {

    static final String COLUMNS = "platform,external_id,title,company_name,location_raw,city,state,country,"
            + "work_arrangement,employment_type,salary_min,salary_max,salary_currency,salary_interval,description,"
            + "posted_at,apply_url,source_url,content_hash";
    private static final int BLOCK = 8192;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GeneratePostingsCsv <file> [count=1000000] [seed=42] [--header]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long count = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        boolean header = args.length > 3 && args[3].equals("--header");

        long start = System.nanoTime();
        PostingGenerator generator = new PostingGenerator(seed, PostingGenerator.DEFAULT_COMPANIES);
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            if (header) {
                out.write(COLUMNS);
                out.write('\n');
            }
            String[] rows = new String[BLOCK];
            for (long base = 0; base < count; base += BLOCK) {
                long first = base;
                int n = (int) Math.min(BLOCK, count - base);
                IntStream.range(0, n).parallel().forEach(i -> rows[i] = row(generator, first + i));
                for (int i = 0; i < n; i++) {
                    out.write(rows[i]);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d postings -> %s (%.1f MB) in %.1f s%n", count, file, Files.size(file) / 1e6, seconds);
    }

    static String row(PostingGenerator generator, long index) {
        NormalizedPosting p = generator.posting(index);
        StringBuilder sb = new StringBuilder(p.description().length() + 600);
        field(sb, generator.platform(index)).append(',');
        field(sb, p.externalId()).append(',');
        field(sb, p.title()).append(',');
        field(sb, p.companyName()).append(',');
        field(sb, p.locationRaw()).append(',');
        field(sb, p.city()).append(',');
        field(sb, p.state()).append(',');
        field(sb, p.country()).append(',');
        field(sb, p.workArrangement()).append(',');
        field(sb, p.employmentType()).append(',');
        field(sb, plain(p.salaryMin())).append(',');
        field(sb, plain(p.salaryMax())).append(',');
        field(sb, p.salaryCurrency()).append(',');
        field(sb, p.salaryInterval()).append(',');
        field(sb, p.description()).append(',');
        field(sb, p.postedAt() == null ? null : p.postedAt().toString()).append(',');
        field(sb, p.applyUrl()).append(',');
        field(sb, p.sourceUrl()).append(',');
        field(sb, p.contentHash()).append('\n');
        return sb.toString();
    }

    /** RFC 4180: quote when the value holds a comma, quote, CR or LF, or is empty (so it is not read as NULL). */
    static StringBuilder field(StringBuilder sb, String value) {
        if (value == null) {
            return sb;
        }
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return sb.append(value);
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        return sb.append('"');
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private GeneratePostingsCsv() {
    }
}
