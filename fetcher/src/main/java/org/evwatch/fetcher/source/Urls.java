package org.evwatch.fetcher.source;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Builds request URLs with every parameter value encoded; null values are left out. */
final class Urls {

    private Urls() {
    }

    /** A value as one path segment, its slashes kept (a DOI's prefix and suffix stay two readable parts). */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    static URI of(URI base, String path, Map<String, String> params) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        String q = query.toString();
        return URI.create(root + path + (q.isEmpty() ? "" : "?" + q));
    }
}
