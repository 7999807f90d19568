package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TextTest {

    @Test
    void cleanTrimsAndCollapsesEveryKindOfWhitespace() {
        assertThat(Text.clean("  Software\u00a0\u00a0Engineer\tIntern\r\n (Summer) \u2007"))
                .isEqualTo("Software Engineer Intern (Summer)");
    }

    @Test
    void cleanTurnsNullIntoEmpty() {
        assertThat(Text.clean(null)).isEmpty();
        assertThat(Text.clean(" \n\t ")).isEmpty();
    }

    @Test
    void unescapeDecodesEntities() {
        assertThat(Text.unescape("R&amp;D Intern &#8211; Data &lt;3")).isEqualTo("R&D Intern – Data <3");
        assertThat(Text.unescape("AT&T")).isEqualTo("AT&T");
        assertThat(Text.unescape(null)).isEmpty();
    }

    @Test
    void foldIgnoresCaseAccentsDotsAndAmpersands() {
        assertThat(Text.fold(" Montréal ")).isEqualTo(Text.fold("MONTREAL"));
        assertThat(Text.fold("U.S.")).isEqualTo("us");
        assertThat(Text.fold("Antigua & Barbuda")).isEqualTo("antigua and barbuda");
    }
}
