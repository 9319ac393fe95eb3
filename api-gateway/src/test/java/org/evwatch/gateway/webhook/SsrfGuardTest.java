package org.evwatch.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    /** Host names resolve through this table, so the test needs no DNS; literals resolve as themselves. */
    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[]{"93.184.216.34"},
            "rebind.example.com", new String[]{"93.184.216.34", "10.0.0.5"},
            "receiver.internal", new String[]{"10.1.2.3"},
            "v6only.example.com", new String[]{"2606:4700::6810:84e5"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] ips = DNS.get(host);
        if (ips == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            out[i] = InetAddress.getByName(ips[i]);
        }
        return out;
    }

    private final SsrfGuard strict = new SsrfGuard(List.of(), SsrfGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook", "http://127.1.2.3:9000/", "http://0.0.0.0/", "http://10.0.0.1/",
            "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest",
            "http://100.64.0.1/", "http://224.0.0.1/", "http://255.255.255.255/", "http://[::1]/", "http://[::]/",
            "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[ff02::1]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:a9fe:a9fe]/",
            "http://[64:ff9b::a00:1]/", "http://[2002:c0a8:0101::1]/", "http://[::127.0.0.1]/",
            "http://rebind.example.com/", "http://receiver.internal/"})
    void refusesNonPublicTargets(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining("address");
    }

    /** Forms that URL parsers read as 127.0.0.1 (or another address) while Java reads them otherwise, or not at all. */
    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1:8083/", "http://0x7f.0.0.1/", "http://0x7f000001/",
            "http://2130706433/", "http://017700000001/", "http://127.1/", "http://127.000.000.001/",
            "http://010.0.0.1/", "http://0300.0250.0.1/", "http://1.2.3.4.5/", "http://hooks.example.com.127/",
            "http://0177.0.0.1./", "http://08.8.8.8/"})
    void refusesIpv4AddressesInNonStandardForms(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(TargetRefusedException.class)
                .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("non-standard form"),
                        e -> assertThat(e).hasMessageContaining("no host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "gopher://hooks.example.com/",
            "http://user:pw@hooks.example.com/", "http:///nohost", "not a url", "http://unknown.invalid/"})
    void refusesOtherSchemesCredentialsAndUnresolvableHosts(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(TargetRefusedException.class);
    }

    @Test
    void acceptsPublicTargets() {
        assertThat(strict.check("https://hooks.example.com/evwatch")).hasSize(1);
        assertThatCode(() -> strict.check("https://v6only.example.com/")).doesNotThrowAnyException();
        assertThatCode(() -> strict.check("http://8.8.8.8:8080/x")).doesNotThrowAnyException();
        assertThatCode(() -> strict.check("http://172.32.0.1/")).as("just outside 172.16/12")
                .doesNotThrowAnyException();
    }

    @Test
    void theAllowListAdmitsNamedHostsAndBlocks() {
        SsrfGuard guard = new SsrfGuard(List.of("receiver.internal", "127.0.0.1/32", "fd00::/8"),
                SsrfGuardTest::resolve);
        assertThatCode(() -> guard.check("http://receiver.internal:8080/h")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://127.0.0.1:9999/h")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("http://[fd00::5]/")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("http://127.0.0.2/")).isInstanceOf(TargetRefusedException.class);
        assertThatThrownBy(() -> guard.check("http://10.0.0.1/")).isInstanceOf(TargetRefusedException.class);
    }
}
