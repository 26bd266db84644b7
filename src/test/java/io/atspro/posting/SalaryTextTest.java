package io.atspro.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalaryTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "For roles based in San Francisco, the estimated base salary range for this role is $150,000 - $180,000 per year. | 150000 | 180000 | USD | year",
        "The base salary range is $126k - $155k per year | 126000 | 155000 | USD | year",
        "the estimated base salary range for this role is $80 - 110 per hour | 80 | 110 | USD | hour",
        "The pay range for this role is 184,000 USD - 287,500 USD. | 184000 | 287500 | USD | year",
        "Gehalt: 55.000 – 65.000 € brutto im Jahr | 55000 | 65000 | EUR | year",
        "Salary: £45,000 to £55,000 | 45000 | 55000 | GBP | year",
        "Hourly rate: $57.50/hr | 57.50 | 57.50 | USD | hour",
        "Vergütung: 3.750 - 5.250 EUR pro Monat | 3750 | 5250 | EUR | month",
        "The salary range is 150-180k EUR. | 150000 | 180000 | EUR | year"})
    void aStatedSalaryIsRead(String text, BigDecimal min, BigDecimal max, String currency, String interval) {
        SalaryText.Salary salary = SalaryText.find(text);
        assertThat(salary).isNotNull();
        assertThat(salary.min()).isEqualByComparingTo(min);
        assertThat(salary.max()).isEqualByComparingTo(max);
        assertThat(salary.currency()).isEqualTo(currency);
        assertThat(salary.interval()).isEqualTo(interval);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "We offer a competitive salary and a $1,000 learning budget.",
        "Competitive salary. We raised $20,000,000 in our Series B.",
        "Salary: competitive, plus a $500 - $1,000 home office stipend",
        "Global Salary Level: Level 7",
        "You will manage a budget of $2,000,000 - $3,000,000.",
        "We pay 30 days of holiday and 401(k) matching up to 4%.",
        "Our compensation philosophy is simple.",
        "Salary 100 - 200",
        "The salary is up to $90,000 per year."})
    void moneyThatIsNoSalaryIsNone(String text) {
        assertThat(SalaryText.find(text)).isNull();
    }

    @org.junit.jupiter.api.Test
    void rangesForSeveralLocationsBecomeTheWidestOne() {
        SalaryText.Salary salary = SalaryText.find("""
                For roles based in San Francisco, the base salary range is $180,000 - $200,000 per year.
                For roles based in Denver, the base salary range is $150,000 - $170,000 per year.""");
        assertThat(salary.min()).isEqualByComparingTo("150000");
        assertThat(salary.max()).isEqualByComparingTo("200000");
    }
}
