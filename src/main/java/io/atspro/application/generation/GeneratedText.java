package io.atspro.application.generation;

/**
 * A generated text.
 *
 * @param content    the text (Markdown for a tailored resume)
 * @param modelUsed  the model or template that wrote it
 * @param tokensUsed the tokens the model reported, or an estimate
 * @param prompt     what the model was asked, or a description of the template
 */
public record GeneratedText(String content, String modelUsed, int tokensUsed, String prompt) {
}
