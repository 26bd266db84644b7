package io.atspro.resume;

/**
 * Fired when a user's resumes change in a way that matters to what is derived from them (a parse finished, an
 * edit, another resume made active, one deleted); observers act after the transaction commits.
 */
public record ResumeChanged(String userId) {
}
