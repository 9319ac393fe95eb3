package org.evwatch.gateway.mail;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a matched paper is mailed: at once for {@link EmailFrequency#IMMEDIATE}; otherwise at the next digest time
 * (UTC), every day or every week on {@code weeklyDay}. Papers of one address due at the same digest time go out in
 * one mail.
 */
public record DigestSchedule(LocalTime time, DayOfWeek weeklyDay) {

    /** When a paper matched at {@code now} is due. */
    public Instant dueAt(EmailFrequency frequency, Instant now) {
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        ZonedDateTime today = utc.with(time);
        return switch (frequency) {
            case IMMEDIATE -> now;
            case DAILY -> (today.isAfter(utc) ? today : today.plusDays(1)).toInstant();
            case WEEKLY -> {
                ZonedDateTime day = today.with(TemporalAdjusters.nextOrSame(weeklyDay));
                yield (day.isAfter(utc) ? day : day.plusWeeks(1)).toInstant();
            }
        };
    }
}
