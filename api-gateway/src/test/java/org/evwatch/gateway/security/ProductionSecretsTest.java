package org.evwatch.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.evwatch.gateway.settings.GatewaySettings;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static final String PEPPER = "a-pepper-of-this-deployment-only";
    private static final String ADMIN_KEY = "an-admin-key-of-24-chars";

    @Test
    void ownSecretsPass() {
        assertThat(ProductionSecrets.problems(PEPPER, Optional.of(ADMIN_KEY))).isEmpty();
    }

    @Test
    void theDevelopmentPepperIsRefusedNamingItsSetting() {
        assertThat(ProductionSecrets.problems(GatewaySettings.Security.DEVELOPMENT_PEPPER, Optional.of(ADMIN_KEY)))
                .singleElement().asString().contains("EVWATCH_GATEWAY_SECURITY_PEPPER");
    }

    @Test
    void aMissingBlankOrShortAdminKeyIsRefusedNamingItsSetting() {
        assertThat(ProductionSecrets.problems(PEPPER, Optional.empty())).singleElement().asString()
                .contains("EVWATCH_GATEWAY_SECURITY_ADMIN_KEY").contains("unset");
        assertThat(ProductionSecrets.problems(PEPPER, Optional.of("   "))).singleElement().asString()
                .contains("unset");
        assertThat(ProductionSecrets.problems(PEPPER, Optional.of(ADMIN_KEY.substring(1)))).singleElement()
                .asString().contains("EVWATCH_GATEWAY_SECURITY_ADMIN_KEY").contains("at least 24").contains("has 23");
    }

    @Test
    void theMailSecretMustBeOwnAndLong() {
        assertThat(ProductionSecrets.mailProblems("a-mail-secret-of-this-deployment")).isEmpty();
        assertThat(ProductionSecrets.mailProblems(GatewaySettings.Mail.DEVELOPMENT_SECRET)).singleElement()
                .asString().contains("EVWATCH_GATEWAY_MAIL_SECRET").contains("public");
        assertThat(ProductionSecrets.mailProblems("short")).singleElement().asString()
                .contains("EVWATCH_GATEWAY_MAIL_SECRET").contains("has 5");
    }

    @Test
    void bothProblemsAreToldAtOnce() {
        assertThat(ProductionSecrets.problems(GatewaySettings.Security.DEVELOPMENT_PEPPER, Optional.empty()))
                .hasSize(2);
    }
}
