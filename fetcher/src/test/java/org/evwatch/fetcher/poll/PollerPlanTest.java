package org.evwatch.fetcher.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.evwatch.fetcher.source.DateWindow;
import org.junit.jupiter.api.Test;

class PollerPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static DateWindow w(String from, String to) {
        return new DateWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void cutsWindowsAtTheSettledDaySoTheCursorCanPassIt() {
        assertThat(Poller.plan(LocalDate.of(2026, 3, 1), TODAY, 7, TODAY.minusDays(2)))
                .containsExactly(w("2026-03-01", "2026-03-07"), w("2026-03-08", "2026-03-14"),
                        w("2026-03-15", "2026-03-18"), w("2026-03-19", "2026-03-20"));
    }

    @Test
    void aCursorInTheUnsettledDaysStillFetchesThemAgain() {
        assertThat(Poller.plan(LocalDate.of(2026, 3, 19), TODAY, 7, TODAY.minusDays(2)))
                .containsExactly(w("2026-03-19", "2026-03-20"));
    }

    @Test
    void nothingToDoWhenTheCursorIsAtToday() {
        assertThat(Poller.plan(TODAY.plusDays(1), TODAY, 7, TODAY)).isEmpty();
    }

    @Test
    void oneDayWindowsCoverEveryDayOnce() {
        assertThat(Poller.plan(TODAY.minusDays(2), TODAY, 1, TODAY))
                .containsExactly(w("2026-03-18", "2026-03-18"), w("2026-03-19", "2026-03-19"),
                        w("2026-03-20", "2026-03-20"));
    }
}
