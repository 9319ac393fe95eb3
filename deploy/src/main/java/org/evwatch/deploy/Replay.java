package org.evwatch.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts a replay of every fetched record through the pipeline and follows its progress, through the fetcher's
 * internal API ({@code /internal/v1/replays}). Starting while a replay runs follows that one: the command can be
 * stopped and run again at any time, and a replay left by a stopped fetcher is taken up by the next one. Run by
 * {@code deploy/replay.sh}; see docs/operations.md.
 */
public final class Replay {

    private static final String USAGE = """
            usage: replay.sh start [--no-wait]    start a replay (or follow the one running) until it is done
                   replay.sh status [<id>]         the latest replays, or one
              options: --fetcher <url> (default: $EVWATCH_FETCHER_URL or http://127.0.0.1:8081); the service token
              is $EVWATCH_INTERNAL_TOKEN (replay.sh reads the local runtime's when it is unset)""";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVERY = Duration.ofSeconds(2);

    private final String fetcher;
    private final String token;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Replay(String fetcher, String token, PrintStream out) {
        this.fetcher = fetcher.replaceAll("/+$", "");
        this.token = token;
        this.out = out;
    }

    public static void main(String[] args) {
        String url = System.getenv().getOrDefault("EVWATCH_FETCHER_URL", "http://127.0.0.1:8081");
        boolean wait = true;
        String id = null;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--no-wait" -> wait = false;
                    case "--fetcher" -> url = i + 1 < args.length ? args[++i] : "";
                    default -> id = args[i];
                }
            }
            Replay replay = new Replay(url, System.getenv("EVWATCH_INTERNAL_TOKEN"), System.out);
            switch (args.length == 0 ? "" : args[0]) {
                case "start" -> replay.start(wait);
                case "status" -> replay.status(id);
                default -> throw new IllegalArgumentException("a command is needed: start or status");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("replay: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (IOException e) {
            System.err.println("replay: the fetcher at " + url + " did not answer: " + e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    /** Starts a replay, or takes the running one; with {@code wait}, prints its progress until it is done. */
    public JsonNode start(boolean wait) throws IOException, InterruptedException {
        JsonNode replay = call("POST", "/internal/v1/replays");
        out.println(line(replay));
        return wait ? follow(replay.path("id").asLong(), line(replay)) : replay;
    }

    /** Prints the progress of one replay (or of the latest ones) once. */
    public void status(String id) throws IOException, InterruptedException {
        JsonNode found = call("GET", "/internal/v1/replays" + (id == null ? "" : "/" + Long.parseLong(id)));
        if (found.isArray()) {
            found.forEach(r -> out.println(line(r)));
        } else {
            out.println(line(found));
        }
    }

    /** Prints the replay's progress whenever it moves from {@code last}, until it is done; returns it then. */
    private JsonNode follow(long id, String last) throws IOException, InterruptedException {
        while (true) {
            JsonNode replay = call("GET", "/internal/v1/replays/" + id);
            String now = line(replay);
            if (!now.equals(last)) {
                out.println(now);
                last = now;
            }
            if (!"RUNNING".equals(replay.path("state").asText())) {
                return replay;
            }
            Thread.sleep(EVERY.toMillis());
        }
    }

    static String line(JsonNode r) {
        String error = r.path("lastError").isTextual() ? " - last error: " + r.path("lastError").asText() : "";
        return "replay " + r.path("id").asLong() + " " + r.path("state").asText() + ": " + r.path("done").asLong()
                + "/" + r.path("total").asLong() + " records done (" + r.path("sent").asLong() + " sent again, "
                + r.path("missing").asLong() + " without a stored copy)" + error;
    }

    private JsonNode call(String method, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fetcher + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
