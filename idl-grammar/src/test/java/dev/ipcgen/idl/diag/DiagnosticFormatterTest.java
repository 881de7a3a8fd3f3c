package dev.ipcgen.idl.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticFormatterTest {

    @Test
    void format_showsTheLineAndACaretUnderTheColumn() {
        Diagnostic d = Diagnostic.error(new SourceSpan("a.ipc", 2, 8), "unknown type 'Usr'");

        String text = DiagnosticFormatter.format(d, Optional.of("package p;\r\n\tuser: Usr,\r\n"));

        assertThat(text).isEqualTo("a.ipc:2:8: error: unknown type 'Usr'\n\tuser: Usr,\n\t      ^");
    }

    @Test
    void format_withoutSourceOrPlace_isTheHeadline() {
        Diagnostic placed = Diagnostic.warning(new SourceSpan("a.ipc", 9, 1), "w");
        Diagnostic unplaced = Diagnostic.error(null, "cannot read 'x.ipc': no such file");

        assertThat(DiagnosticFormatter.format(placed, Optional.empty())).isEqualTo("a.ipc:9:1: warning: w");
        assertThat(DiagnosticFormatter.format(placed, Optional.of("one line"))).isEqualTo("a.ipc:9:1: warning: w");
        assertThat(DiagnosticFormatter.format(unplaced, Optional.of("x"))).isEqualTo("error: cannot read 'x.ipc': no such file");
    }
}
