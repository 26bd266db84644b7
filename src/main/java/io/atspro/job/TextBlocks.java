package io.atspro.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Job description markup (HTML or plain text) as a flat list of headings, paragraphs and list items, then as
 * readable text and as the bullet lists found under responsibility, requirement, benefit and logistics headings.
 */
final class TextBlocks {

    enum Kind { HEADING, PARAGRAPH, ITEM }

    /**
     * @param level for headings, how strong: 1-6 for h1-h6, 7 for a bold paragraph, 8 for a line of text; else 0
     */
    record Block(Kind kind, String text, int level) {
        Block(Kind kind, String text) {
            this(kind, text, kind == Kind.HEADING ? TEXT_HEADING : 0);
        }
    }

    private static final int BOLD_HEADING = 7;
    private static final int TEXT_HEADING = 8;

    enum Section { RESPONSIBILITIES, QUALIFICATIONS, BENEFITS, LOGISTICS, OTHER }

    /** The lists found under known headings. */
    record Sections(List<String> responsibilities, List<String> qualifications, List<String> benefits,
                    List<String> logistics) {
    }

    /** Elements that never hold readable job text. */
    static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "canvas", "iframe",
            "object", "embed", "head", "title", "meta", "link", "button", "select", "input", "textarea", "video",
            "audio", "source", "picture", "img", "map");
    private static final Set<String> BLOCK = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "nav", "blockquote", "figure", "figcaption", "form", "fieldset", "address", "table", "thead",
            "tbody", "tfoot", "tr", "caption", "dl", "details", "summary", "center", "hr", "body", "html", "ul", "ol",
            "menu", "dialog");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> EMPHASIS = Set.of("strong", "b", "u");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?\\s*>");
    private static final Pattern BULLET =
            Pattern.compile("^\\s*(?:[•●▪■◦○·∙‣⁃►▸➢✓✔*]|[-–—](?=\\s)|\\(?\\d{1,2}[.)](?=\\s))\\s*");
    private static final int HEADING_MAX = 100;

    private TextBlocks() {
    }

    // ---------------------------------------------------------------- parsing

    /** HTML when it has tags (also when they are entity-escaped once, as some boards serve them), else plain text. */
    static List<Block> fromMarkup(String markup) {
        if (markup == null || markup.isBlank()) {
            return List.of();
        }
        String text = markup;
        if (!TAG.matcher(text).find() && text.contains("&lt;")) {
            text = Parser.unescapeEntities(text, false);
        }
        if (TAG.matcher(text).find()) {
            return fromHtml(Jsoup.parseBodyFragment(text).body());
        }
        return fromText(Parser.unescapeEntities(text, false));
    }

    static List<Block> fromHtml(Element root) {
        Walker walker = new Walker();
        walker.walkChildren(root);
        walker.flush();
        return walker.blocks;
    }

    /** Plain text: one block per line; bullet lines are items, short lines ending in ':' or naming a section are headings. */
    static List<Block> fromText(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            addLine(blocks, raw);
        }
        return blocks;
    }

    private static void addLine(List<Block> blocks, String raw) {
        String line = normalize(raw);
        if (line.isEmpty()) {
            return;
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.find() && bullet.end() < line.length()) {
            blocks.add(new Block(Kind.ITEM, line.substring(bullet.end()).strip()));
        } else if (looksLikeHeading(line)) {
            blocks.add(new Block(Kind.HEADING, stripColon(line)));
        } else {
            blocks.add(new Block(Kind.PARAGRAPH, line));
        }
    }

    private static boolean looksLikeHeading(String line) {
        if (line.length() > 80 || line.endsWith(".")) {
            return false;
        }
        return line.endsWith(":") || (line.length() <= 60 && classify(line) != Section.OTHER && line.split(" ").length <= 8);
    }

    /** Collapses whitespace (non-breaking and zero-width included) to single spaces. */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("[\\u200B\\u200C\\u200D\\uFEFF]", "")
                .replaceAll("[\\s\\u00A0\\u2007\\u202F\\u2028\\u2029]+", " ")
                .strip();
    }

    private static String stripColon(String s) {
        String t = s.strip();
        while (t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** Walks the element tree, cutting text at block boundaries. */
    private static final class Walker {
        final List<Block> blocks = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();

        void walkChildren(Element element) {
            for (Node child : element.childNodes()) {
                visit(child);
            }
        }

        private void visit(Node node) {
            if (node instanceof TextNode text) {
                line.append(text.getWholeText().replaceAll("[\\r\\n\\t]+", " "));
                return;
            }
            if (!(node instanceof Element e)) {
                return;
            }
            String tag = e.normalName();
            if (SKIPPED.contains(tag) || hidden(e)) {
                return;
            }
            if (tag.equals("br")) {
                line.append('\n');
            } else if (HEADINGS.contains(tag)) {
                flush();
                String text = inlineText(e, false);
                if (!text.isEmpty()) {
                    blocks.add(text.length() <= HEADING_MAX
                            ? new Block(Kind.HEADING, stripColon(text), tag.charAt(1) - '0')
                            : new Block(Kind.PARAGRAPH, text));
                }
            } else if (tag.equals("li") || tag.equals("dd") || tag.equals("dt")) {
                flush();
                item(e);
            } else if (tag.equals("pre")) {
                flush();
                for (String raw : e.wholeText().split("\\R")) {
                    addLine(blocks, raw);
                }
            } else if (BLOCK.contains(tag) || tag.equals("td") || tag.equals("th")) {
                flush();
                if ((tag.equals("p") || tag.equals("div")) && emphasisOnly(e)) {
                    blocks.add(new Block(Kind.HEADING, stripColon(inlineText(e, false)), BOLD_HEADING));
                } else {
                    walkChildren(e);
                }
                flush();
            } else {
                walkChildren(e);
                if (EMPHASIS.contains(tag) && e.text().strip().endsWith(":")) {
                    line.append(' ');
                }
            }
        }

        private void item(Element li) {
            String text = inlineText(li, true);
            if (!text.isEmpty()) {
                Matcher bullet = BULLET.matcher(text);
                blocks.add(new Block(Kind.ITEM, bullet.find() && bullet.end() < text.length()
                        ? text.substring(bullet.end()).strip() : text));
            }
            List<Element> nested = new ArrayList<>();
            nestedLists(li, nested);
            for (Element list : nested) {
                walkChildren(list);
                flush();
            }
        }

        void flush() {
            if (line.length() == 0) {
                return;
            }
            for (String raw : line.toString().split("\n")) {
                addLine(blocks, raw);
            }
            line.setLength(0);
        }
    }

    private static void nestedLists(Element element, List<Element> out) {
        for (Element child : element.children()) {
            if (child.normalName().equals("ul") || child.normalName().equals("ol")) {
                out.add(child);
            } else if (!SKIPPED.contains(child.normalName())) {
                nestedLists(child, out);
            }
        }
    }

    /** The element's text on one line; block children and line breaks become spaces, a bold "Label:" gets a space after. */
    static String inlineText(Element element, boolean skipLists) {
        StringBuilder out = new StringBuilder();
        appendInline(element, skipLists, out);
        return normalize(out.toString());
    }

    private static void appendInline(Element element, boolean skipLists, StringBuilder out) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (SKIPPED.contains(tag) || hidden(e) || (skipLists && (tag.equals("ul") || tag.equals("ol")))) {
                    continue;
                }
                if (tag.equals("br")) {
                    out.append(' ');
                    continue;
                }
                boolean block = BLOCK.contains(tag) || HEADINGS.contains(tag) || tag.equals("li") || tag.equals("td");
                if (block) {
                    out.append(' ');
                }
                appendInline(e, skipLists, out);
                if (block || (EMPHASIS.contains(tag) && e.text().strip().endsWith(":"))) {
                    out.append(' ');
                }
            }
        }
    }

    /** A short paragraph all in bold (or underlined): a heading in disguise, as most job boards write them. */
    private static boolean emphasisOnly(Element p) {
        for (Element child : p.children()) {
            String tag = child.normalName();
            if (BLOCK.contains(tag) || HEADINGS.contains(tag) || tag.equals("li")) {
                return false;
            }
        }
        String text = inlineText(p, false);
        if (text.isEmpty() || text.length() > HEADING_MAX || text.endsWith(".")) {
            return false;
        }
        StringBuilder outside = new StringBuilder();
        textOutsideEmphasis(p, outside);
        return normalize(outside.toString()).replace(":", "").isBlank() && !p.select("strong, b, u").isEmpty();
    }

    private static void textOutsideEmphasis(Element element, StringBuilder out) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (child instanceof Element e && !EMPHASIS.contains(e.normalName())
                    && !SKIPPED.contains(e.normalName())) {
                textOutsideEmphasis(e, out);
            }
        }
    }

    static boolean hidden(Element e) {
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
            return true;
        }
        String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        return style.contains("display:none") || style.contains("visibility:hidden");
    }

    // ---------------------------------------------------------------- rendering

    /** Readable text: paragraphs separated by blank lines, list items as "- item" lines. */
    static String render(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        Block previous = null;
        for (Block block : blocks) {
            if (previous != null) {
                boolean tight = previous.kind() == Kind.HEADING
                        || (previous.kind() == Kind.ITEM && block.kind() == Kind.ITEM);
                out.append(tight ? "\n" : "\n\n");
            }
            out.append(block.kind() == Kind.ITEM ? "- " : "").append(block.text());
            previous = block;
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- sections

    private static final Pattern RESPONSIBILITIES = Pattern.compile(String.join("|",
            "responsibilit", "duties", "accountabilit", "what you('ll| will)? (do|be doing|work on|own|achieve|tackle)",
            "what you('ll| will) be (doing|working on)", "your role", "in this role", "the role involves",
            "day[- ]to[- ]day", "your (impact|mission|day)", "job functions", "essential functions", "key result areas",
            "scope of (the )?role", "how you('ll| will) (contribute|make an impact)", "what the job involves",
            "what we need you to do", "^you('ll| will)$", "^tasks", "your tasks", "what you can expect"));
    private static final Pattern QUALIFICATIONS = Pattern.compile(String.join("|",
            "qualification", "requirement", "what you('ll| will)? bring", "what (we're|we are) looking for",
            "who (we're|we are) looking for", "who you are", "about you", "skills", "experience", "must[- ]haves?",
            "nice[- ]to[- ]haves?", "preferred", "bonus", "ideal candidate", "competenc", "education",
            "what you need", "what we need", "you('ll| will) need", "to be successful", "^you (have|bring|are|should|might)",
            "^(your |candidate |the |ideal )?profile", "knowledge", "eligibility", "criteria", "your background", "what it takes",
            "what makes you a (good|great) fit"));
    private static final Pattern BENEFITS = Pattern.compile(String.join("|",
            "benefit", "perks", "what we offer", "we offer", "our offer", "why join", "why you('ll)? (love|join)",
            "why work", "^why ", "compensation", "what's in it for you", "what is in it for you", "rewards", "our package"));
    private static final Pattern LOGISTICS = Pattern.compile(String.join("|",
            "logistics", "schedule", "working hours", "work hours", "hours of work", "shift", "travel",
            "work arrangement", "working arrangement", "work location", "job type", "employment type",
            "where you('ll| will) work", "working conditions", "work environment", "physical demands", "start date"));

    static Section classify(String heading) {
        String h = normalize(heading).toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'')
                .replaceAll("[:.!?]+$", "").strip();
        if (h.isEmpty() || h.length() > HEADING_MAX) {
            return Section.OTHER;
        }
        if (RESPONSIBILITIES.matcher(h).find()) {
            return Section.RESPONSIBILITIES;
        }
        if (BENEFITS.matcher(h).find()) {
            return Section.BENEFITS;
        }
        if (LOGISTICS.matcher(h).find()) {
            return Section.LOGISTICS;
        }
        if (QUALIFICATIONS.matcher(h).find()) {
            return Section.QUALIFICATIONS;
        }
        return Section.OTHER;
    }

    /**
     * The items under each known heading, until the next heading of the same or a stronger level (weaker unknown
     * headings, such as "1. Advisory" under "Key Responsibilities", are subheadings of the section). A
     * responsibility or qualification section without list items contributes its paragraphs instead (up to 10
     * short ones), unless its heading is an "About ..." one, usually prose.
     */
    static Sections sections(List<Block> blocks) {
        List<String> responsibilities = new ArrayList<>();
        List<String> qualifications = new ArrayList<>();
        List<String> benefits = new ArrayList<>();
        List<String> logistics = new ArrayList<>();
        int i = 0;
        while (i < blocks.size()) {
            Block heading = blocks.get(i);
            if (heading.kind() != Kind.HEADING) {
                i++;
                continue;
            }
            Section section = classify(heading.text());
            List<String> items = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            int j = i + 1;
            for (; j < blocks.size(); j++) {
                Block block = blocks.get(j);
                if (block.kind() == Kind.HEADING) {
                    boolean subheading = section != Section.OTHER && block.level() > heading.level()
                            && classify(block.text()) == Section.OTHER;
                    if (!subheading) {
                        break;
                    }
                } else {
                    (block.kind() == Kind.ITEM ? items : paragraphs).add(block.text());
                }
            }
            if (items.isEmpty() && (section == Section.RESPONSIBILITIES || section == Section.QUALIFICATIONS)
                    && !heading.text().toLowerCase(Locale.ROOT).startsWith("about")
                    && paragraphs.size() <= 10 && paragraphs.stream().allMatch(p -> p.length() <= 600)) {
                items = paragraphs;
            }
            switch (section) {
                case RESPONSIBILITIES -> responsibilities.addAll(items);
                case QUALIFICATIONS -> qualifications.addAll(items);
                case BENEFITS -> benefits.addAll(items);
                case LOGISTICS -> logistics.addAll(items);
                default -> {
                }
            }
            i = j;
        }
        return new Sections(distinct(responsibilities), distinct(qualifications), distinct(benefits),
                distinct(logistics));
    }

    static List<String> distinct(List<String> items) {
        return new ArrayList<>(new LinkedHashSet<>(items));
    }
}
