package org.evwatch.gateway.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks from being aimed at the gateway's own network (SSRF). A target is refused unless it is http(s) and
 * every address its host resolves to is public. Refused ranges: unspecified, loopback, link-local, private
 * (RFC 1918), shared (RFC 6598), benchmarking, reserved, broadcast, multicast, IPv6 unique-local and site-local,
 * and IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) when the embedded one is refused.
 * <p>
 * A host written as a number in any form but the standard four decimal parts ({@code 0177.0.0.1},
 * {@code 0x7f.1}, {@code 2130706433}, {@code 127.1}, {@code 127.000.000.001}) is refused outright: URL parsers,
 * resolvers and HTTP clients read such forms differently (octal, hexadecimal or decimal), so the address this guard
 * judges need not be the one a client would connect to.
 * <p>
 * An allow-list of host names and CIDR blocks admits targets that would otherwise be refused, e.g. a receiver on the
 * same host in development. The check runs at subscription time and again before each delivery, since DNS answers
 * change; the delivery then connects to an address this check returned, never resolving the name a second time.
 */
public final class SsrfGuard {

    /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<Cidr> allowedBlocks = new ArrayList<>();
    private final Resolver resolver;

    /**
     * @param allowList host names ({@code receiver.internal}) and CIDR blocks ({@code 127.0.0.1/32},
     *        {@code fd00::/8}) that may be targeted even though they are not public
     */
    public SsrfGuard(List<String> allowList, Resolver resolver) {
        this.resolver = resolver;
        for (String entry : allowList) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/")) {
                allowedBlocks.add(Cidr.parse(e));
            } else {
                allowedHosts.add(e);
            }
        }
    }

    public static SsrfGuard strict() {
        return new SsrfGuard(List.of(), InetAddress::getAllByName);
    }

    /**
     * Checks a target URL and returns the addresses it resolves to.
     *
     * @throws TargetRefusedException when the URL is not an absolute http(s) URL, cannot be resolved, or resolves to
     *         a refused address that the allow-list does not name
     */
    public List<InetAddress> check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new TargetRefusedException("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetRefusedException("only http and https targets are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefusedException("credentials in the URL are not allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new TargetRefusedException("the URL has no host that is a name or an address");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (Ipv4Forms.isNumeric(host) && !Ipv4Forms.isStandard(host)) {
            throw new TargetRefusedException("the host is an IPv4 address in a non-standard form (octal, hexadecimal,"
                    + " a single number, short or zero-padded), which clients read differently; write it as four"
                    + " decimal numbers");
        }
        if (allowedHosts.contains(host)) {
            return resolve(host);
        }
        List<InetAddress> addresses = resolve(host);
        for (InetAddress address : addresses) {
            String reason = refusal(address);
            if (reason != null && allowedBlocks.stream().noneMatch(b -> b.contains(address))) {
                throw new TargetRefusedException("the target resolves to a " + reason + " address");
            }
        }
        return addresses;
    }

    private List<InetAddress> resolve(String host) {
        try {
            InetAddress[] all = resolver.resolve(host);
            if (all == null || all.length == 0) {
                throw new TargetRefusedException("the target host does not resolve");
            }
            return List.of(all);
        } catch (UnknownHostException e) {
            throw new TargetRefusedException("the target host does not resolve");
        }
    }

    /** Why an address is refused ("loopback", "private", ...), or null when it is public. */
    public static String refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusal4(b);
        }
        if (address instanceof Inet6Address) {
            return refusal6(b);
        }
        return "unknown";
    }

    private static String refusal4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return "unspecified";
        }
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local";
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return "shared (carrier-grade NAT)";
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return "reserved (IETF protocol assignments)";
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return "benchmarking";
        }
        if (a0 >= 224 && a0 <= 239) {
            return "multicast";
        }
        if (a0 >= 240) {
            return a0 == 255 && a1 == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255
                    ? "broadcast"
                    : "reserved";
        }
        return null;
    }

    private static String refusal6(byte[] b) {
        boolean zero10 = true;
        for (int i = 0; i < 10; i++) {
            zero10 &= b[i] == 0;
        }
        int w5 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
        if (zero10 && w5 == 0) {
            boolean zero = true;
            for (int i = 12; i < 15; i++) {
                zero &= b[i] == 0;
            }
            if (zero && b[15] == 0) {
                return "unspecified";
            }
            if (zero && b[15] == 1) {
                return "loopback";
            }
            // ::a.b.c.d, IPv4-compatible (deprecated): judge the embedded address.
            return embedded(b, 12, "IPv4-compatible");
        }
        if (zero10 && w5 == 0xffff) {
            return embedded(b, 12, "IPv4-mapped");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xff) {
            return "multicast";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "link-local";
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "site-local";
        }
        if ((first & 0xfe) == 0xfc) {
            return "unique local";
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return embedded(b, 12, "NAT64");
        }
        if (first == 0x20 && second == 0x02) {
            return embedded(b, 2, "6to4");
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "documentation";
        }
        return null;
    }

    private static String embedded(byte[] b, int offset, String form) {
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        String inner = refusal4(v4);
        return inner == null ? null : inner + " (" + form + ")";
    }

    /** An address block. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                byte[] net = InetAddress.getByName(parts[0]).getAddress();
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > net.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(net, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((a[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
