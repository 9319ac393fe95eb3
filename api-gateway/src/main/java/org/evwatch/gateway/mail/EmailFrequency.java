package org.evwatch.gateway.mail;

import java.util.Locale;
import java.util.Optional;

/** How often a subscription mails its new papers: each at once, or gathered in a daily or weekly digest. */
public enum EmailFrequency {
    IMMEDIATE, DAILY, WEEKLY;

    /** The name the API uses: {@code immediate}, {@code daily}, {@code weekly}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The frequency of an API name, in any case. */
    public static Optional<EmailFrequency> of(String name) {
        for (EmailFrequency f : values()) {
            if (f.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
