package io.atspro.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyFactsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        "https://careers.bunq.com/jobs/123, bunq.com",
        "https://www.channable.com, channable.com",
        "https://jobs.example.co.uk/x, example.co.uk",
        "http://acme.io, acme.io",
        "https://boards.greenhouse.io/stripe/jobs/1, null",
        "https://nvidia.wd5.myworkdayjobs.com/x, null",
        "https://jobs.smartrecruiters.com/BoschGroup/1, null",
        "https://bunq.recruitee.com/o/x, null",
        "https://clark.jobs.personio.de/job/1, null",
        "https://127.0.0.1:8080/jobs, null",
        "ftp://acme.io/jobs, null",
        "not a url, null",
        "null, null"})
    void theEmployersDomainComesOnlyFromItsOwnSite(String url, String domain) {
        assertThat(CompanyFacts.domainOf(url)).isEqualTo(domain);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"careers.acme.com, acme.com", "jobs.acme.com, acme.com", "acme.com, acme.com"})
    void aCareersLabelIsDroppedButTwoLabelsStay(String host, String domain) {
        assertThat(CompanyFacts.domainOf("https://" + host + "/")).isEqualTo(domain);
    }
}
