package io.atspro.resume;

import io.atspro.resume.ResumeData.WorkExperience;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jobs from the lines of an experience section. An entry is a few header lines (title, company, dates, location, in
 * any order, possibly on one line, possibly labelled "Designation:" or "Tenure:") followed by bullets or prose; the
 * next header line after a body, or a second date range, starts a new entry. Which header part is the title and
 * which the company is decided per entry by their words, and where the words say little, by the order the other
 * entries of the same resume use.
 */
final class ExperienceParser {

    private static final Pattern SKILLS_LABEL = Pattern.compile(
            "(?i)^(?:skills(?: used)?|technologies(?: used)?|tech(?:nology)? stack|stack|tools(?: used)?|environment"
                    + "|key skills|tech)\\s*:\\s*(.+)$");
    private static final Pattern POSITION_LABEL = Pattern.compile(
            "(?i)^(?:designation|position(?: held)?|job title|title|role|post)\\s*[:\\-–|]\\s*(.+)$");
    private static final Pattern COMPANY_LABEL = Pattern.compile(
            "(?i)^(?:company|organi[sz]ation|employer|firm|client|present organi[sz]ation|current organi[sz]ation"
                    + "|present employer|current employer|previous organi[sz]ations?|previous employers?|past organi[sz]ations?"
                    + "|present company|current company|previous compan(?:y|ies))(?: name)?\\s*[:\\-–|]\\s*(.*)$");
    private static final Pattern DATES_LABEL = Pattern.compile(
            "(?i)^(?:tenure|duration|period|dates?|from|working period|time period)\\s*[:\\-–|]\\s*(.+)$");
    /** "… as a Math teacher with Patel Public School, Bengaluru (From June 2010 …": the title and the employer. */
    private static final Pattern AS_ROLE = Pattern.compile(
            "\\bas (?:an? |the )?(\\p{L}[^,;()]{1,80}?) (?:with|at|in|for) (?:the )?(\\p{Lu}[^,;]{1,100}?)"
                    + "(?=\\s*(?:,|;|\\(|\\bfrom\\b|\\bsince\\b|\\bduring\\b|\\bsince\\b|$))");
    /** "3 | Acme | Faculty": the serial number of a table row. */
    private static final Pattern ROW_NUMBER = Pattern.compile("^\\d{1,2}\\.?\\s*\\|\\s*");
    private static final Pattern INLINE_LABEL = Pattern.compile(
            "(?<=\\S)\\s+(?=(?:tenure|duration|designation|period)\\s*:)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCATION_LABEL = Pattern.compile("(?i)^(?:location|place|city|address)\\s*[:\\-–]\\s*.*$");
    /** "Key Responsibilities:", "Achievements:": the entry's body starts. */
    private static final Pattern BODY_LABEL = Pattern.compile(
            "(?i)^(?:key )?(?:responsibilit(?:y|ies)|duties|achievements|accomplishments|job profile|job description"
                    + "|role description|key result areas|key performance areas|kras?|kpas?|highlights|projects?)(?:\\s*[/&]\\s*\\p{L}+)*"
                    + "(?: handled| include)?\\s*(?::\\s*(.*)|$)");
    /** "Working as a Co-founder, Acme": a sentence that names the job. */
    private static final Pattern WORKING_AS = Pattern.compile(
            "(?i)^(?:currently |presently )?(?:working|worked|employed|serving|served|joined)(?: as| with)?(?: an? | the )?\\s*");
    private static final Pattern CONNECTOR_END = Pattern.compile(
            "(?:[,;:&(/+-]|\\b(?:and|or|of|the|to|in|with|for|a|an|on|by|as|at|from|including|using|via|which|that|who|where|when|while))$");
    private static final Pattern CONNECTOR_WORD_END = Pattern.compile(
            "\\b(?:and|or|of|the|to|in|with|for|a|an|on|by|as|at|from|including|using|via|which|that|who|where)$");
    /** "Led the development of …", "Worked with …": a sentence about the job, not its title. */
    private static final Pattern PAST_TENSE_START = Pattern.compile(
            "^(?:\\p{Lu}\\p{Ll}+ed|Led|Built|Ran|Wrote|Made|Won|Taught|Drove|Grew|Brought|Oversaw|Began|Held|Gave|Sold"
                    + "|Took|Set|Put|Kept|Met|Saw|Spent|Lent|Sent|Got|Did|Undertook|Helped|Worked)\\s");
    private static final int MAX_HEADER_WORDS = 14;
    /** As many as {@code resume_data} allows a job. */
    private static final int MAX_RESPONSIBILITIES = 50;
    /** A body line this long that does not end a sentence ran into the margin: a short line after it is its end. */
    private static final int WRAPPED_LINE_CHARS = 70;
    private static final int WRAPPED_TAIL_WORDS = 6;
    private static final int MIN_WRAPPED_LINE_CHARS = 35;
    /** A line of at least this many words reads as a sentence when the layout says it is no header. */
    private static final int MIN_SENTENCE_WORDS = 8;
    private static final int MAX_DATED_HEADER_WORDS = 22;

    private ExperienceParser() {
    }

    /** Each block is one experience section (a resume may have "Experience", "Research" and "Army"). */
    static List<WorkExperience> parseBlocks(List<List<String>> blocks) {
        List<Draft> drafts = new ArrayList<>();
        for (List<String> block : blocks) {
            drafts.addAll(drafts(block));
        }
        drafts = withSentenceJobs(drafts);
        drafts.removeIf(Draft::isNoise);
        boolean mostDated = drafts.stream().filter(d -> d.dates != null).count() * 2 > drafts.size();
        if (mostDated) {
            drafts.removeIf(d -> d.dates == null && d.bullets.isEmpty() && !d.labelled);
        }
        RoleSplitter.Order order = RoleSplitter.usualOrder(drafts.stream().map(d -> d.header).toList());
        List<WorkExperience> jobs = new ArrayList<>();
        for (Draft draft : drafts) {
            WorkExperience job = draft.toWorkExperience(order);
            if (job == null) {
                continue;
            }
            if (job.company() == null && job.position() == null) {
                // dates and lines with no title or employer are no job a person would recognise: the lines belong
                // to the job above, when there is one
                if (!jobs.isEmpty()) {
                    jobs.set(jobs.size() - 1, withMoreLines(jobs.get(jobs.size() - 1), job));
                }
                continue;
            }
            jobs.add(job);
        }
        return jobs;
    }

    private static WorkExperience withMoreLines(WorkExperience job, WorkExperience lines) {
        List<String> responsibilities = new ArrayList<>(job.responsibilities());
        if (lines.description() != null) {
            responsibilities.add(lines.description());
        }
        responsibilities.addAll(lines.responsibilities());
        return new WorkExperience(job.company(), job.position(), job.startDate(), job.endDate(), job.isCurrent(),
                job.description(), responsibilities.subList(0, Math.min(responsibilities.size(), MAX_RESPONSIBILITIES)),
                job.skills());
    }

    private static List<Draft> drafts(List<String> lines) {
        List<Draft> drafts = new ArrayList<>();
        Draft draft = null;
        boolean inBody = false;
        List<String> all = withInlineLabelsSplit(lines);
        int wrapWidth = wrapWidth(all);
        boolean[] headsDates = headsDates(all);
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            String next = i + 1 < all.size() ? all.get(i + 1) : "";
            boolean bullet = Text.isBullet(line);
            String text = bullet ? Text.stripBullet(line) : line;
            if (text.isEmpty() || Text.isTableHeaderRow(text)) {
                continue;
            }
            Matcher m;
            if ((m = SKILLS_LABEL.matcher(text)).matches()) {
                draft = draft == null ? start(drafts) : draft;
                draft.skills.addAll(SkillsParser.split(m.group(1)));
            } else if ((m = POSITION_LABEL.matcher(text)).matches() && !bullet) {
                draft = draft == null || draft.position != null || draft.hasBody() && draft.dates != null
                        ? start(drafts) : draft;
                draft.position = Text.trimSeparators(m.group(1));
                draft.labelled = true;
                inBody = false;
            } else if ((m = COMPANY_LABEL.matcher(text)).matches() && !bullet) {
                draft = draft == null || draft.company != null || draft.hasBody() ? start(drafts) : draft;
                draft.labelled = true;
                draft.expectCompany = m.group(1).isBlank();
                draft.company = m.group(1).isBlank() ? null : RoleSplitter.withoutTrailingPlace(Text.trimSeparators(m.group(1)));
                inBody = false;
            } else if ((m = DATES_LABEL.matcher(text)).matches() && DateRange.findRangeOrDate(m.group(1)).isPresent()
                    && !bullet) {
                draft = draft == null || draft.dates != null ? start(drafts) : draft;
                draft.dates = datesOf(m.group(1));
            } else if (LOCATION_LABEL.matcher(text).matches() && !bullet) {
                continue;
            } else if ((m = BODY_LABEL.matcher(text)).matches() && !bullet && Text.wordCount(text) <= 6) {
                draft = draft == null ? start(drafts) : draft;
                inBody = true;
                if (m.group(1) != null && !m.group(1).isBlank()) {
                    draft.bullets.add(m.group(1));
                }
            } else if (draft != null && draft.expectCompany && !bullet) {
                draft.company = RoleSplitter.withoutTrailingPlace(Text.trimSeparators(text));
                draft.expectCompany = false;
            } else if (bullet && isBulletedHeader(text, next)) {
                draft = addHeaderLine(drafts, draft, text);
                inBody = false;
            } else if (bullet || inBody && !startsEntry(text, next)) {
                draft = draft == null ? start(drafts) : draft;
                if (!bullet && draft.hasBody() && isContinuation(draft.lastBodyLine(), text, next, headsDates[i], wrapWidth)) {
                    draft.appendToLastBodyLine(text);
                } else {
                    draft.bullets.add(text);
                }
            } else if (draft != null && draft.hasBody() && isContinuation(draft.lastBodyLine(), text, next, headsDates[i], wrapWidth)) {
                draft.appendToLastBodyLine(text);
            } else if (isLocation(text)) {
                continue;
            } else if (draft != null && CONNECTOR_WORD_END.matcher(text).find() && DateRange.findRange(text).isEmpty()) {
                // "Administration and installation of" heads the bullets that follow: it is body, not a new job
                draft.description.add(text);
            } else if (isProse(text) || isSentence(text) && !headsDates[i] || draft != null && draft.headerComplete()
                    && !draft.hasBody() && !headsDates[i] && Text.letterWordCount(text) >= MIN_SENTENCE_WORDS
                    && DateRange.findRange(text).isEmpty()) {
                // a long line right under a complete header is the job's description, not the next job
                draft = draft == null ? start(drafts) : draft;
                draft.description.add(text);
            } else {
                draft = addHeaderLine(drafts, draft, text);
                inBody = false;
            }
        }
        return drafts;
    }

    /**
     * "• Google | Mountain View, CA" above "Software Engineer | Oct 2016 – Present": some resumes bullet the employer.
     * A short bulleted line with a column gap, dated or above a dated line that is not a bullet, heads a job.
     */
    private static boolean isBulletedHeader(String text, String next) {
        boolean short_ = Text.letterWordCount(text) <= 8 && !text.endsWith(".");
        boolean nextDated = !Text.isBullet(next) && DateRange.findRange(next).isPresent() && !isProse(next);
        boolean dated = DateRange.findRange(text).isPresent();
        return short_ && text.contains("|") && (nextDated || dated);
    }

    /**
     * "Working as a Computer Teacher in A.K.T School, Kallakurichi from June 2013 to Mar 2015": resumes that tell
     * their jobs in sentences, one a bullet. A run of such bullets with no job header above them are the jobs.
     */
    private static List<Draft> withSentenceJobs(List<Draft> drafts) {
        List<Draft> result = new ArrayList<>();
        for (Draft draft : drafts) {
            List<Draft> sentences = new ArrayList<>();
            if (draft.header.isEmpty() && draft.position == null && draft.company == null && draft.dates == null) {
                List<String> body = new ArrayList<>(draft.description);
                body.addAll(draft.bullets);
                for (String line : body) {
                    sentenceJob(line).ifPresent(sentences::add);
                }
            }
            result.addAll(sentences.isEmpty() ? List.of(draft) : sentences);
        }
        return result;
    }

    private static Optional<Draft> sentenceJob(String line) {
        Matcher m = AS_ROLE.matcher(line);
        Optional<DateRange.Found> range = DateRange.findRange(line);
        if (!m.find() || range.isEmpty() || Text.letterWordCount(line) > 40) {
            return Optional.empty();
        }
        Draft job = new Draft();
        job.position = Text.trimSeparators(m.group(1));
        job.company = Text.trimSeparators(m.group(2));
        job.dates = range.get().range();
        job.labelled = true;
        return job.position.isEmpty() || job.company.isEmpty() ? Optional.empty() : Optional.of(job);
    }

    /**
     * For each line, whether a dated line that is not a bullet follows within two lines with no bullet between:
     * such a line starts a job header ("Fabrikam, Inc." / "Frontend Developer" / "2019-02 - 2022-07"), however
     * it ends.
     */
    private static boolean[] headsDates(List<String> lines) {
        boolean[] heads = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j <= i + 2 && j < lines.size() && !Text.isBullet(lines.get(j)); j++) {
                if (isDateLine(lines.get(j))) {
                    heads[i] = true;
                    break;
                }
            }
        }
        return heads;
    }

    private static boolean isDateLine(String line) {
        return DateRange.findRangeOrDate(line).isPresent() && Text.letterWordCount(line) <= 12 && !isProse(line);
    }

    /** Three quarters of the length most long lines reach: a line that long ran into the margin. */
    private static int wrapWidth(List<String> lines) {
        int[] lengths = lines.stream().mapToInt(String::length).sorted().toArray();
        if (lengths.length == 0) {
            return WRAPPED_LINE_CHARS;
        }
        int typicalLong = lengths[(int) Math.floor((lengths.length - 1) * 0.9)];
        return Math.max(MIN_WRAPPED_LINE_CHARS, Math.min(WRAPPED_LINE_CHARS, typicalLong * 3 / 4));
    }

    /** "Acme Ltd, Kolkata Tenure: June 1995 to May 1996" is two lines: the company, and the labelled dates. */
    private static List<String> withInlineLabelsSplit(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        for (String line : lines) {
            for (String piece : INLINE_LABEL.split(line)) {
                if (!piece.isBlank()) {
                    result.add(piece.strip());
                }
            }
        }
        return result;
    }

    /** Inside a labelled body, only a dated line, a labelled field or a line just before one starts the next entry. */
    private static boolean startsEntry(String text, String next) {
        return DateRange.findRange(text).isPresent() && !isProse(text) || isFieldLabel(text) || isFieldLabel(next);
    }

    private static boolean isFieldLabel(String text) {
        return POSITION_LABEL.matcher(text).matches() || COMPANY_LABEL.matcher(text).matches()
                || DATES_LABEL.matcher(text).matches();
    }

    private static Draft addHeaderLine(List<Draft> drafts, Draft draft, String line) {
        Optional<DateRange.Found> found = DateRange.findRange(line);
        if (found.isEmpty() && draft != null && draft.dates != null) {
            String dated = line;
            found = DateRange.findRangeOrDate(line).filter(date -> date.atEdgeOf(dated))
                    .map(date -> new DateRange.Found(new DateRange(date.range().end(), date.range().end(), false),
                            date.from(), date.to()));
        }
        if (found.isPresent()) {
            Draft target = draft == null || draft.hasBody() || draft.dates != null ? start(drafts) : draft;
            target.dates = found.get().range();
            addHeaderPart(target, found.get().remainder(line));
            return target;
        }
        Draft target = draft == null || draft.hasBody() || draft.headerComplete() ? start(drafts) : draft;
        Optional<DateRange.Found> lone = target.dates == null ? DateRange.findRangeOrDate(line) : Optional.empty();
        if (lone.isPresent()) {
            // "Intern at Acme | Summer 2017": a single date is the whole span
            String date = lone.get().range().end();
            target.dates = new DateRange(date, date, false);
            line = lone.get().remainder(line);
        }
        addHeaderPart(target, line);
        return target;
    }

    private static void addHeaderPart(Draft target, String text) {
        String part = WORKING_AS.matcher(Text.trimSeparators(ROW_NUMBER.matcher(text).replaceFirst(""))).replaceFirst("");
        if (!part.isEmpty()) {
            target.header.add(part);
        }
    }

    private static DateRange datesOf(String text) {
        Optional<DateRange.Found> range = DateRange.findRange(text);
        if (range.isPresent()) {
            return range.get().range();
        }
        String date = DateRange.findRangeOrDate(text).orElseThrow().range().end();
        return new DateRange(date, null, true);
    }

    private static Draft start(List<Draft> drafts) {
        Draft draft = new Draft();
        drafts.add(draft);
        return draft;
    }

    /** A wrapped bullet or sentence: it carries on in lower case, or the line before stopped mid-phrase. */
    /**
     * {@code next}: the line after, which tells a wrapped end ("Units (TPU).") from the next job's employer;
     * {@code headsDates}: a dated line follows within two lines, so this one starts a job header;
     * {@code wrapWidth}: how long a line of this section gets before the layout breaks it.
     */
    private static boolean isContinuation(String previous, String line, String next, boolean headsDates, int wrapWidth) {
        String before = previous.strip();
        if (Character.isLowerCase(line.codePointAt(0)) || CONNECTOR_END.matcher(before).find()) {
            return true; // mid-sentence: even a date on it belongs to the sentence ("… (CBSE)," / "Bengaluru (From 2016 …")
        }
        if (DateRange.findRange(line).isPresent() && !isProse(line)) {
            return false;
        }
        boolean endsOrLeadsToBody = (line.matches(".*[.)]$") || Text.isBullet(next)) && !headsDates;
        boolean brokenOff = before.length() >= wrapWidth && !before.matches(".*[.!?:;)]$") && !line.contains("|");
        boolean tail = Text.letterWordCount(line) <= WRAPPED_TAIL_WORDS && endsOrLeadsToBody;
        boolean paragraph = Text.letterWordCount(line) >= MIN_SENTENCE_WORDS && !headsDates;
        return brokenOff && (tail || paragraph);
    }

    /** A place on its own ("Mandaluyong, Philippines", "Remote", "Berlin, Germany"): not a title nor a company. */
    static boolean isLocation(String line) {
        return RoleSplitter.isLocation(Text.trimSeparators(line));
    }

    /** Many words, most of them in lower case, and no dates: a sentence, where titles and names are capitalised. */
    private static boolean isSentence(String line) {
        String[] words = line.strip().split("\\s+");
        long lower = Arrays.stream(words).filter(w -> !w.isEmpty() && Character.isLowerCase(w.codePointAt(0)))
                .count();
        return words.length >= MIN_SENTENCE_WORDS && lower * 2 >= words.length && DateRange.findRangeOrDate(line).isEmpty();
    }

    /** A sentence rather than a title, company or date line. */
    static boolean isProse(String line) {
        int words = Text.letterWordCount(line);
        boolean dated = DateRange.findRange(line).isPresent();
        boolean tableRow = line.split("\\|", -1).length > 3 && dated;
        if (words > (dated ? MAX_DATED_HEADER_WORDS : MAX_HEADER_WORDS) && !tableRow) {
            return true;
        }
        if (dated) {
            return false; // a dated header may run long, and a dated table row ("3 | Acme | Faculty | 2012 | …") longer
        }
        if (words >= 6 && PAST_TENSE_START.matcher(line).find() && Vocabulary.titleScore(line) < 1) {
            return true;
        }
        if (words < 4 || !line.endsWith(".")) {
            return false;
        }
        String lastWord = line.substring(line.lastIndexOf(' ') + 1);
        return !Vocabulary.isCompanySuffix(lastWord) && !lastWord.matches("(?i)(?:jr|sr|st|dr)\\.");
    }

    private static final class Draft {
        final List<String> header = new ArrayList<>();
        final List<String> bullets = new ArrayList<>();
        final List<String> description = new ArrayList<>();
        final List<String> skills = new ArrayList<>();
        DateRange dates;
        String position;
        String company;
        boolean labelled;
        boolean expectCompany;

        boolean hasBody() {
            return !bullets.isEmpty() || !description.isEmpty();
        }

        /**
         * Dates plus two header lines, or one line that joins title and company unmistakably ("at", a column gap):
         * a dash inside a line may as well join a title to its qualifier ("Director – IT Operations").
         */
        boolean headerComplete() {
            int parts = header.size() + (position != null ? 1 : 0) + (company != null ? 1 : 0);
            return dates != null && (parts >= 2 || parts == 1 && RoleSplitter.hasClearSeparator(header.get(0)));
        }

        /** Nothing but a stray line: no dates, no body, no label, no words of a title or a company. */
        boolean isNoise() {
            return dates == null && !hasBody() && !labelled && header.stream().allMatch(
                    part -> Vocabulary.titleScore(part) == 0 && Vocabulary.companyScore(part) == 0);
        }

        String lastBodyLine() {
            List<String> target = bullets.isEmpty() ? description : bullets;
            return target.get(target.size() - 1);
        }

        void appendToLastBodyLine(String line) {
            List<String> target = bullets.isEmpty() ? description : bullets;
            int last = target.size() - 1;
            target.set(last, target.get(last) + " " + line);
        }

        WorkExperience toWorkExperience(RoleSplitter.Order order) {
            RoleSplitter.Role role = RoleSplitter.split(header, order);
            String title = position != null ? position : role.position();
            String employer = company != null ? company : role.company();
            if (position != null && company == null && role.company() == null) {
                employer = role.position();
            } else if (company != null && position == null && role.position() == null) {
                title = role.company();
            }
            if (title == null && employer == null && dates == null) {
                return null;
            }
            String description = this.description.isEmpty() ? null : String.join(" ", this.description);
            return new WorkExperience(employer, title,
                    dates == null ? null : dates.start(), dates == null ? null : dates.end(),
                    dates != null && dates.current(), description, bullets, Text.dedupe(skills));
        }
    }
}
