package org.evwatch.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The secrets of a local runtime: the gateway's API-key pepper, bootstrap admin key and mail-link secret, and the
 * internal APIs' service token. They are made at random on first start and kept in {@code <runtime>/secrets.properties}, readable by its
 * owner only, so that API keys created once stay valid across restarts.
 */
public final class LocalSecrets {

    public static final String FILE = "secrets.properties";
    public static final String ADMIN_KEY = "evwatch.gateway.security.admin-key";
    public static final String INTERNAL_TOKEN = "evwatch.internal.token";
    static final String PEPPER = "evwatch.gateway.security.pepper";
    static final String MAIL_SECRET = "evwatch.gateway.mail.secret";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values;

    private LocalSecrets(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** The runtime's secrets, made now for those the file does not hold yet. */
    public static LocalSecrets loadOrCreate(Path runtime) throws IOException {
        Path file = runtime.resolve(FILE);
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            }
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        boolean added = false;
        for (String name : new String[]{PEPPER, ADMIN_KEY, INTERNAL_TOKEN, MAIL_SECRET}) {
            if (values.getProperty(name, "").isBlank()) {
                values.setProperty(name, random());
                added = true;
            }
        }
        if (added) {
            try (Writer out = Files.newBufferedWriter(file)) {
                values.store(out, "Secrets of this EVwatch runtime, made at its first start; keep this file private");
            }
        }
        return new LocalSecrets(file, values);
    }

    public Path file() {
        return file;
    }

    public String get(String name) {
        return values.getProperty(name);
    }

    /** The environment that gives a service its secrets: the service token to each, the gateway's own to it. */
    public Map<String, String> env(String module) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EVWATCH_INTERNAL_TOKEN", get(INTERNAL_TOKEN));
        if (module.equals("api-gateway")) {
            env.put("EVWATCH_GATEWAY_SECURITY_PEPPER", get(PEPPER));
            env.put("EVWATCH_GATEWAY_SECURITY_ADMIN_KEY", get(ADMIN_KEY));
            env.put("EVWATCH_GATEWAY_MAIL_SECRET", get(MAIL_SECRET));
        }
        return env;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
