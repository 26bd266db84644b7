package io.atspro.resume;

/** Turns the text read from an uploaded resume into {@code resume_data} and the warnings the user should see. */
interface ResumeTextParser {

    /**
     * @param userId whose resume it is (a model parse spends their plan's quota)
     * @param text   what was read from the file; its text is never logged
     */
    ParsedResume parse(String userId, ExtractedText text) throws InterruptedException;
}
