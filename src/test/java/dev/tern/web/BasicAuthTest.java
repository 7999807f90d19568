package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

final class BasicAuthTest {

    private final BasicAuth auth = new BasicAuth("admin", "s3cret:with colon");

    @Test
    void acceptsOnlyTheUserAndPasswordTogether() {
        assertThat(auth.accepts(basic("admin:s3cret:with colon"))).isTrue();
        assertThat(auth.accepts(basic("admin:s3cret"))).isFalse();
        assertThat(auth.accepts(basic("root:s3cret:with colon"))).isFalse();
        assertThat(auth.accepts(basic("admin:"))).isFalse();
    }

    @Test
    void refusesWhatIsNotBasicCredentials() {
        assertThat(auth.accepts(null)).isFalse();
        assertThat(auth.accepts("Bearer abc")).isFalse();
        assertThat(auth.accepts("Basic !!!not-base64")).isFalse();
        assertThat(auth.accepts(basic("no-colon-at-all"))).isFalse();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
