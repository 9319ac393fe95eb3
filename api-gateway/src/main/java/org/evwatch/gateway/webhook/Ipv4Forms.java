package org.evwatch.gateway.webhook;

import java.util.regex.Pattern;

/**
 * The ways a host can spell an IPv4 address. URL parsers (WHATWG) read a host whose last label is a number as an IPv4
 * address, and accept octal ({@code 0177}), hexadecimal ({@code 0x7f}) and fewer than four parts ({@code 127.1},
 * {@code 2130706433}); Java's resolver reads some of these as decimal and others as names to look up. Only the
 * standard form, four decimal numbers from 0 to 255 without leading zeros, means the same address to all of them.
 */
final class Ipv4Forms {

    private static final Pattern NUMBER = Pattern.compile("(0[xX][0-9a-fA-F]*|[0-9]+)");
    private static final Pattern STANDARD = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private Ipv4Forms() {
    }

    /** Whether a URL parser would read {@code host} as an IPv4 address: its last label (before a final dot) is a number. */
    static boolean isNumeric(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = h.substring(h.lastIndexOf('.') + 1);
        return !last.isEmpty() && NUMBER.matcher(last).matches();
    }

    /** Whether {@code host} is four decimal numbers from 0 to 255 without leading zeros. */
    static boolean isStandard(String host) {
        return STANDARD.matcher(host).matches();
    }
}
