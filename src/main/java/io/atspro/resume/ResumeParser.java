package io.atspro.resume;

import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import io.atspro.resume.SectionSplitter.Kind;
import io.atspro.resume.SectionSplitter.Sections;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a resume's plain text into {@link ResumeData} by rules alone: contact details by pattern, sections by
 * their headings, and each section by its own parser. Whatever is not recognised is left out rather than guessed.
 * Only the first {@value #MAX_CHARS} characters are read. Thread-safe and stateless.
 */
public final class ResumeParser {

    /** Resumes are far shorter; text beyond this (about a hundred pages) is not read. */
    static final int MAX_CHARS = 300_000;

    public ResumeData parse(String text) {
        return parseWithWarnings(text).data();
    }

    /** As {@link #parse(String)}, with what the user should check. */
    public ParsedResume parseWithWarnings(String text) {
        return parseWithWarnings(text, LayoutHints.NONE);
    }

    /** The extracted text, read with what its layout tells (the name's size, headings, hyperlinks). */
    public ParsedResume parse(ExtractedText extracted) {
        return parseWithWarnings(extracted.text(), extracted.layout());
    }

    ParsedResume parseWithWarnings(String text, LayoutHints layout) {
        String input = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<String> lines = Text.lines(input);
        Sections sections = SectionSplitter.split(lines, layout);

        List<String> contactLines = new ArrayList<>(sections.of(Kind.HEADER));
        contactLines.addAll(sections.of(Kind.CONTACT));
        ContactInfo contact = ContactExtractor.extract(contactLines, lines, layout);

        List<WorkExperience> jobs = ExperienceParser.parseBlocks(sections.blocksOf(Kind.EXPERIENCE));
        List<Education> schools = EducationParser.parse(sections.of(Kind.EDUCATION));
        List<String> skills = sections.has(Kind.SKILLS)
                ? SkillsParser.parse(sections.of(Kind.SKILLS))
                : skillsNamedElsewhere(jobs, schools);

        ResumeData data = new ResumeData(contact, summary(sections), jobs, schools,
                CertificationParser.parse(sections.of(Kind.CERTIFICATIONS)), skills);
        return new ParsedResume(data, ParseWarnings.of(sections, data));
    }

    private static String summary(Sections sections) {
        List<String> lines = sections.of(Kind.SUMMARY);
        return lines.isEmpty() ? null : String.join(" ", lines.stream().map(Text::stripBullet).toList());
    }

    /** Without a skills section, the skills listed under jobs and schools are the best list there is. */
    private static List<String> skillsNamedElsewhere(List<WorkExperience> jobs, List<Education> schools) {
        List<String> skills = new ArrayList<>();
        jobs.forEach(job -> skills.addAll(job.skills()));
        schools.forEach(school -> skills.addAll(school.skills()));
        return Text.dedupe(skills);
    }
}
