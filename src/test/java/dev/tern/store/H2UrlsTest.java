package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class H2UrlsTest {

    @Test
    void addsPostgresCompatibilityToAnH2UrlWithoutAModeAndDurableCommitsToAFile() {
        assertThat(H2Urls.withDefaults("jdbc:h2:file:./data/tern"))
                .isEqualTo("jdbc:h2:retry:file:./data/tern;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                        + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        assertThat(H2Urls.withDefaults("jdbc:h2:mem:x"))
                .isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(H2Urls.withDefaults("jdbc:h2:file:./t;MODE=PostgreSQL;WRITE_DELAY=500"))
                .isEqualTo("jdbc:h2:retry:file:./t;MODE=PostgreSQL;WRITE_DELAY=500");
        assertThat(H2Urls.withDefaults("jdbc:h2:retry:./t;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:retry:./t;MODE=PostgreSQL;WRITE_DELAY=0");
    }

    @Test
    void keepsAModeTheAdminChose() {
        assertThat(H2Urls.withDefaults("jdbc:h2:mem:x;mode=MySQL")).isEqualTo("jdbc:h2:mem:x;mode=MySQL");
    }

    @Test
    void leavesOtherDatabasesAlone() {
        assertThat(H2Urls.withDefaults("jdbc:postgresql://db/tern")).isEqualTo("jdbc:postgresql://db/tern");
    }

    @Test
    void findsTheFileOfFileUrlsOnly() {
        assertThat(H2Urls.filePath("jdbc:h2:file:./data/tern;MODE=PostgreSQL")).isEqualTo(Path.of("./data/tern"));
        assertThat(H2Urls.filePath("jdbc:h2:./data/tern")).isEqualTo(Path.of("./data/tern"));
        assertThat(H2Urls.filePath("jdbc:h2:retry:file:./data/tern")).isEqualTo(Path.of("./data/tern"));
        assertThat(H2Urls.filePath("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isNull();
        assertThat(H2Urls.filePath("jdbc:h2:tcp://localhost/tern")).isNull();
        assertThat(H2Urls.filePath("jdbc:postgresql://db/tern")).isNull();
    }

    @Test
    void aFileUrlWithoutAutoServerIsOneProcessOnly() {
        assertThat(H2Urls.lacksAutoServer("jdbc:h2:file:./data/tern")).isTrue();
        assertThat(H2Urls.lacksAutoServer("jdbc:h2:./data/tern;MODE=PostgreSQL"))
                .isTrue();
        assertThat(H2Urls.lacksAutoServer("jdbc:h2:file:./data/tern;auto_server=true"))
                .isFalse();
        assertThat(H2Urls.lacksAutoServer("jdbc:h2:mem:x")).isFalse();
        assertThat(H2Urls.lacksAutoServer("jdbc:h2:tcp://localhost/tern")).isFalse();
        assertThat(H2Urls.lacksAutoServer("jdbc:postgresql://db/tern")).isFalse();
    }

    @Test
    void dropsSettingsThatMayHoldSecretsFromLoggedUrls() {
        assertThat(H2Urls.withoutSecrets("jdbc:h2:file:./t;PASSWORD=x")).isEqualTo("jdbc:h2:file:./t");
        assertThat(H2Urls.withoutSecrets("jdbc:postgresql://db/tern?password=x"))
                .isEqualTo("jdbc:postgresql://db/tern");
    }
}
