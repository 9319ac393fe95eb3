package org.evwatch.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private final DigestSchedule schedule = new DigestSchedule(LocalTime.of(7, 0), DayOfWeek.MONDAY);

    @Test
    void immediateIsNow() {
        Instant now = Instant.parse("2026-03-04T10:15:30Z");
        assertThat(schedule.dueAt(EmailFrequency.IMMEDIATE, now)).isEqualTo(now);
    }

    @Test
    void dailyIsTheNextDigestTimeInUtc() {
        // 2026-03-04 is a Wednesday.
        assertThat(schedule.dueAt(EmailFrequency.DAILY, Instant.parse("2026-03-04T06:59:59Z")))
                .isEqualTo(Instant.parse("2026-03-04T07:00:00Z"));
        assertThat(schedule.dueAt(EmailFrequency.DAILY, Instant.parse("2026-03-04T07:00:00Z")))
                .as("a paper matched at the digest time goes into the next one")
                .isEqualTo(Instant.parse("2026-03-05T07:00:00Z"));
        assertThat(schedule.dueAt(EmailFrequency.DAILY, Instant.parse("2026-12-31T23:30:00Z")))
                .isEqualTo(Instant.parse("2027-01-01T07:00:00Z"));
    }

    @Test
    void weeklyIsTheNextWeeklyDayAtTheDigestTime() {
        assertThat(schedule.dueAt(EmailFrequency.WEEKLY, Instant.parse("2026-03-04T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
        assertThat(schedule.dueAt(EmailFrequency.WEEKLY, Instant.parse("2026-03-09T06:00:00Z")))
                .as("earlier on the weekly day: that day").isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
        assertThat(schedule.dueAt(EmailFrequency.WEEKLY, Instant.parse("2026-03-09T07:00:01Z")))
                .as("later on the weekly day: a week on").isEqualTo(Instant.parse("2026-03-16T07:00:00Z"));
        DigestSchedule friday = new DigestSchedule(LocalTime.of(18, 30), DayOfWeek.FRIDAY);
        assertThat(friday.dueAt(EmailFrequency.WEEKLY, Instant.parse("2026-03-04T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-06T18:30:00Z"));
    }
}
