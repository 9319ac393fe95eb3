package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path runtime;

    @Test
    void firstStartMakesStrongSecretsInAFileOnlyItsOwnerReads() throws IOException {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(runtime);
        assertThat(secrets.file()).isEqualTo(runtime.resolve("secrets.properties"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.file())))
                .isEqualTo("rw-------");
        for (String name : new String[]{LocalSecrets.PEPPER, LocalSecrets.ADMIN_KEY, LocalSecrets.INTERNAL_TOKEN,
                LocalSecrets.MAIL_SECRET}) {
            assertThat(secrets.get(name)).as(name).hasSizeGreaterThanOrEqualTo(40);
        }
        assertThat(secrets.get(LocalSecrets.ADMIN_KEY)).isNotEqualTo(secrets.get(LocalSecrets.INTERNAL_TOKEN));
    }

    @Test
    void laterStartsKeepTheSecretsAndMakeOnlyTheMissingOnes() throws IOException {
        LocalSecrets first = LocalSecrets.loadOrCreate(runtime);
        assertThat(LocalSecrets.loadOrCreate(runtime).env("api-gateway")).isEqualTo(first.env("api-gateway"));

        Files.writeString(first.file(), LocalSecrets.PEPPER + "=kept-pepper-of-this-runtime\n");
        LocalSecrets later = LocalSecrets.loadOrCreate(runtime);
        assertThat(later.get(LocalSecrets.PEPPER)).isEqualTo("kept-pepper-of-this-runtime");
        assertThat(later.get(LocalSecrets.ADMIN_KEY)).isNotBlank();
        assertThat(LocalSecrets.loadOrCreate(runtime).get(LocalSecrets.ADMIN_KEY))
                .isEqualTo(later.get(LocalSecrets.ADMIN_KEY));
    }

    @Test
    void eachServiceGetsTheTokenAndOnlyTheGatewayItsOwnSecrets() throws IOException {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(runtime);
        assertThat(secrets.env("indexer")).containsOnlyKeys("EVWATCH_INTERNAL_TOKEN")
                .containsEntry("EVWATCH_INTERNAL_TOKEN", secrets.get(LocalSecrets.INTERNAL_TOKEN));
        assertThat(secrets.env("api-gateway")).containsOnlyKeys("EVWATCH_INTERNAL_TOKEN",
                "EVWATCH_GATEWAY_SECURITY_PEPPER", "EVWATCH_GATEWAY_SECURITY_ADMIN_KEY", "EVWATCH_GATEWAY_MAIL_SECRET")
                .containsEntry("EVWATCH_GATEWAY_SECURITY_ADMIN_KEY", secrets.get(LocalSecrets.ADMIN_KEY));
    }
}
