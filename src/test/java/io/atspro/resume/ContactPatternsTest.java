package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Link;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactPatternsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Phone: +1 (415) 555-0132           | +1 (415) 555-0132",
        "(212) 555-0147 · jane@example.com   | (212) 555-0147",
        "415-555-0199                       | 415-555-0199",
        "555.123.4567                       | 555.123.4567",
        "+44 20 7946 0958                   | +44 20 7946 0958",
        "+49 (0)30 901820                   | +49 (0)30 901820",
        "Tel. +33 1 42 68 53 00             | +33 1 42 68 53 00",
        "+91 98765 43210 · Mumbai           | +91 98765 43210",
        "Mobile: +81 3-1234-5678            | +81 3-1234-5678",
        "+55 11 91234-5678                  | +55 11 91234-5678",
        "+1 650.555.0101                    | +1 650.555.0101"})
    void findsPhoneNumbersInInternationalAndUsFormats(String line, String phone) {
        assertThat(ContactExtractor.phone(List.of(line), false)).contains(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-03 - 2021-06", "2018-2020", "Zip 12345", "03/2019 – 05/2021", "2021-03-15",
        "linkedin.com/in/jane-12345678", "jane.12345678@example.com"})
    void doesNotTakeDatesOrOtherNumbersForPhones(String line) {
        assertThat(ContactExtractor.phone(List.of(line), false)).isEmpty();
    }

    @Test
    void fallsBackToLabelledPhonesAnywhere() {
        List<String> lines = List.of("Jane Doe", "Experience", "2019-03 - 2021-06 at Acme", "Phone: 020 7946 0958");

        assertThat(ContactExtractor.phone(lines, true)).contains("020 7946 0958");
    }

    @Test
    void findsEmails() {
        assertThat(ContactExtractor.email(List.of("Contact: jane.o'doe at nowhere", "mail: Jane.Doe+cv@mail.example.co.uk | x")))
                .contains("Jane.Doe+cv@mail.example.co.uk");
    }

    @Test
    void namesLinksByTheirNetworkAndAddsTheScheme() {
        List<String> header = List.of("jane@janedoe.dev | linkedin.com/in/jane-doe | https://github.com/janedoe.",
                "Portfolio: www.janedoe.dev/work");

        assertThat(ContactExtractor.links(header, header)).containsExactly(
                new Link("LinkedIn", "https://linkedin.com/in/jane-doe"),
                new Link("GitHub", "https://github.com/janedoe"),
                new Link("Website", "https://www.janedoe.dev/work"));
    }

    @Test
    void takesLinkedInAndGitHubFromAnywhereButOtherSitesOnlyFromTheTop() {
        List<String> header = List.of("Jane Doe");
        List<String> all = List.of("Jane Doe", "Projects", "Built shop.example.com, see https://www.linkedin.com/in/jd");

        assertThat(ContactExtractor.links(header, all)).containsExactly(new Link("LinkedIn", "https://www.linkedin.com/in/jd"));
    }

    @Test
    void theSameLinkSpelledTwiceIsOneLink() {
        List<String> header = List.of("https://www.github.com/jd/", "github.com/jd");

        assertThat(ContactExtractor.links(header, header)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Doe", "Jean-Luc O'Neil", "Emma van der Berg", "María José García López", "John F. Kennedy",
        "Zoë Papadopoulos"})
    void recognisesNames(String name) {
        assertThat(ContactExtractor.looksLikeName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Work Experience", "Senior Software Engineer", "Curriculum Vitae", "jane doe", "Jane",
        "Jane Doe 2021", "jane@doe.com", "Acme Corp", "One Two Three Four Five", "Technical Skills"})
    void rejectsWhatIsNotAName(String text) {
        assertThat(ContactExtractor.looksLikeName(text)).isFalse();
    }

    @Test
    void theNameIsTheFirstNameLikeLineAndUpperCaseNamesAreTitleCased() {
        assertThat(ContactExtractor.name(List.of("CURRICULUM VITAE", "JEAN-LUC O'NEIL", "Senior Engineer")))
                .contains("Jean-Luc O'Neil");
        assertThat(ContactExtractor.name(List.of("Jane Doe | Senior Software Engineer"))).contains("Jane Doe");
        assertThat(ContactExtractor.name(List.of("Name: Jane Doe"))).contains("Jane Doe");
    }

    @Test
    void extractsTheWholeContactBlock() {
        List<String> header = List.of("Jane Doe", "Senior Software Engineer",
                "jane.doe@example.com | +1 (415) 555-0132 | San Francisco, CA", "linkedin.com/in/jane-doe | janedoe.dev");

        ContactInfo contact = ContactExtractor.extract(header, header);

        assertThat(contact).isEqualTo(new ContactInfo("Jane Doe", "jane.doe@example.com", "+1 (415) 555-0132",
                "San Francisco, CA", List.of(new Link("LinkedIn", "https://linkedin.com/in/jane-doe"),
                        new Link("Website", "https://janedoe.dev"))));
    }

    @Test
    void readsALabelledAddress() {
        assertThat(ContactExtractor.address(List.of("Jane Doe", "Location: Berlin, Germany"), "Jane Doe"))
                .contains("Berlin, Germany");
    }
}
