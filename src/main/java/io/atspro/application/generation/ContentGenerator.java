package io.atspro.application.generation;

/** Writes cover letters, follow-up emails and tailored resumes. */
public interface ContentGenerator {

    GeneratedText generate(GenerationRequest request) throws GenerationException;
}
