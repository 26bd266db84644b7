package io.atspro.scraping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CareersUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "boards.greenhouse.io/stripe, greenhouse, stripe",
        "https://job-boards.greenhouse.io/anthropic/jobs/4020305008, greenhouse, anthropic",
        "https://boards.eu.greenhouse.io/embed/job_board?for=n26&b=https://n26.com, greenhouse, n26",
        "https://boards-api.greenhouse.io/v1/boards/phonepe/jobs?content=true, greenhouse, phonepe",
        "https://jobs.lever.co/meesho, lever, meesho",
        "https://jobs.eu.lever.co/pleo/3c0b6f1a-1111-2222-3333-444455556666/apply, lever, pleo",
        "https://api.lever.co/v0/postings/meesho?mode=json, lever, meesho",
        "jobs.ashbyhq.com/roadsurfer.com, ashby, roadsurfer.com",
        "https://api.ashbyhq.com/posting-api/job-board/notion?includeCompensation=true, ashby, notion",
        "https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite, workday, nvidia.wd5/NVIDIAExternalCareerSite",
        "https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Israel-Yokneam/Engineer_JR2021705,"
                + " workday, nvidia.wd5/NVIDIAExternalCareerSite",
        "https://msd.wd5.myworkdayjobs.com/wday/cxs/msd/SearchJobs/jobs, workday, msd.wd5/SearchJobs",
        "https://wd1.myworkdaysite.com/recruiting/acme/External, workday, acme.wd1/External",
        "https://acme.wd1.myworkdaysite.com/de-DE/recruiting/acme/Careers, workday, acme.wd1/Careers",
        "https://careers.smartrecruiters.com/BoschGroup, smartrecruiters, BoschGroup",
        "https://jobs.smartrecruiters.com/Ubisoft2/744000151103220-game-designer, smartrecruiters, Ubisoft2",
        "https://api.smartrecruiters.com/v1/companies/BoschGroup/postings, smartrecruiters, BoschGroup",
        "https://apply.workable.com/huggingface/, workable, huggingface",
        "https://apply.workable.com/huggingface/j/D68529D654/, workable, huggingface",
        "https://apply.workable.com/api/v1/widget/accounts/eupry?details=true, workable, eupry",
        "https://eupry.workable.com, workable, eupry",
        "bunq.recruitee.com, recruitee, bunq",
        "https://channable.recruitee.com/o/data-engineer, recruitee, channable",
        "https://clark.jobs.personio.de/job/1234567?language=de, personio, clark",
        "https://personio.jobs.personio.com/xml, personio, personio",
        "https://upcloud.teamtailor.com/jobs, teamtailor, upcloud",
        "https://careers.example.org/jobs/42, jsonld, https://careers.example.org/jobs/42",
        "example.org/careers, jsonld, https://example.org/careers"
    })
    void recognisesThePlatformAndTheBoard(String url, String platform, String board) {
        assertThat(CareersUrls.recognise(url)).hasValueSatisfying(b -> {
            assertThat(b.platform()).isEqualTo(platform);
            assertThat(b.board()).isEqualTo(board);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "   ", "https://boards.greenhouse.io/", "https://jobs.lever.co", "mailto:jobs@acme.io",
        "https://nvidia.wd5.myworkdayjobs.com/", "https://apply.workable.com/", "https://jobs.ashbyhq.com/..%2F..",
        "http://[::1", "https://careers.smartrecruiters.com/", "42", "acme"})
    void aKnownHostWithoutABoardOrNoURLIsNotABoard(String url) {
        assertThat(CareersUrls.recognise(url)).isEmpty();
    }
}
