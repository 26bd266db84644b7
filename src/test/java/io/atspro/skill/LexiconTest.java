package io.atspro.skill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private final Lexicon lexicon = Lexicon.standard();

    /** Display names of the terms found in running text. */
    private Set<String> terms(String text) {
        return terms(text, false);
    }

    private Set<String> terms(String text, boolean listItem) {
        Set<String> out = new TreeSet<>();
        lexicon.match(lexicon.tokenize(text), listItem).forEach(h -> out.add(lexicon.term(h.termKey()).display()));
        return out;
    }

    @Test
    void vocabularyIsLoadedFromTheClasspath() {
        assertThat(lexicon.size()).isGreaterThan(300);
    }

    @Test
    void vocabularyFilesHaveNoConflictsOrDanglingNames() {
        assertThat(lexicon.warnings()).isEmpty();
    }

    @Test
    void aliasesFoldIntoTheirCanonicalTerm() {
        assertThat(terms("JS")).isEqualTo(terms("JavaScript")).containsExactly("JavaScript");
        assertThat(terms("k8s")).isEqualTo(terms("Kubernetes")).containsExactly("Kubernetes");
        assertThat(terms("Postgres")).isEqualTo(terms("PostgreSQL")).containsExactly("PostgreSQL");
        assertThat(terms("postgre sql")).containsExactly("PostgreSQL");
        assertThat(terms("ML")).isEqualTo(terms("machine learning")).containsExactly("machine learning");
        assertThat(terms("Amazon Web Services")).isEqualTo(terms("AWS")).containsExactly("AWS");
        assertThat(terms("TS")).containsExactly("TypeScript");
        assertThat(terms("golang")).containsExactly("Go");
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(terms("KUBERNETES, postgresql; Machine-Learning.")).containsExactly(
                "Kubernetes", "PostgreSQL", "machine learning");
        assertThat(terms("Node.js")).isEqualTo(terms("NodeJS")).isEqualTo(terms("node js")).containsExactly("Node.js");
        assertThat(terms("scikit-learn")).isEqualTo(terms("scikit learn")).containsExactly("scikit-learn");
    }

    @Test
    void pluralsFoldButWordsThatOnlyLookPluralStay() {
        assertThat(terms("distributed systems")).isEqualTo(terms("distributed system"))
                .containsExactly("distributed systems");
        assertThat(terms("REST APIs")).isEqualTo(terms("REST API")).containsExactly("REST API");
        assertThat(terms("code reviews")).containsExactly("code review");
        assertThat(terms("data pipelines")).containsExactly("ETL");
        assertThat(Lexicon.stem("kubernetes")).isEqualTo("kubernetes");
        assertThat(Lexicon.stem("redis")).isEqualTo("redis");
        assertThat(Lexicon.stem("pandas")).isEqualTo("pandas");
        assertThat(Lexicon.stem("analytics")).isEqualTo("analytics");
        assertThat(Lexicon.stem("business")).isEqualTo("business");
        assertThat(Lexicon.stem("analysis")).isEqualTo("analysis");
        assertThat(Lexicon.stem("technologies")).isEqualTo("technology");
        assertThat(Lexicon.stem("processes")).isEqualTo("process");
        assertThat(Lexicon.stem("apis")).isEqualTo("api");
        assertThat(terms("Kubernetes, Redis and pandas")).containsExactly("Kubernetes", "Redis", "pandas");
    }

    @Test
    void symbolLanguagesStayWholeAndDistinct() {
        assertThat(terms("C++, C#, .NET and C")).containsExactly(".NET", "C", "C#", "C++");
        assertThat(terms("Java")).containsExactly("Java");
        assertThat(terms("JavaScript")).containsExactly("JavaScript");
        assertThat(terms("CI/CD pipelines")).containsExactly("CI/CD");
        assertThat(terms("A/B tests")).containsExactly("A/B testing");
        assertThat(terms("Java/Kotlin")).containsExactly("Java", "Kotlin"); // unknown compound split
    }

    @Test
    void goCountsOnlyWhenItIsTheLanguage() {
        assertThat(terms("Built services in Go and Python")).contains("Go");
        assertThat(terms("Go, Rust or Java")).contains("Go", "Rust", "Java");
        assertThat(terms("Go or Python experience")).contains("Go");
        assertThat(terms("go to market with the sales team")).doesNotContain("Go");
        assertThat(terms("Go to market with the sales team")).doesNotContain("Go");
        assertThat(terms("Led the EHR Go-Live in 2022")).doesNotContain("Go");
        assertThat(terms("ready to go")).doesNotContain("Go");
        assertThat(terms("go", true)).containsExactly("Go"); // a skills-list entry
        assertThat(terms("R&D budget")).doesNotContain("R").contains("research and development");
        assertThat(terms("Python, R and SQL")).contains("R");
        assertThat(terms("Excel at building relationships")).doesNotContain("Excel");
        assertThat(terms("Advanced Excel skills")).contains("Excel");
    }

    @Test
    void roleNamesInThePluralAreColleaguesNotSkills() {
        assertThat(terms("Partner with product managers and data scientists")).isEmpty();
        assertThat(terms("Senior Product Manager", true)).containsExactly("product management");
        assertThat(terms("3 years as a product manager")).containsExactly("product management");
    }

    @Test
    void impliedTermsAreBroaderOnly() {
        String mysql = lexicon.key("MySQL");
        assertThat(lexicon.withImplied(mysql)).contains(mysql, lexicon.key("relational databases"),
                lexicon.key("SQL"));
        assertThat(lexicon.withImplied(lexicon.key("relational databases"))).doesNotContain(mysql);
        assertThat(lexicon.withImplied(lexicon.key("Spring Boot"))).contains(lexicon.key("Java"));
    }

    @Test
    void filesTolerateCommentsBlankLinesAndSymbols() {
        Lexicon custom = Lexicon.parse("""
                # a comment

                [languages]
                C#   # trailing comment
                Elm
                [soft] weight=0.5 kind=soft
                teamwork
                [certifications] kind=certification
                CKA > Kubernetes
                Kubernetes
                """, """
                # aliases
                JavaScript = js, ecmascript   # comment

                Elm = elm-lang
                """);
        assertThat(custom.term(custom.key("C#")).display()).isEqualTo("C#");
        assertThat(custom.term(custom.key("teamwork")).weight()).isEqualTo(0.5);
        assertThat(custom.term(custom.key("JavaScript")).weight()).isEqualTo(1.0);
        assertThat(custom.match(custom.tokenize("ecmascript and elm-lang"), false))
                .extracting(h -> custom.term(h.termKey()).display())
                .containsExactly("JavaScript", "Elm");
        assertThat(custom.match(custom.tokenize("elm lang"), false)).hasSize(1);
        assertThat(custom.term(custom.key("teamwork")).kind()).isEqualTo(Lexicon.Kind.SOFT);
        assertThat(custom.term(custom.key("CKA")).kind()).isEqualTo(Lexicon.Kind.CERTIFICATION);
        assertThat(custom.term(custom.key("C#")).kind()).isEqualTo(Lexicon.Kind.SKILL);
        assertThat(custom.withImplied(custom.key("CKA"))).containsExactly("cka", "kubernetes");
    }

    @Test
    void emptyTextHasNoTokens() {
        assertThat(lexicon.tokenize(null)).isEmpty();
        assertThat(lexicon.tokenize("   ")).isEmpty();
        assertThat(lexicon.match(List.of(), false)).isEmpty();
    }
}
