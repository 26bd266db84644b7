package io.atspro.resume;

/** The built-in rules ({@link ResumeParser}): offline, and the fallback of the model-based parser. */
final class RulesResumeParser implements ResumeTextParser {

    private final ResumeParser rules = new ResumeParser();

    @Override
    public ParsedResume parse(String userId, ExtractedText text) {
        return rules.parse(text);
    }
}
