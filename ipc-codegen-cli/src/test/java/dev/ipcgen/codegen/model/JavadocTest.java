package dev.ipcgen.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavadocTest {

    @Test
    void escape_neutralisesCommentEndTagsHtmlAndUnicodeEscapes() {
        assertThat(Javadoc.escape("a */ b")).isEqualTo("a *&#47; b");
        assertThat(Javadoc.escape("<b> & </b>")).isEqualTo("&lt;b&gt; &amp; &lt;/b&gt;");
        assertThat(Javadoc.escape("@deprecated {@link X}")).isEqualTo("&#64;deprecated {&#64;link X}");
        assertThat(Javadoc.escape("\\u002a/")).isEqualTo("&#92;u002a/");
    }

    @Test
    void lines_trimsAndDropsBlankEdges() {
        assertThat(Javadoc.lines(Optional.of("\n  First line.  \r\n\n second\n\n"))).containsExactly("First line.", "",
                "second");
        assertThat(Javadoc.lines(Optional.empty())).isEmpty();
    }
}
