package io.atspro.resume;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spoken languages, which a skills list keeps apart: "English (Fluent)", "Fluent in Spanish", "Arabic – native". */
final class Languages {

    private static final Set<String> SPOKEN = Text.setOf("english", "spanish", "french", "german", "italian",
            "portuguese", "dutch", "russian", "ukrainian", "polish", "czech", "slovak", "hungarian", "romanian",
            "bulgarian", "serbian", "croatian", "greek", "turkish", "arabic", "hebrew", "persian", "farsi", "urdu",
            "hindi", "bengali", "bangla", "punjabi", "gujarati", "marathi", "tamil", "telugu", "kannada",
            "malayalam", "odia", "oriya", "nepali", "sinhala", "chinese", "mandarin", "cantonese", "japanese",
            "korean", "vietnamese", "thai", "indonesian", "malay", "tagalog", "filipino", "swahili", "amharic",
            "yoruba", "hausa", "igbo", "zulu", "afrikaans", "swedish", "norwegian", "danish", "finnish",
            "icelandic", "estonian", "latvian", "lithuanian", "catalan", "basque", "galician", "albanian",
            "macedonian", "slovenian", "armenian", "georgian", "azerbaijani", "kazakh", "uzbek", "pashto", "dari",
            "kurdish", "sindhi", "assamese", "konkani", "tulu", "sanskrit", "latin");
    private static final Pattern LEVEL_WORD = Pattern.compile("native|mother|tongue|fluent|fluency|proficient|"
            + "proficiency|professional|working|full|business|conversational|intermediate|advanced|basic|elementary|"
            + "beginner|limited|knowledge|good|excellent|read|reading|write|writing|speak|speaking|spoken|written|"
            + "[abc][12]|level|and|or|both|language|languages|bilingual|upper|lower|oral|skills?");
    private static final Set<String> GRID_WORDS = Text.setOf("mother", "tongue", "tongues", "other", "language",
            "languages", "understanding", "speaking", "writing", "listening", "reading", "spoken", "interaction",
            "production", "levels", "common", "european", "framework", "reference");
    private static final Pattern FLUENT_IN = Pattern.compile(
            "(?i)^(?:fluent|proficient|native|conversational|basic|good)(?: speaker)?\\s+(?:in\\s+)?(.+)$");

    private Languages() {
    }


    /** "Mother tongue(s)", "UNDERSTANDING", "Spoken interaction": the headings of a Europass language grid. */
    static boolean isLanguageGridWord(String item) {
        String text = item.toLowerCase(Locale.ROOT).replace("(s)", "s").strip();
        return !text.isEmpty() && Arrays.stream(text.split("[^\\p{L}]+")).filter(w -> !w.isEmpty())
                .allMatch(GRID_WORDS::contains);
    }

    /** Every word of the item is a spoken language or a level: "English (Fluent) and French (Fluent)". */
    static boolean isSpokenLanguage(String item) {
        String text = item.strip();
        Matcher fluent = FLUENT_IN.matcher(text);
        if (fluent.matches()) {
            text = fluent.group(1);
        }
        boolean language = false;
        for (String word : text.split("[^\\p{L}\\d]+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                continue;
            }
            if (SPOKEN.contains(lower)) {
                language = true;
            } else if (!LEVEL_WORD.matcher(lower).matches()) {
                return false;
            }
        }
        return language;
    }
}
