package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Mar 2021        | 2021-03",
        "March 2021      | 2021-03",
        "mar. 2021       | 2021-03",
        "Sept 2019       | 2019-09",
        "March, 2021     | 2021-03",
        "03/2021         | 2021-03",
        "3/2021          | 2021-03",
        "03.2021         | 2021-03",
        "2021/04         | 2021-04",
        "2021            | 2021",
        "2021-03         | 2021-03",
        "2021-03-15      | 2021-03-15",
        "15 March 2021   | 2021-03-15",
        "March 15, 2021  | 2021-03-15",
        "Dec '19         | 2019-12",
        "  Jun 1999      | 1999-06"})
    void normalisesCommonSpellings(String raw, String iso) {
        assertThat(PartialDate.normalise(raw)).isEqualTo(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "13/2021", "2021-13", "Marchy 2021", "21", "12345"})
    void returnsNullForWhatIsNotADate(String raw) {
        assertThat(PartialDate.normalise(raw)).isNull();
    }

    @Test
    void nullIsNotADate() {
        assertThat(PartialDate.normalise(null)).isNull();
        assertThat(PartialDate.isPresent(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Present", "present.", "Current", "currently", "Now", "today", "Ongoing", "to date", " PRESENT "})
    void recognisesWordsForOngoing(String raw) {
        assertThat(PartialDate.isPresent(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "Presently employed", "nowhere", "Mar 2021"})
    void doesNotMistakeOtherTextForPresent(String raw) {
        assertThat(PartialDate.isPresent(raw)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Jan 2020 – Present          | 2020-01 | null    | true",
        "Jan 2020 — present          | 2020-01 | null    | true",
        "2019-03 - 2021-06           | 2019-03 | 2021-06 | false",
        "2018 to 2020                | 2018    | 2020    | false",
        "2018-2020                   | 2018    | 2020    | false",
        "2018–2020                   | 2018    | 2020    | false",
        "Mar 2019—Jun 2021           | 2019-03 | 2021-06 | false",
        "03/2019 – 05/2021           | 2019-03 | 2021-05 | false",
        "March 2021 to Current       | 2021-03 | null    | true",
        "Since 2020                  | 2020    | null    | true",
        "Sep 2015 until Dec 2017     | 2015-09 | 2017-12 | false",
        "2016-09 – now               | 2016-09 | null    | true"})
    void findsRanges(String line, String start, String end, boolean current) {
        DateRange range = DateRange.findRange(line).orElseThrow().range();

        assertThat(range).isEqualTo(new DateRange(start, end, current));
    }

    @Test
    void leavesTheRestOfTheLineReadable() {
        String line = "Senior Engineer, Acme Corp (Jan 2020 – Present)";
        DateRange.Found found = DateRange.findRange(line).orElseThrow();

        assertThat(found.remainder(line)).isEqualTo("Senior Engineer, Acme Corp");
        assertThat(DateRange.findRange("Acme Corp | Backend Developer | 2019-03 - 2021-06").orElseThrow()
                .remainder("Acme Corp | Backend Developer | 2019-03 - 2021-06")).isEqualTo("Acme Corp | Backend Developer");
    }

    @Test
    void aLoneDateIsAnEndDate() {
        assertThat(DateRange.findRange("Stanford University, May 2016")).isEmpty();
        assertThat(DateRange.findRangeOrDate("Stanford University, May 2016").orElseThrow().range())
                .isEqualTo(new DateRange(null, "2016-05", false));
    }

    @Test
    void displaysMonthsInShortForm() {
        assertThat(PartialDate.display("2021-03")).isEqualTo("Mar 2021");
        assertThat(PartialDate.display("2021-03-15")).isEqualTo("Mar 2021");
        assertThat(PartialDate.display("2021")).isEqualTo("2021");
        assertThat(PartialDate.display("someday")).isEqualTo("someday");
    }
}
