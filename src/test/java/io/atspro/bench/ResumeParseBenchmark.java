package io.atspro.bench;

import io.atspro.resume.DocumentFormat;
import io.atspro.resume.ExtractedText;
import io.atspro.resume.ResumeParser;
import io.atspro.resume.ResumeTextExtractor;
import io.atspro.testing.SharedFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * How long reading and parsing an uploaded resume takes, per document, on the real resumes in
 * {@code ../shared/fixtures/resumes-real/files} (what the parse task does between downloading the file and storing
 * the result: text extraction with layout, then the rules parser). The reference, measured in the same run on the
 * same files, is the libraries' own plain text extraction (PDFBox's {@code PDFTextStripper}, POI's
 * {@code XWPFWordExtractor}), which reads the text with no layout and parses nothing.
 *
 * <p>Run: {@code ./mvnw -Pparse-bench} ({@code -Dparse-bench.args="rounds=20 warmup=5"}). The first round runs
 * cold, as on a pod that just started; the figures after warm-up are the steady state. Prints no resume content.
 */
public final class ResumeParseBenchmark {

    private record Sample(String file, double extractMs, double parseMs, double referenceMs) {

        double totalMs() {
            return extractMs + parseMs;
        }
    }

    private ResumeParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = intArg(args, "rounds", 10);
        int warmup = intArg(args, "warmup", 3);
        if (!SharedFixtures.available()) {
            System.out.println("The real resumes live in ../shared/fixtures/resumes-real beside the checkout, and "
                    + SharedFixtures.dir() + " is absent: nothing to measure.");
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(SharedFixtures.path("fixtures/resumes-real/files"))) {
            files = listing.filter(p -> p.toString().matches(".*\\.(pdf|docx)")).sorted().toList();
        }
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(Files.readAllBytes(file));
        }
        ResumeTextExtractor extractor = new ResumeTextExtractor();
        ResumeParser parser = new ResumeParser();

        System.out.printf(Locale.ROOT, "Resume parse benchmark: %d files, %d warm-up rounds, %d measured rounds; "
                        + "%d cores, Java %s, max heap %d MB%n", files.size(), warmup, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));

        List<Sample> cold = round(files, contents, extractor, parser);
        for (int i = 1; i < warmup; i++) {
            round(files, contents, extractor, parser);
        }
        List<Sample> warm = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            warm.addAll(round(files, contents, extractor, parser));
        }
        report("cold (first round after start)", cold);
        report("warm (after " + warmup + " rounds)", warm);
        Sample slowest = warm.stream().max((a, b) -> Double.compare(a.totalMs(), b.totalMs())).orElseThrow();
        System.out.printf(Locale.ROOT, "slowest warm document: %s, %.1f ms (extract %.1f, parse %.1f)%n",
                slowest.file(), slowest.totalMs(), slowest.extractMs(), slowest.parseMs());
    }

    private static List<Sample> round(List<Path> files, List<byte[]> contents, ResumeTextExtractor extractor,
            ResumeParser parser) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            DocumentFormat format = name.endsWith(".pdf") ? DocumentFormat.PDF : DocumentFormat.DOCX;
            long t0 = System.nanoTime();
            ExtractedText text = extractor.extract(new ByteArrayInputStream(contents.get(i)), format);
            long t1 = System.nanoTime();
            int jobs = parser.parse(text).data().workExperience().size();
            long t2 = System.nanoTime();
            int referenceChars = reference(contents.get(i), format);
            long t3 = System.nanoTime();
            if (jobs < 0 || referenceChars < 0) {
                throw new IllegalStateException("unreachable: keeps the results alive");
            }
            samples.add(new Sample(name, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2)));
        }
        return samples;
    }

    /** The libraries' plain text extraction: no layout, no parse. */
    private static int reference(byte[] content, DocumentFormat format) throws IOException {
        if (format == DocumentFormat.PDF) {
            try (PDDocument document = Loader.loadPDF(content)) {
                StringWriter out = new StringWriter();
                new PDFTextStripper().writeText(document, out);
                return out.getBuffer().length();
            }
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content));
                XWPFWordExtractor words = new XWPFWordExtractor(document)) {
            return words.getText().length();
        }
    }

    private static void report(String label, List<Sample> samples) {
        double[] total = samples.stream().mapToDouble(Sample::totalMs).sorted().toArray();
        double[] reference = samples.stream().mapToDouble(Sample::referenceMs).sorted().toArray();
        double extract = samples.stream().mapToDouble(Sample::extractMs).average().orElse(0);
        double parse = samples.stream().mapToDouble(Sample::parseMs).average().orElse(0);
        double meanTotal = Arrays.stream(total).average().orElse(0);
        double meanReference = Arrays.stream(reference).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-32s n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms  mean %.1f ms "
                        + "(extract %.1f + parse %.1f)  | reference plain extraction p50 %.1f ms p95 %.1f ms mean %.1f ms"
                        + "  | ratio of means %.2f%n",
                label, total.length, percentile(total, 50), percentile(total, 95), total[total.length - 1], meanTotal,
                extract, parse, percentile(reference, 50), percentile(reference, 95), meanReference,
                meanTotal / meanReference);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String arg : args) {
            for (String part : arg.split("\\s+")) {
                if (part.startsWith(name + "=")) {
                    return Integer.parseInt(part.substring(name.length() + 1));
                }
            }
        }
        return fallback;
    }
}
