package org.evwatch.gateway.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;

/**
 * Drives headless Chromium through chromedriver with the W3C WebDriver protocol (JSON over HTTP), which is all a
 * page test needs: open a URL, find elements by CSS selector, click, type, read text and attributes.
 */
public final class WebDriverClient implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String session;
    private final Path profile;

    /** What a test does in the browser. */
    public interface Steps {
        void run(WebDriverClient browser) throws Exception;
    }

    /**
     * Runs the steps in a fresh headless Chromium; on a failure, saves what the page showed as
     * {@code target/<failureShot>.png}. Without Chromium and chromedriver the test is skipped, or fails under CI.
     */
    public static void inBrowser(String failureShot, Steps steps) throws Exception {
        String[] chromium = installed();
        if (chromium == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Chromium and chromedriver are required under CI "
                        + "(apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("Chromium and chromedriver are not installed "
                    + "(apt-get install chromium chromium-driver)");
        }
        try (WebDriverClient browser = new WebDriverClient(chromium[0], chromium[1])) {
            try {
                steps.run(browser);
            } catch (AssertionError | RuntimeException e) {
                Path shot = Path.of("target", failureShot + ".png");
                Files.createDirectories(shot.getParent());
                browser.screenshot(shot);
                throw e;
            }
        }
    }

    /** Where Debian puts Chromium and its driver; null when either is missing. */
    public static String[] installed() {
        String browser = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        String driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        return browser == null || driver == null ? null : new String[]{browser, driver};
    }

    private static String firstExisting(String... paths) {
        for (String p : paths) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }

    public WebDriverClient(String browserPath, String driverPath) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        driver = new ProcessBuilder(driverPath, "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (call("GET", "/status", null).path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                driver.destroy();
                throw new IllegalStateException("chromedriver did not start");
            }
            Thread.sleep(100);
        }
        profile = Files.createTempDirectory("evwatch-chromium");
        // The flags that let Chromium run as root in a sandboxed, offline machine without reaching out.
        List<String> args = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", browserPath, "args", args)))));
        session = created.path("sessionId").asText();
    }

    public void open(String url) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** The first element matching a CSS selector, waiting up to {@code timeout} for it to appear. */
    public String waitFor(String css, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> found = findAll(css);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no element '" + css + "' within " + timeout + "; page text: "
                        + script("return document.body.innerText.slice(0, 500)"));
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until the text of the first element matching a CSS selector contains {@code part}; an element the page
     * replaces meanwhile is looked up again.
     */
    public String waitForText(String css, String part, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            List<String> found = findAll(css);
            if (!found.isEmpty()) {
                try {
                    text = text(found.get(0));
                } catch (IllegalStateException e) {
                    if (!e.getMessage().contains("stale element")) {
                        throw e;
                    }
                }
                if (text.contains(part)) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + css + "' did not show '" + part + "' within " + timeout + "; it shows: "
                + text);
    }

    public List<String> findAll(String css) throws IOException, InterruptedException {
        JsonNode value = call("POST", "/session/" + session + "/elements",
                Map.of("using", "css selector", "value", css));
        List<String> ids = new ArrayList<>();
        value.forEach(e -> ids.add(e.path(ELEMENT).asText()));
        return ids;
    }

    public void click(String element) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/element/" + element + "/click", Map.of());
    }

    public void type(String element, String text) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/element/" + element + "/clear", Map.of());
        call("POST", "/session/" + session + "/element/" + element + "/value", Map.of("text", text));
    }

    public String text(String element) throws IOException, InterruptedException {
        return call("GET", "/session/" + session + "/element/" + element + "/text", null).asText();
    }

    public String attribute(String element, String name) throws IOException, InterruptedException {
        JsonNode v = call("GET", "/session/" + session + "/element/" + element + "/attribute/" + name, null);
        return v.isNull() ? null : v.asText();
    }

    public String script(String js) throws IOException, InterruptedException {
        JsonNode v = call("POST", "/session/" + session + "/execute/sync", Map.of("script", js, "args", List.of()));
        return v.isNull() ? null : v.asText();
    }

    /** A PNG screenshot of the page, for a person to look at when a test fails. */
    public void screenshot(Path file) throws IOException, InterruptedException {
        String b64 = call("GET", "/session/" + session + "/screenshot", null).asText();
        Files.write(file, java.util.Base64.getDecoder().decode(b64));
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        b = body == null
                ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(r.body());
        if (r.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + path + ": " + json.path("value"));
        }
        return json.path("value");
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (Exception e) {
            // the browser is going away anyway
        } finally {
            // Chromium runs as children of chromedriver: end them too, so no browser outlives the test.
            driver.descendants().forEach(ProcessHandle::destroy);
            driver.destroy();
            try {
                try (var walk = Files.walk(profile)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } catch (IOException | RuntimeException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
