package io.atspro.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InProcessJobsDisabledTest {

    @Test
    void skipsEveryExecutionOnlyWhenSwitchedOff() {
        assertThat(new InProcessJobsDisabled(true).test(null)).isFalse();
        assertThat(new InProcessJobsDisabled(true).inProcess()).isTrue();
        assertThat(new InProcessJobsDisabled(false).test(null)).isTrue();
        assertThat(new InProcessJobsDisabled(false).inProcess()).isFalse();
    }
}
